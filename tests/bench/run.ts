/**
 * `pnpm bench [-- --clients 100,1000 --docs N --seconds S --rounds R --only ours,relay
 * --peers pinned|current|both --no-memory --memory-docs N --idle N --profile DIR --write]`: the same load against each server
 * in turn, each in its own process. With several rounds the servers take turns in a rotating
 * order, so a noisy minute on this shared machine hits every server alike; the report gives the
 * median of the rounds and each round's p99. Prints a table and the ratios ours/each, then
 * (with --write) records them in BENCHMARKS.md.
 */
import { rmSync } from 'node:fs';
import { readFlags, numberFlag } from '../fuzz/args.js';
import { startChildServer } from '../reliability/support/child-server.js';
import { dialectFor } from './load/dialect.js';
import { runLoad, type LoadResult } from './load/run-load.js';
import { runMemory, type MemoryResult } from './load/run-memory.js';
import { SERVERS, type ServerEntry } from './servers/catalog.js';
import { OURS_QUERY } from './servers/ours-query.js';
import { measureCatchUp } from './catch-up.js';
import { commitFigures } from './load/commit-time.js';
import { formatReport, writeBenchmarks, type ServerFigures } from './report.js';

const flags = readFlags(process.argv.slice(2));
const clientCounts = (flags.get('clients') ?? '100,1000').split(',').map(Number);
const seconds = numberFlag(flags, 'seconds', 20);
const rounds = numberFlag(flags, 'rounds', 3);
const only = flags.get('only')?.split(',');
// --peers pinned|current|both (default both): the peers' pinned lines, their current releases, or both.
const peers = flags.get('peers') ?? 'both';
if (!['pinned', 'current', 'both'].includes(peers)) throw new Error(`--peers ${peers}: give pinned, current or both`);
// --profile DIR: each server child writes a V8 CPU profile there (open it in Chrome DevTools).
const profileDir = flags.get('profile');
const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
/** How long the memory phase lets documents rest before measuring them "quiet". */
const QUIET_MS = 4_000;
const servers = SERVERS.filter((entry) => (!only || only.includes(entry.kind)) && (!entry.release || peers === 'both' || entry.release === peers));

async function withServer<T>(entry: ServerEntry, env: Record<string, string>, run: (server: Awaited<ReturnType<typeof startChildServer>>) => Promise<T>): Promise<T> {
  const server = await startChildServer({ script: entry.script, env, nodeArgs });
  try {
    return await run(server);
  } finally {
    await server.stop();
    if (env['DATA_DIR']) rmSync(env['DATA_DIR'], { recursive: true, force: true });
  }
}

const loads = new Map<ServerEntry, LoadResult[][]>(servers.map((entry) => [entry, clientCounts.map(() => [])]));
for (const [countIndex, clients] of clientCounts.entries()) {
  const docs = numberFlag(flags, 'docs', Math.max(1, Math.round(clients / 10)));
  for (let round = 0; round < rounds; round++) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length] as ServerEntry);
    for (const entry of order) {
      const dialect = dialectFor(entry.kind, OURS_QUERY);
      console.log(`${entry.kind}: ${clients} clients over ${docs} documents, ${seconds} s (round ${round + 1}/${rounds}) ...`);
      const result = await withServer(entry, entry.env(), async (server) => {
        const measured = await runLoad(server, dialect, { clients, docs, seconds, writersPerDoc: 3, charsPerSecond: 5, presenceEverySeconds: 3, waitForSync: entry.answersSync });
        if (entry.kind === 'ours') Object.assign(measured, await commitFigures(server.port).catch(() => ({ meanCommitMs: Number.NaN })));
        return measured;
      });
      console.log(`  edit p50 ${result.editP50.toFixed(2)} ms, p90 ${result.editP90.toFixed(2)} ms, p99 ${result.editP99.toFixed(2)} ms, ack p99 ${result.ackP99.toFixed(2)} ms, ${result.updatesPerSecond.toFixed(0)} updates/s, cpu ${result.serverCpuPercent.toFixed(0)}% (system ${result.serverSystemCpuPercent.toFixed(0)}%, main thread ${result.serverMainThreadCpuPercent.toFixed(0)}%, ${result.cpuPerDeliveredUpdateUs.toFixed(1)} µs per delivered update), loop delay p99 ${result.serverLoopDelayP99Ms.toFixed(2)} ms, max ${result.serverLoopDelayMaxMs.toFixed(1)} ms, gc max ${result.serverGcMaxMs.toFixed(1)} ms (${result.serverGcPercent.toFixed(1)}% of the window)${result.meanCommitMs === undefined ? '' : `, commit mean ${result.meanCommitMs.toFixed(2)} ms, p99 ≤ ${result.commitP99Ms?.toFixed(1)} ms, ${result.batches} transactions, server-side ack p99 ≤ ${result.serverAckP99Ms?.toFixed(1)} ms`}`);
      loads.get(entry)?.[countIndex]?.push(result);
    }
  }
}

const figures: ServerFigures[] = [];
for (const entry of servers) {
  let memory: MemoryResult | null = null;
  // The relay too: it holds no document, but its idle connections are the floor (bare ws on Node).
  if (!flags.has('no-memory')) {
    // Ours holds a document as bytes once it has been quiet for a while (SPEC S22): a second
    // after a burst for a document this small, as in production.
    const env = entry.env();
    memory = await withServer(entry, env, (server) =>
      runMemory(server, dialectFor(entry.kind, OURS_QUERY), { docs: numberFlag(flags, 'memory-docs', 100), idle: numberFlag(flags, 'idle', 2000), waitForSync: entry.answersSync, quietMs: QUIET_MS }),
    );
    console.log(`${entry.kind} memory: ${memory.perIdleConnectionKb.toFixed(2)} KB/idle connection, ${memory.perDocTypingKb.toFixed(1)} KB/doc at its last keystroke, ${memory.perDocTypedKb.toFixed(1)} KB/doc 1.5 s after, ${memory.perDocQuietKb.toFixed(1)} KB/doc quiet (${memory.storedBytesPerDoc.toFixed(0)} B stored)`);
  }
  figures.push({ kind: entry.kind, label: entry.label, rounds: loads.get(entry) ?? [], memory });
}

const catchUp = only && !only.includes('ours') ? null : await measureCatchUp();
// pnpm passes its own `--` separator through; the recorded command is the one a reader types.
const report = formatReport(figures, catchUp, process.argv.slice(2).filter((arg) => arg !== '--').join(' '));
console.log(report);
if (flags.has('write')) writeBenchmarks(report);
process.exit(0);
