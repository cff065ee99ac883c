/**
 * Record-layer and public-summary benchmark (CYCLE.md E21, RECORDS.md K17); not a test.
 * A school's record holding five years of its improvement cycle (bench/record-history.ts: each
 * year the governors' approval of an eight-priority plan and its published summary, three
 * confirmed termly reviews of all eight priorities, 15 terms x 8 priorities, and the termly
 * evaluations of A36), plus support-level decisions. Through the real server (SQLite, the access
 * layer, the HTTP routes a browser calls), each round on a fresh server prints p50/p95/max of:
 *   - agree: a further agreement into that record (RecordService.agree, and POST support-level);
 *   - "as it stood at": GET /api/records/:key/subjects/:subject?at= and the whole record ?at=;
 *   - diff: GET /api/records/:key/diff one review against the next, any two versions, and the
 *     first version against the last of the five years; the side-by-side /compare;
 *   - the public summary page's first byte, and the JavaScript it loads (gzipped).
 * A target is met only when every round meets it. With RECORDS_BENCH_BASELINE=<commit> this
 * same bench is first run on that commit (a detached worktree of it, with these bench files
 * copied in, so both sides take the same measures) and its figures printed beside ours.
 *   npx -y pnpm@10 bench:records      (RECORDS_BENCH_ROUNDS, default 3; RECORDS_BENCH_RUNS, default 100)
 *   RECORDS_BENCH_BASELINE=5a88b9b npx -y pnpm@10 bench:records
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RunningApp } from '@cydweithio/sync-server/app';
import { repoRoot } from '../e2e/support/paths';
import { DEMO_PASSWORD, startE2eServer } from '../e2e/support/server';
import { PRIORITIES, fiveYearsOfAgreements } from './record-history';

const ROUNDS = Number(process.env['RECORDS_BENCH_ROUNDS'] ?? 3);
const RUNS = Number(process.env['RECORDS_BENCH_RUNS'] ?? process.env['BENCH_RUNS'] ?? 100);
const BASELINE = process.env['RECORDS_BENCH_BASELINE'];

/** What is measured, in the order printed, with its target (p95 in ms, or KB for the JavaScript). */
const MEASURES = [
  ['agree', 'agree (RecordService.agree, SQLite save included)', 50],
  ['agreeHttp', 'agree through POST /api/schools/:id/support-level', 50],
  ['asOfSubject', 'as it stood at: GET …/subjects/:subject?at=', 100],
  ['asOfRecord', 'as it stood at: the whole record GET …?at=', 100],
  ['compare', 'compare: GET …/subjects/:subject/compare', 100],
  ['diffAdjacent', 'diff, one review against the next: GET …/diff', 100],
  ['diffAny', 'diff, any two versions years apart: GET …/diff', 100],
  ['diffFar', 'diff, first version against the last of five years', 100],
  ['summaryFirstByte', 'public summary, first byte', 50],
] as const;
type Measure = (typeof MEASURES)[number][0];
const JS_TARGET_KB = 30;

interface Stats { p50: number; p95: number; max: number }
interface RoundFigures { stats: Partial<Record<Measure, Stats>>; jsBytes: number | null }

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const statsOf = (values: number[]): Stats => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });

/** One line a round prints per measure; the baseline's output is read back with the same pattern. */
const lineOf = (round: number, key: Measure, s: Stats) => `round ${round}: ${key}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;
const LINE = /^round (\d+): (\w+): p50 ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/;
const JS_LINE = /^round (\d+): summaryJs: (\d+) bytes gzipped/;

function parseRuns(output: string): RoundFigures[] {
  const rounds: RoundFigures[] = [];
  const roundAt = (n: number) => (rounds[n - 1] ??= { stats: {}, jsBytes: null });
  for (const line of output.split('\n')) {
    const m = LINE.exec(line);
    if (m) roundAt(Number(m[1])).stats[m[2] as Measure] = { p50: Number(m[3]), p95: Number(m[4]), max: Number(m[5]) };
    const js = JS_LINE.exec(line);
    if (js) roundAt(Number(js[1])).jsBytes = Number(js[2]);
  }
  return rounds;
}

/** The same bench on an older commit, in a detached worktree of its own with these files copied in. */
function baselineRuns(commit: string): RoundFigures[] {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-bench-records-base-'));
  const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
    execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  run('git', ['worktree', 'add', '--detach', dir, commit], repoRoot);
  try {
    run('npx', ['-y', 'pnpm@10', 'install', '--frozen-lockfile', '--offline'], dir);
    for (const file of ['records.ts', 'record-history.ts']) copyFileSync(join(repoRoot, 'tests/bench', file), join(dir, 'tests/bench', file));
    const env = { ...process.env, RECORDS_BENCH_ROUNDS: String(ROUNDS), RECORDS_BENCH_RUNS: String(RUNS), RECORDS_BENCH_BASELINE: '' };
    const output = run('npx', ['tsx', 'bench/records.ts'], join(dir, 'tests'), env);
    for (const line of output.split('\n')) if (LINE.test(line) || JS_LINE.test(line) || line.startsWith('record ')) console.log(`baseline ${commit}: ${line}`);
    return parseRuns(output);
  } finally {
    run('git', ['worktree', 'remove', '--force', dir], repoRoot);
  }
}

/** Milliseconds to the first byte of the answer (headers and the first chunk of the body). */
function firstByte(url: string): Promise<{ ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(url, (res) => {
      let first = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        if (first === 0) first = performance.now() - start;
        chunks.push(c);
      });
      res.on('end', () => resolve({ ms: first, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** One round on a fresh server: seed the five years, then time every measure RUNS times. */
async function round(n: number): Promise<void> {
  const server = await startE2eServer();
  try {
    const { dataset, running } = server;
    // The e2e server is composed by startApp, whose answer carries the record layer.
    const records = (running as RunningApp).records;
    const caseload = dataset.caseloads[0]!;
    // A school of the demo caseload with no demo history of its own: only the five years.
    const schoolId = caseload.schoolIds.find((id) => !dataset.agreements.some((a) => a.ownerKey === `school:${id}`))!;
    const ownerKey = `school:${schoolId}`;
    const school = dataset.schools.find((s) => s.id === schoolId)!;

    const seedStart = performance.now();
    const history = fiveYearsOfAgreements(schoolId, school.name);
    for (const a of history) await records.agree(ownerKey, a.subject, a.state, a.meta);
    const fiveYears = await records.versions(ownerKey);
    const bytes = (await records.export(ownerKey)).length;
    console.log(`record ${ownerKey} (round ${n}): ${fiveYears.length} versions (5 plans, 5 summaries, 15 reviews x ${PRIORITIES} priorities, 120 termly evaluations), ${(bytes / 1024).toFixed(1)} KB saved; seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}`);

    // Signed in as the school's Improvement Partner, through the routes a browser calls.
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: server.emailOf(caseload.facilitatorId), password: DEMO_PASSWORD }) });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    const key = encodeURIComponent(ownerKey);
    const reviews = fiveYears.filter((v) => v.subject.startsWith('review:'));
    const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length]!;
    const times = Object.fromEntries(MEASURES.map(([k]) => [k, [] as number[]])) as Record<Measure, number[]>;

    for (let i = 0; i < RUNS; i++) {
      const subject = `termly:2025-summer:pri-${i % PRIORITIES}`;
      const state = { schoolId, priorityId: `pri-${i % PRIORITIES}`, term: '2025-summer', status: 'on-track', judgement: 'strong', summary: `Cywiriad ${i}` };
      times.agree.push(await timed(() => records.agree(ownerKey, subject, state, { by: 'demo-facilitator', label: `Correction ${i}`, at: Math.floor(Date.now() / 1000) })));
    }
    for (let i = 0; i < Math.min(RUNS, 50); i++) {
      times.agreeHttp.push(await timed(async () => {
        const res = await fetch(`${server.url}/api/schools/${schoolId}/support-level`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ level: i % 2 === 0 ? 'enhanced' : 'core', reason: `Penderfyniad ${i}`, from: '2026-09-01' }) });
        if (res.status !== 201) throw new Error(`support-level: ${res.status}`);
        await res.arrayBuffer();
      }));
    }
    const all = await records.versions(ownerKey);
    const [first, last] = [fiveYears[0]!, fiveYears[fiveYears.length - 1]!];
    for (let i = 0; i < RUNS; i++) {
      // One review against the next (autumn against spring): what the comparison screen asks.
      const k = i % (reviews.length - 1);
      times.diffAdjacent.push(await timed(() => get(`/api/records/${key}/diff?from=${reviews[k]!.hash}&to=${reviews[k + 1]!.hash}`)));
      times.diffFar.push(await timed(() => get(`/api/records/${key}/diff?from=${first.hash}&to=${last.hash}`)));
    }
    for (let i = 0; i < RUNS; i++) {
      const v = pick(all, i);
      const r = pick(reviews, i);
      times.asOfSubject.push(await timed(() => get(`/api/records/${key}/subjects/${encodeURIComponent(r.subject)}?at=${v.hash}`)));
      times.asOfRecord.push(await timed(() => get(`/api/records/${key}?at=${v.hash}`)));
      const [a, b] = [pick(all, i), pick(all, i + 1)];
      times.diffAny.push(await timed(() => get(`/api/records/${key}/diff?from=${a.hash}&to=${b.hash}`)));
      times.compare.push(await timed(() => get(`/api/records/${key}/subjects/${encodeURIComponent(r.subject)}/compare?from=${a.hash}&to=${b.hash}`)));
    }

    // The public summary: first byte, and what JavaScript the page loads.
    const page = await firstByte(`${server.url}/summary/${schoolId}?lang=cy`);
    for (let i = 0; i < RUNS; i++) times.summaryFirstByte.push((await firstByte(`${server.url}/summary/${schoolId}?lang=${i % 2 === 0 ? 'cy' : 'en'}`)).ms);
    const scripts = [...page.body.matchAll(/<script\b[^>]*?(?:src="([^"]+)")?[^>]*>([\s\S]*?)<\/script>/g)];
    let jsBytes = 0;
    for (const [, src, inline] of scripts) jsBytes += gzipSync(src ? Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer()) : Buffer.from(inline ?? '')).length;
    const htmlGzip = gzipSync(Buffer.from(page.body)).length;
    const css = gzipSync(Buffer.from(await (await fetch(`${server.url}/summary/assets/summary.css`)).arrayBuffer())).length;

    console.log(`round ${n}: ${RUNS} runs each (support-level agreements through HTTP: ${times.agreeHttp.length}); record now ${all.length} versions`);
    for (const [k] of MEASURES) console.log(lineOf(n, k, statsOf(times[k])));
    console.log(`round ${n}: summaryJs: ${jsBytes} bytes gzipped (${scripts.length} script elements); its HTML ${htmlGzip} B and CSS ${css} B gzipped`);
  } finally {
    await server.close();
  }
}

const baseline = BASELINE ? baselineRuns(BASELINE) : null;
let output = '';
const print = console.log;
console.log = (...args: unknown[]) => {
  output += `${args.join(' ')}\n`;
  print(...args);
};
for (let n = 1; n <= ROUNDS; n++) await round(n);
console.log = print;
const ours = parseRuns(output);

// Side by side: each round's p95, the baseline's then ours, and whether every round of ours met the target.
const p95s = (rounds: RoundFigures[] | null, k: Measure) => (rounds ? rounds.map((r) => r.stats[k]?.p95.toFixed(2) ?? '–').join(' / ') : '–');
console.log(`\np95 per round in ms (${ROUNDS} rounds of ${RUNS} runs; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')})`);
console.log(`| measure | target | baseline${BASELINE ? ` ${BASELINE}` : ''} | now | every round |`);
console.log('| --- | --- | --- | --- | --- |');
let missed = 0;
for (const [k, label, target] of MEASURES) {
  const met = ours.length === ROUNDS && ours.every((r) => (r.stats[k]?.p95 ?? Infinity) <= target);
  if (!met) missed++;
  console.log(`| ${label} | ≤ ${target} ms | ${p95s(baseline, k)} | ${p95s(ours, k)} | ${met ? 'met' : 'MISSED'} |`);
}
const jsOf = (rounds: RoundFigures[] | null) => (rounds ? rounds.map((r) => (r.jsBytes === null ? '–' : `${r.jsBytes} B`)).join(' / ') : '–');
const jsMet = ours.every((r) => r.jsBytes !== null && r.jsBytes <= JS_TARGET_KB * 1024);
if (!jsMet) missed++;
console.log(`| public summary JavaScript, gzipped | ≤ ${JS_TARGET_KB} KB | ${jsOf(baseline)} | ${jsOf(ours)} | ${jsMet ? 'met' : 'MISSED'} |`);
console.log(missed === 0 ? 'every target met in every round' : `${missed} of ${MEASURES.length + 1} targets missed in at least one round`);
