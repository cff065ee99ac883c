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
    serverGcMaxMs: Math.max(...rounds.map((r) => r.serverGcMaxMs)),
    serverGcPercent: mid((r) => r.serverGcPercent),
    generatorLoopDelayP99Ms: mid((r) => r.generatorLoopDelayP99Ms),
    generatorLoopDelayMaxMs: Math.max(...rounds.map((r) => r.generatorLoopDelayMaxMs)),
    generatorCpuPercent: mid((r) => r.generatorCpuPercent),
    serviceCpuPercent: Object.fromEntries(Object.keys(first.serviceCpuPercent).map((name) => [name, mid((r) => r.serviceCpuPercent[name] ?? Number.NaN)])),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    closes: rounds.map((r) => r.closes).filter(Boolean).join(' '),
    meanCommitMs: mid((r) => r.meanCommitMs ?? Number.NaN),
    commitP99Ms: mid((r) => r.commitP99Ms ?? Number.NaN),
    serverAckP99Ms: mid((r) => r.serverAckP99Ms ?? Number.NaN),
    batches: mid((r) => r.batches ?? Number.NaN),
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
    '| server | clients / docs | edit→peer p50 / p90 ms | p99 ms (median) | p99 ms of each round | durable ack p50 / p99 ms | updates/s delivered | server CPU % (system / main thread) | CPU µs per delivered update | server RSS MB | loop delay p99 / max ms | errors / closes |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    for (const l of summaries(f)) {
      const ack = f.kind === 'ours' ? `${ms(l.ackP50)} / ${ms(l.ackP99)} (rounds: ${l.ackP99s.map(ms).join(', ')}; ${l.acks} acks; commit mean ${ms(l.meanCommitMs ?? Number.NaN)}, p99 ≤ ${ms(l.commitP99Ms ?? Number.NaN)}; server-side ack p99 ≤ ${ms(l.serverAckP99Ms ?? Number.NaN)}; ${l.batches} transactions)` : '—';
      lines.push(`| ${f.label} | ${l.clients} / ${l.docs} | ${ms(l.editP50)} / ${ms(l.editP90)} | ${ms(l.editP99)} | ${l.editP99s.map(ms).join(', ')} | ${ack} | ${l.updatesPerSecond.toFixed(0)} | ${l.serverCpuPercent.toFixed(1)} (${l.serverSystemCpuPercent.toFixed(1)} / ${l.serverMainThreadCpuPercent.toFixed(1)}) | ${l.cpuPerDeliveredUpdateUs.toFixed(1)} | ${l.serverRssMb.toFixed(0)} | ${l.serverLoopDelayP99Ms.toFixed(1)} / ${l.serverLoopDelayMaxMs.toFixed(1)} | ${l.errors} / ${l.closes || '—'} |`);
    }
  }
  return lines;
}

function ratioLines(figures: ServerFigures[]): string[] {
  const ours = figures.find((f) => f.kind === 'ours');
  if (!ours) return [];
  const lines = ['', '| ours / peer (medians) | clients | edit→peer p50 | edit→peer p90 | edit→peer p99 | server CPU |', '|---|---|---|---|---|---|'];
  for (const peer of figures.filter((f) => f.kind !== 'ours')) {
    for (const l of summaries(ours)) {
      const p = summaries(peer).find((x) => x.clients === l.clients);
      if (p) lines.push(`| ${peer.label} | ${l.clients} | ${ratio(l.editP50, p.editP50)} | ${ratio(l.editP90, p.editP90)} | ${ratio(l.editP99, p.editP99)} | ${ratio(l.serverCpuPercent, p.serverCpuPercent)} |`);
    }
  }
  return lines;
}

function memoryLines(figures: ServerFigures[]): string[] {
  const lines = [
    '',
    '| server | heap + buffers / idle connection KB | RSS / idle connection KB | per doc at its last keystroke KB | per doc 1.5 s after typing KB | per doc, quiet KB | stored bytes / doc | at last keystroke ÷ stored | typed-in (1.5 s after) ÷ stored | quiet ÷ stored |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const m = f.memory;
    if (!m) continue;
    const times = (kb: number): string => `${((kb * 1024) / m.storedBytesPerDoc).toFixed(1)}x`;
    if (f.kind === 'relay') lines.push(`| ${f.label} | ${m.perIdleConnectionKb.toFixed(2)} | ${m.rssPerIdleConnectionKb.toFixed(2)} | — | — | — | — | — | — | — |`);
    else lines.push(`| ${f.label} | ${m.perIdleConnectionKb.toFixed(2)} | ${m.rssPerIdleConnectionKb.toFixed(2)} | ${m.perDocTypingKb.toFixed(1)} | ${m.perDocTypedKb.toFixed(1)} | ${m.perDocQuietKb.toFixed(1)} | ${m.storedBytesPerDoc.toFixed(0)} | ${times(m.perDocTypingKb)} | ${times(m.perDocTypedKb)} | ${times(m.perDocQuietKb)} |`);
  }
  return lines;
}

