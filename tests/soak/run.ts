/**
 * `pnpm soak [-- --cycles 10000 --minutes 10 --clients 200 --docs 20]`, `pnpm soak -- --crash`:
 * 10,000 connect/disconnect cycles, then a long mixed load; after each, once idle documents have
 * unloaded, the server's heap must be back within HEAP_DRIFT_BOUND_MB of its baseline, with no
 * resident document and no error. Prints the figures; exits non-zero when a bound is missed.
 */
import { numberFlag, readFlags } from '../fuzz/args.js';
import { startOurServer, type OurServer } from '../reliability/support/our-server.js';
import { dialectFor } from '../bench/load/dialect.js';
import { runLoad } from '../bench/load/run-load.js';
import { OURS_QUERY } from '../bench/servers/ours-query.js';
import { runConnectCycles, waitForNoResidentDocs } from './connect-cycles.js';
import { crashSoak, crossInstanceSoak } from './crash.js';

/** Heap after settle may exceed the warmed-up baseline by at most this much (RELIABILITY.md R7). */
export const HEAP_DRIFT_BOUND_MB = 8;
const IDLE_MS = 1_000;
const MB = 1024 * 1024;

async function settledHeapMb(server: OurServer): Promise<{ heapMb: number; resident: number }> {
  const resident = await waitForNoResidentDocs(server, 30_000);
  // Two GC'd samples a moment apart: the lower one is the settled heap.
  const first = await server.stats(true);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const second = await server.stats(true);
  return { heapMb: Math.min(first.heapUsed, second.heapUsed) / MB, resident };
}

async function soak(flags: Map<string, string>): Promise<number> {
  const problems: string[] = [];
  const server = await startOurServer({ env: { IDLE_MS: String(IDLE_MS) } });
  try {
    // Warm up (JIT, SQLite caches, pools) so the baseline is not an empty process.
    await runConnectCycles(server, 300, 0);
    const baseline = await settledHeapMb(server);
    console.log(`baseline heap after warm-up: ${baseline.heapMb.toFixed(1)} MB`);

    const cycles = numberFlag(flags, 'cycles', 10_000);
    const cycleReport = await runConnectCycles(server, cycles, 300);
    const afterCycles = await settledHeapMb(server);
    console.log(`connect/disconnect: ${cycles} cycles in ${cycleReport.seconds.toFixed(1)} s (${(cycles / cycleReport.seconds).toFixed(0)}/s), ${cycleReport.errors} errors, ${cycleReport.unexpectedCloses} unexpected closes; heap after settle ${afterCycles.heapMb.toFixed(1)} MB (${(afterCycles.heapMb - baseline.heapMb).toFixed(2)} MB from baseline), resident docs ${afterCycles.resident}`);
    if (cycleReport.errors + cycleReport.unexpectedCloses > 0) problems.push('connect cycles had errors');
    if (afterCycles.resident !== 0) problems.push(`${afterCycles.resident} documents still resident after the cycles`);
    if (afterCycles.heapMb - baseline.heapMb > HEAP_DRIFT_BOUND_MB) problems.push('heap drift after the cycles beyond the bound');

    const seconds = numberFlag(flags, 'minutes', 10) * 60;
    const clients = numberFlag(flags, 'clients', 200);
    const docs = numberFlag(flags, 'docs', Math.max(1, Math.round(clients / 10)));
    const load = await runLoad(server, dialectFor('ours', OURS_QUERY), {
      clients, docs, seconds, writersPerDoc: 3, charsPerSecond: 5, presenceEverySeconds: 3, waitForSync: true,
    });
    const afterLoad = await settledHeapMb(server);
    console.log(`mixed load: ${clients} clients over ${docs} documents for ${seconds} s: edit p99 ${load.editP99.toFixed(2)} ms, ack p99 ${load.ackP99.toFixed(2)} ms, ${load.updatesPerSecond.toFixed(0)} updates/s, peak RSS ${load.serverRssMb.toFixed(0)} MB, ${load.errors} errors, closes ${load.closes || 'none'}; heap after settle ${afterLoad.heapMb.toFixed(1)} MB (${(afterLoad.heapMb - baseline.heapMb).toFixed(2)} MB from baseline), resident docs ${afterLoad.resident}`);
    if (load.errors > 0 || load.closes !== '') problems.push('mixed load had errors or server-side closes');
    if (afterLoad.resident !== 0) problems.push(`${afterLoad.resident} documents still resident after the load`);
    if (afterLoad.heapMb - baseline.heapMb > HEAP_DRIFT_BOUND_MB) problems.push('heap drift after the load beyond the bound');
    if (server.child.exitCode !== null) problems.push('the server process died');
  } finally {
    await server.dispose();
  }
  for (const problem of problems) console.error(`SOAK PROBLEM: ${problem}`);
  console.log(`soak: ${problems.length === 0 ? 'OK' : `${problems.length} problems`} (heap drift bound ${HEAP_DRIFT_BOUND_MB} MB)`);
  return problems.length === 0 ? 0 : 1;
}

const flags = readFlags(process.argv.slice(2));
process.exit(flags.has('cross') ? await crossInstanceSoak(flags) : flags.has('crash') ? await crashSoak(flags) : await soak(flags));
