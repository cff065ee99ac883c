/**
 * `pnpm bench [-- --clients 100,1000 --docs N --seconds S --only ours,relay --no-memory --write]`:
 * the same load against each server in turn, each in its own process; prints a table and the
 * ratios ours/each, then (with --write) records them in BENCHMARKS.md.
 */
import { rmSync } from 'node:fs';
import { readFlags, numberFlag } from '../fuzz/args.js';
import { startChildServer } from '../reliability/support/child-server.js';
import { dialectFor } from './load/dialect.js';
import { runLoad, type LoadResult } from './load/run-load.js';
import { runMemory, type MemoryResult } from './load/run-memory.js';
import { SERVERS } from './servers/catalog.js';
import { OURS_QUERY } from './servers/ours-query.js';
import { measureCatchUp } from './catch-up.js';
import { meanCommitMs } from './load/commit-time.js';
import { formatReport, writeBenchmarks, type ServerFigures } from './report.js';

const flags = readFlags(process.argv.slice(2));
const clientCounts = (flags.get('clients') ?? '100,1000').split(',').map(Number);
const seconds = numberFlag(flags, 'seconds', 20);
const only = flags.get('only')?.split(',');
const figures: ServerFigures[] = [];

for (const entry of SERVERS) {
  if (only && !only.includes(entry.kind)) continue;
  const dialect = dialectFor(entry.kind, OURS_QUERY);
  const loads: LoadResult[] = [];
  let memory: MemoryResult | null = null;
  for (const clients of clientCounts) {
    const env = entry.env();
    const server = await startChildServer({ script: entry.script, env });
    try {
      const docs = numberFlag(flags, 'docs', Math.max(1, Math.round(clients / 10)));
      console.log(`${entry.kind}: ${clients} clients over ${docs} documents, ${seconds} s ...`);
      const result = await runLoad(server, dialect, {
        clients, docs, seconds, writersPerDoc: 3, charsPerSecond: 5, presenceEverySeconds: 3, waitForSync: entry.answersSync,
      });
      if (entry.kind === 'ours') result.meanCommitMs = await meanCommitMs(server.port).catch(() => Number.NaN);
      console.log(`  edit p50 ${result.editP50.toFixed(2)} ms, p99 ${result.editP99.toFixed(2)} ms, ack p99 ${result.ackP99.toFixed(2)} ms, ${result.updatesPerSecond.toFixed(0)} updates/s, cpu ${result.serverCpuPercent.toFixed(0)}%${result.meanCommitMs === undefined ? '' : `, mean commit ${result.meanCommitMs.toFixed(2)} ms`}`);
      loads.push(result);
    } finally {
      await server.stop();
      if (env['DATA_DIR']) rmSync(env['DATA_DIR'], { recursive: true, force: true });
    }
  }
  if (!flags.has('no-memory') && entry.kind !== 'relay') {
    const env = entry.env();
    const server = await startChildServer({ script: entry.script, env });
    try {
      memory = await runMemory(server, dialect, numberFlag(flags, 'memory-docs', 100), numberFlag(flags, 'idle', 1000), entry.answersSync);
      console.log(`  memory: ${memory.heapPerIdleConnectionKb.toFixed(1)} KB heap/idle connection, ${memory.heapPerDocKb.toFixed(1)} KB heap/doc (${memory.storedBytesPerDoc.toFixed(0)} B stored)`);
    } finally {
      await server.stop();
      if (env['DATA_DIR']) rmSync(env['DATA_DIR'], { recursive: true, force: true });
    }
  }
  figures.push({ kind: entry.kind, label: entry.label, loads, memory });
}

const catchUp = only && !only.includes('ours') ? null : await measureCatchUp();
const report = formatReport(figures, catchUp, process.argv.slice(2).join(' '));
console.log(report);
if (flags.has('write')) writeBenchmarks(report);
process.exit(0);
