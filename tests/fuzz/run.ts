/**
 * `pnpm fuzz`: long convergence fuzzing against the core's room (default 10,000 seeds), one seed
 * with `-- --seed N`, or decoder fuzzing against the real server with `-- --decoder`.
 * Prints every failing seed so it can be replayed; exits non-zero on any failure.
 */
import { performance } from 'node:perf_hooks';
import { readFlags, numberFlag } from './args.js';
import { defaultSeedOptions, runSeed } from './convergence/run-seed.js';
import { coreRoomFactory } from './convergence/room-adapter.js';
import { createReferenceRoom } from './convergence/reference-room.js';
import type { FuzzServerFactory } from './convergence/fuzz-server.js';

/** `--instances 2`: two cores linked through the machine's PostgreSQL and Redis (R23). */
async function twoInstances(): Promise<{ factory: FuzzServerFactory; done: () => Promise<void> }> {
  const { createScratchDatabase } = await import('@cydweithio/sync-server/db/postgres/scratch-database');
  const { createPool, migratePg } = await import('@cydweithio/sync-server/db/postgres/open');
  const { twoInstanceFactory } = await import('./convergence/two-instances.js');
  const database = await createScratchDatabase();
  const pools = [createPool(database.url), createPool(database.url)] as const;
  await migratePg(pools[0]);
  const reset = async (): Promise<void> => void (await pools[0].query('TRUNCATE doc_updates, doc_snapshots'));
  return {
    factory: twoInstanceFactory({ pools: [pools[0], pools[1]], reset }),
    done: async () => {
      await Promise.all(pools.map((pool) => pool.end()));
      await database.drop();
    },
  };
}

async function convergence(flags: Map<string, string>): Promise<number> {
  const linked = flags.get('instances') === '2' ? await twoInstances() : undefined;
  const factory = linked?.factory ?? (flags.has('reference') ? createReferenceRoom : coreRoomFactory);
  const options = {
    clients: numberFlag(flags, 'clients', defaultSeedOptions.clients),
    steps: numberFlag(flags, 'steps', defaultSeedOptions.steps),
    reorder: !flags.has('no-reorder'),
  };
  const single = flags.get('seed');
  const first = single === undefined ? numberFlag(flags, 'start', 1) : Number(single);
  const count = single === undefined ? numberFlag(flags, 'seeds', linked ? 1_000 : 10_000) : 1;
  const started = performance.now();
  let failed = 0;
  let edits = 0;
  for (let seed = first; seed < first + count; seed++) {
    const result = await runSeed(seed, factory, options);
    edits += result.edits;
    if (!result.ok) {
      failed++;
      console.error(`FAIL seed ${seed} (replay: pnpm fuzz -- --seed ${seed})\n${result.problem}`);
    }
    if ((seed - first + 1) % 1000 === 0) console.log(`  ${seed - first + 1} seeds, ${failed} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await linked?.done();
  const seconds = (performance.now() - started) / 1000;
  console.log(`convergence${linked ? ' (two instances)' : ''}: ${count} seeds (${first}..${first + count - 1}), ${options.clients} clients, ${options.steps} steps, reorder=${options.reorder}, ${edits} edits, ${failed} failed, ${seconds.toFixed(1)} s`);
  return failed === 0 ? 0 : 1;
}

const flags = readFlags(process.argv.slice(2));

async function decoder(): Promise<number> {
  // Loaded only when asked for: it starts real server processes.
  const { runDecoderFuzz } = await import('./decoder/run-decoder-fuzz.js');
  const result = await runDecoderFuzz({ frames: numberFlag(flags, 'frames', 100_000), seed: numberFlag(flags, 'seed', 1), lanes: numberFlag(flags, 'lanes', 2), log: true });
  return result.problems.length === 0 ? 0 : 1;
}

const code = flags.has('decoder') ? await decoder() : await convergence(flags);
process.exit(code);