/** The targets of the live path at 1,000 clients, each with its figure and whether it is met. */
function targetLines(figures: ServerFigures[]): string[] {
  const at1000 = (kind: string): Summary | undefined => summaries(figures.find((f) => f.kind === kind) ?? { kind: 'ours', label: '', rounds: [], memory: null }).find((l) => l.clients === 1000);
  const ours = at1000('ours');
  if (!ours) return [];
  const lines = ['', '| target (1,000 clients, medians unless said) | figure | met |', '|---|---|---|'];
  const row = (target: string, figure: string, met: boolean | null): void => void lines.push(`| ${target} | ${figure} | ${met === null ? 'n/a' : met ? 'yes' : 'no'} |`);
  const reference = at1000('reference');
  if (reference) row('server CPU ≤ 1.2x the reference server (@y/websocket-server 0.1.1)', `${ours.serverCpuPercent.toFixed(1)} % vs ${reference.serverCpuPercent.toFixed(1)} %: ${ratio(ours.serverCpuPercent, reference.serverCpuPercent)}`, ours.serverCpuPercent <= 1.2 * reference.serverCpuPercent);
  const peers = figures.filter((f) => f.kind !== 'ours' && f.kind !== 'relay').map((f) => ({ label: f.label, l: at1000(f.kind) })).filter((p): p is { label: string; l: Summary } => p.l !== undefined);
  for (const [name, pick] of [['p90', (l: Summary) => l.editP90], ['p99', (l: Summary) => l.editP99]] as const) {
    const worst = peers.filter((p) => pick(ours) > pick(p.l));
    row(`edit→peer ${name} no worse than any peer's`, `${ms(pick(ours))} ms vs ${peers.map((p) => `${p.label} ${ms(pick(p.l))}`).join(', ')}`, peers.length === 0 ? null : worst.length === 0);
  }
  const relay = at1000('relay');
  if (relay) row('edit→peer p99 ≤ 1.5x the raw relay', `${ms(ours.editP99)} vs ${ms(relay.editP99)} ms: ${ratio(ours.editP99, relay.editP99)}`, ours.editP99 <= 1.5 * relay.editP99);
  row('durable-ack p99 ≤ 15 ms in every round', `rounds: ${ours.ackP99s.map(ms).join(', ')} ms`, ours.ackP99s.every((p99) => p99 <= 15));
  const memory = figures.find((f) => f.kind === 'ours')?.memory;
  if (memory) {
    row('RSS per idle connection ≤ 5 KB', `${memory.rssPerIdleConnectionKb.toFixed(2)} KB`, memory.rssPerIdleConnectionKb <= 5);
    row('heap (and buffers) per idle connection ≤ 3 KB', `${memory.perIdleConnectionKb.toFixed(2)} KB`, memory.perIdleConnectionKb <= 3);
    const typed = (memory.perDocTypedKb * 1024) / memory.storedBytesPerDoc;
    row('a typed-in document ≤ 10x its stored size (1.5 s after a burst)', `${typed.toFixed(1)}x (at the last keystroke ${((memory.perDocTypingKb * 1024) / memory.storedBytesPerDoc).toFixed(1)}x)`, typed <= 10);
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
    ...targetLines(figures),
  ];
  if (catchUp) {
    lines.push('', `One edit behind on a ${catchUp.characters}-character document: sync step 2 of ${catchUp.step2Bytes} bytes for a document of ${catchUp.documentBytes} bytes (${catchUp.percent.toFixed(3)}%).`);
  }
  return lines.join('\n');
}

const GENERATED_START = '<!-- generated by pnpm bench -- --write: from here -->';
const GENERATED_END = '<!-- generated by pnpm bench -- --write: to here -->';

/** Replaces the generated part of BENCHMARKS.md with this run; the written analysis around it stays. */
export function writeBenchmarks(report: string): void {
  const file = path.join(REPO_DIR, 'BENCHMARKS.md');
  const generated = `${GENERATED_START}\n\n${report}\n\n${GENERATED_END}`;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(GENERATED_START);
  const end = text.indexOf(GENERATED_END);
  const next = start >= 0 && end > start ? `${text.slice(0, start)}${generated}${text.slice(end + GENERATED_END.length)}` : `${text.trimEnd()}\n\n${generated}\n`;
  writeFileSync(file, next);
}
