/** The bench's printed table and BENCHMARKS.md: figures with the command, date and machine. */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_DIR } from '../reliability/support/child-server.js';
import type { ServerKind } from './load/dialect.js';
import type { LoadResult } from './load/run-load.js';
import type { MemoryResult } from './load/run-memory.js';
import type { CatchUpResult } from './catch-up.js';

/** Per client count, the result of each round. */
export interface ServerFigures { kind: ServerKind; label: string; rounds: LoadResult[][]; memory: MemoryResult | null }

interface Summary extends LoadResult {
  /** Each round's edit→peer p99, in the order run. */
  editP99s: number[];
  ackP99s: number[];
}

function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? (finite[mid] as number) : ((finite[mid - 1] as number) + (finite[mid] as number)) / 2;
}

/** The median of each figure over the rounds (errors are summed, closes listed). */
function summarise(rounds: LoadResult[]): Summary | null {
  const first = rounds[0];
  if (!first) return null;
  const mid = (pick: (r: LoadResult) => number): number => median(rounds.map(pick));
  return {
    clients: first.clients,
    docs: first.docs,
    editP50: mid((r) => r.editP50),
    editP90: mid((r) => r.editP90),
    editP99: mid((r) => r.editP99),
    edits: mid((r) => r.edits),
    ackP50: mid((r) => r.ackP50),
    ackP99: mid((r) => r.ackP99),
    acks: mid((r) => r.acks),
    updatesPerSecond: mid((r) => r.updatesPerSecond),
    serverCpuPercent: mid((r) => r.serverCpuPercent),
    serverSystemCpuPercent: mid((r) => r.serverSystemCpuPercent),
    serverMainThreadCpuPercent: mid((r) => r.serverMainThreadCpuPercent),
    cpuPerDeliveredUpdateUs: mid((r) => r.cpuPerDeliveredUpdateUs),
    serverRssMb: mid((r) => r.serverRssMb),
    serverLoopDelayMaxMs: Math.max(...rounds.map((r) => r.serverLoopDelayMaxMs)),
    serverLoopDelayP99Ms: mid((r) => r.serverLoopDelayP99Ms),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    closes: rounds.map((r) => r.closes).filter(Boolean).join(' '),
    meanCommitMs: mid((r) => r.meanCommitMs ?? Number.NaN),
    editP99s: rounds.map((r) => r.editP99),
    ackP99s: rounds.map((r) => r.ackP99),
  };
}

const summaries = (f: ServerFigures): Summary[] => f.rounds.map(summarise).filter((x): x is Summary => x !== null);

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

export function machine(): string {
  let cpu = 'unknown CPU';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: the model name stays unknown.
  }
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${os.availableParallelism()} cores (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average at the end ${load} (the machine is shared)`;
}

function loadTable(figures: ServerFigures[]): string[] {
  const lines = [
    '| server | clients / docs | edit→peer p50 / p90 ms | p99 ms (median) | p99 ms of each round | durable ack p50 / p99 ms | updates/s delivered | server CPU % | server RSS MB | loop delay p99 / max ms | errors / closes |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    for (const l of summaries(f)) {
      const ack = f.kind === 'ours' ? `${ms(l.ackP50)} / ${ms(l.ackP99)} (rounds: ${l.ackP99s.map(ms).join(', ')}; ${l.acks} acks; mean commit ${ms(l.meanCommitMs ?? Number.NaN)})` : '—';
      lines.push(`| ${f.label} | ${l.clients} / ${l.docs} | ${ms(l.editP50)} / ${ms(l.editP90)} | ${ms(l.editP99)} | ${l.editP99s.map(ms).join(', ')} | ${ack} | ${l.updatesPerSecond.toFixed(0)} | ${l.serverCpuPercent.toFixed(1)} | ${l.serverRssMb.toFixed(0)} | ${l.serverLoopDelayP99Ms.toFixed(1)} / ${l.serverLoopDelayMaxMs.toFixed(1)} | ${l.errors} / ${l.closes || '—'} |`);
    }
  }
  return lines;
}

function ratioLines(figures: ServerFigures[]): string[] {
  const ours = figures.find((f) => f.kind === 'ours');
  if (!ours) return [];
  const lines = ['', '| ours / peer (medians) | clients | edit→peer p50 | edit→peer p99 | server CPU |', '|---|---|---|---|---|'];
  for (const peer of figures.filter((f) => f.kind !== 'ours')) {
    for (const l of summaries(ours)) {
      const p = summaries(peer).find((x) => x.clients === l.clients);
      if (p) lines.push(`| ${peer.label} | ${l.clients} | ${ratio(l.editP50, p.editP50)} | ${ratio(l.editP99, p.editP99)} | ${ratio(l.serverCpuPercent, p.serverCpuPercent)} |`);
    }
  }
  return lines;
}

function memoryLines(figures: ServerFigures[]): string[] {
  const lines = [
    '',
    '| server | per idle connection KB | RSS / idle connection KB | per resident doc being typed in KB | per resident doc, quiet KB | stored bytes / doc | typed ÷ stored | quiet ÷ stored |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const m = f.memory;
    if (!m) continue;
    const times = (kb: number): string => `${((kb * 1024) / m.storedBytesPerDoc).toFixed(1)}x`;
    lines.push(`| ${f.label} | ${m.perIdleConnectionKb.toFixed(2)} | ${m.rssPerIdleConnectionKb.toFixed(2)} | ${m.perDocTypedKb.toFixed(1)} | ${m.perDocQuietKb.toFixed(1)} | ${m.storedBytesPerDoc.toFixed(0)} | ${times(m.perDocTypedKb)} | ${times(m.perDocQuietKb)} |`);
  }
  return lines;
}

export function formatReport(figures: ServerFigures[], catchUp: CatchUpResult | null, args: string): string {
  const lines = [
    `Run: \`pnpm bench${args ? ` -- ${args}` : ''}\` on ${new Date().toISOString()}`,
    `Machine: ${machine()}. Load generator and server share the machine; each server runs in its own process.`,
    'Load: per document 3 writers typing 5 characters/s each (one update per keystroke), the rest reading; every client moves its presence every 3 s. 2 s warm-up, then the measured window. With several rounds the servers take turns in a rotating order and each figure is the median of the rounds.',
    '',
    ...loadTable(figures),
    ...ratioLines(figures),
    ...memoryLines(figures),
  ];
  if (catchUp) {
    lines.push('', `One edit behind on a ${catchUp.characters}-character document: sync step 2 of ${catchUp.step2Bytes} bytes for a document of ${catchUp.documentBytes} bytes (${catchUp.percent.toFixed(3)}%).`);
  }
  return lines.join('\n');
}

export function writeBenchmarks(report: string): void {
  const text = [
    '# Benchmarks',
    '',
    'Generated by `pnpm bench -- --write` (tests/bench/run.ts). What each figure means and the targets it is held to are in RELIABILITY.md.',
    '',
    report,
    '',
  ].join('\n');
  writeFileSync(path.join(REPO_DIR, 'BENCHMARKS.md'), text);
}
