/**
 * OVERVIEW.md O28: the LA picture's overview on a synthetic all-Wales dataset: every maintained
 * school in the 2022 address list (about 1,470), each with an approved plan of five priorities,
 * a strength, a need and support lines, three terms of confirmed reviews, and a tag on every
 * item. Prints the overview's server time (LaPicture.overviewAnswer, the route's work less HTTP) for
 * the largest LA and for a partnership of several LAs, cold (first read) and warm (p50, p95 over
 * repeated reads) in each of LA_BENCH_ROUNDS rounds (every round must meet the target; each
 * round starts with fresh services, as after a restart), the one-off backfill of digests for
 * records saved before them (O35), the answer's size beside the size the same overview had with
 * every item inline (O44), and the LA screen's JavaScript gzipped (loaded by Chromium).
 * With LA_BENCH_BASELINE=<commit> the same measures are first taken on that commit (a detached
 * worktree running its own bench, one run per round) and printed beside these.
 *   LA_BENCH_BASELINE=6da53d5 LA_BENCH_ROUNDS=3 npx -y pnpm@10 bench:la
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pictureAgreementsFor } from '@cydweithio/model/demo/laPicture';
import { demoThemeTags } from '@cydweithio/model/demo/laPicture';
import { locateSchools } from '@cydweithio/model/demo/geo';
import { importSchoolsCsv, mergeEditions, parseLocalAuthorities, parseSchoolLocations } from '@cydweithio/model/directory/index';
import { createAccessServices } from '@cydweithio/sync-server/access/services';
import { openDatabase } from '@cydweithio/sync-server/db/open';
import { laPartnershipMembers, laPartnerships } from '@cydweithio/sync-server/db/schema/directory';
import { records as recordRows } from '@cydweithio/sync-server/db/schema/records';
import { DirectoryWrites } from '@cydweithio/sync-server/directory/directory-writes';
import { LaPicture } from '@cydweithio/sync-server/overview/la-picture';
import { unpackOverview } from '@cydweithio/model/rules/laOverviewAnswer';
import { laPictureDigester } from '@cydweithio/sync-server/overview/record-digest';
import { RecordService } from '@cydweithio/sync-server/records/record-service';
import { SqlRecordStore } from '@cydweithio/sync-server/records/sql-record-store';
import type { RecordValue } from '@cydweithio/sync-server/records/record-doc';
import { ensureWebBuilt } from '../e2e/support/build';
import { launchBrowser, newContext } from '../e2e/support/browser';
import { repoRoot, webDist } from '../e2e/support/paths';
import { DEMO_PASSWORD, startE2eServer } from '../e2e/support/server';

const data = (name: string) => readFileSync(join(repoRoot, 'data', name), 'utf8');
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const RUNS = Number(process.env['LA_BENCH_RUNS'] ?? 40);
const ROUNDS = Number(process.env['LA_BENCH_ROUNDS'] ?? 3);
const BASELINE = process.env['LA_BENCH_BASELINE'];
const TARGET_P95_MS = 100;
const TARGET_JS_KB = 120;

/** One scope's figures in one round. */
interface ScopeFigures { cold: number; p50: number; p95: number }
interface RoundFigures { largest: ScopeFigures; partnership: ScopeFigures }

const SCOPE_LINE = /^(largest LA|partnership)[^:]*: cold ([\d.]+) ms; warm p50 ([\d.]+) ms, p95 ([\d.]+) ms/;
const JS_LINE = /^LA screen JS: \d+ files, ([\d.]+) KiB gzipped/;

/** What a run of this bench (or an older commit's) printed: its rounds' figures and the screen's JS. */
function parseRun(output: string): { rounds: RoundFigures[]; jsKb: number | null } {
  const rounds: RoundFigures[] = [];
  let current: Partial<RoundFigures> = {};
  let jsKb: number | null = null;
  for (const line of output.split('\n')) {
    const m = SCOPE_LINE.exec(line.replace(/^round \d+: /, ''));
    if (m) {
      const figures = { cold: Number(m[2]), p50: Number(m[3]), p95: Number(m[4]) };
      if (m[1] === 'largest LA') current = { largest: figures };
      else if (current.largest) {
        rounds.push({ largest: current.largest, partnership: figures });
        current = {};
      }
    }
    const js = JS_LINE.exec(line);
    if (js) jsKb = Number(js[1]);
  }
  return { rounds, jsKb };
}

/** The baseline: the same bench at an older commit, in a detached worktree of its own, once per round. */
function baselineRuns(commit: string): { rounds: RoundFigures[]; jsKb: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-bench-la-base-'));
  const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
    execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  run('git', ['worktree', 'add', '--detach', dir, commit], repoRoot);
  try {
    run('npx', ['-y', 'pnpm@10', 'install', '--frozen-lockfile', '--offline'], dir);
    const rounds: RoundFigures[] = [];
    let jsKb: number | null = null;
    for (let round = 1; round <= ROUNDS; round++) {
      const output = run('npx', ['tsx', 'bench/la-overview.ts'], join(dir, 'tests'), { ...process.env, LA_BENCH_RUNS: String(RUNS), LA_BENCH_ROUNDS: '1' });
      const parsed = parseRun(output);
      for (const line of output.split('\n')) if (SCOPE_LINE.test(line.replace(/^round \d+: /, '')) || JS_LINE.test(line)) console.log(`baseline ${commit} run ${round}: ${line}`);
      rounds.push(...parsed.rounds.slice(0, 1));
      jsKb = parsed.jsKb ?? jsKb;
    }
    return { rounds, jsKb };
  } finally {
    run('git', ['worktree', 'remove', '--force', dir], repoRoot);
  }
}

async function overviewTimes(): Promise<RoundFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-bench-la-'));
  const database = openDatabase(dir);
  try {
    const las = parseLocalAuthorities(data('wales-local-authorities.csv'));
    const schools = locateSchools(
      mergeEditions(importSchoolsCsv(data('wg-schools-maintained-2022-06.en.csv'), las), importSchoolsCsv(data('wg-schools-maintained-2022-06.cy.csv'), las)),
      parseSchoolLocations(data('welsh-schools-2026-04.json')),
    );
    const writes = new DirectoryWrites(database.sql);
    await writes.upsertLocalAuthorities(las);
    await writes.upsertSchools(schools, 'en');
    const byLa = new Map<number, number>();
    for (const s of schools) byLa.set(s.laCode, (byLa.get(s.laCode) ?? 0) + 1);
    const largest = [...byLa.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 681;
    // A partnership of the Central South LAs: Bridgend, Vale of Glamorgan, RCT, Merthyr Tydfil, Cardiff.
    const partnership = { id: 'bench-central-south', laCodes: [672, 673, 674, 675, 681] };
    await database.sql.run((db) => db.insert(laPartnerships).values({ id: partnership.id, kind: 'operational', topicCy: 'Canol De Cymru', topicEn: 'Central South Wales', endDate: null }));
    for (const laCode of partnership.laCodes) await database.sql.run((db) => db.insert(laPartnershipMembers).values({ partnershipId: partnership.id, laCode }));

    const clock = () => Date.parse('2027-07-20T12:00:00Z');
    const records = new RecordService(new SqlRecordStore(database.sql), laPictureDigester);
    const picture = new LaPicture(createAccessServices({ sql: database.sql, records, clock }));
    const started = performance.now();
    for (const [i, school] of schools.entries()) {
      const { agreements, themes } = pictureAgreementsFor(school, i, { academicYear: 2026, priorities: 5, reviews: 3, governorId: 'bench-governor', facilitatorId: 'bench-facilitator' });
      for (const a of agreements) await records.agree(a.ownerKey, a.subject, a.state as unknown as RecordValue, { by: a.by, label: a.label, at: a.at });
      for (const t of themes) await picture.store.setItemThemes(t, 'bench');
    }
    for (const code of new Set(schools.map((s) => s.laCode))) for (const tag of demoThemeTags(code)) await picture.store.addTag(tag, 'bench');
    console.log(`dataset: ${schools.length} schools in ${byLa.size} LAs, 5 priorities and 3 confirmed reviews each, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const scopes = [
      ['largest', `largest LA (${largest}, ${byLa.get(largest)} schools)`, { type: 'la', laCode: largest }],
      ['partnership', `partnership of ${partnership.laCodes.length} LAs (${partnership.laCodes.reduce((n, c) => n + (byLa.get(c) ?? 0), 0)} schools)`, { type: 'partnership', id: partnership.id }],
    ] as const;
    const rounds: RoundFigures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // As after a restart: no record, digest or overview held in memory.
      const fresh = new LaPicture(createAccessServices({ sql: database.sql, records: new RecordService(new SqlRecordStore(database.sql), laPictureDigester), clock }));
      const figures: Partial<RoundFigures> = {};
      for (const [key, name, scope] of scopes) {
        const t0 = performance.now();
        const first = await fresh.overviewAnswer(scope);
        JSON.stringify(first);
        const cold = performance.now() - t0;
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          const o = await fresh.overviewAnswer(scope);
          JSON.stringify(o);
          times.push(performance.now() - t);
        }
        const size = Buffer.byteLength(JSON.stringify(first));
        const inline = Buffer.byteLength(JSON.stringify(unpackOverview(first)));
        const items = first.areas.reduce((n, a) => n + a.priorities.length, 0);
        const p95 = pct(times, 0.95);
        figures[key] = { cold, p50: pct(times, 0.5), p95 };
        console.log(`round ${round}: ${name}: cold ${cold.toFixed(0)} ms; warm p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 <= ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}) over ${RUNS} reads; ${items} priorities, ${(size / 1024).toFixed(0)} KiB of JSON (${(inline / 1024).toFixed(0)} KiB with every item inline)`);
      }
      rounds.push(figures as RoundFigures);
    }

    // O35: a deployment's first start after digests: every record's digest written from the record.
    await database.sql.run((db) => db.update(recordRows).set({ digest: null, digestVersion: null }));
    const b0 = performance.now();
    const written = await new RecordService(new SqlRecordStore(database.sql), laPictureDigester).backfillDigests();
    console.log(`backfill: ${written} records' digests written from their records in ${((performance.now() - b0) / 1000).toFixed(1)} s (once, in the background at start)`);
    return rounds;
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function screenJs(): Promise<number> {
  ensureWebBuilt();
  const server = await startE2eServer();
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser, server.url);
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { email: server.emailOf('demo-la-officer'), password: DEMO_PASSWORD }, headers: { origin: server.url } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('response', (r) => { if (r.url().endsWith('.js') && !r.url().endsWith('/sw.js')) scripts.add(r.url()); });
    await page.goto('/la');
    await page.getByTestId('area-group').first().waitFor({ timeout: 30_000 });
    let total = 0;
    for (const url of scripts) total += gzipSync(readFileSync(join(webDist, new URL(url).pathname))).length;
    console.log(`LA screen JS: ${scripts.size} files, ${(total / 1024).toFixed(1)} KiB gzipped (target <= ${TARGET_JS_KB} KB)`);
    return total / 1024;
  } finally {
    await browser.close();
    await server.close();
  }
}

const baseline = BASELINE ? baselineRuns(BASELINE) : null;
const rounds = await overviewTimes();
const jsKb = await screenJs();

const cell = (f: ScopeFigures | undefined) => (f ? `cold ${f.cold.toFixed(0)} ms, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms` : '–');
console.log(`\n| round | scope | baseline${BASELINE ? ` (${BASELINE})` : ''} | now | p95 <= ${TARGET_P95_MS} ms now |`);
console.log('| --- | --- | --- | --- | --- |');
for (const [i, r] of rounds.entries()) {
  for (const key of ['largest', 'partnership'] as const) {
    console.log(`| ${i + 1} | ${key === 'largest' ? 'largest LA' : 'partnership'} | ${cell(baseline?.rounds[i]?.[key])} | ${cell(r[key])} | ${r[key].p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} |`);
  }
}
console.log(`| – | LA screen JS gzipped | ${baseline?.jsKb?.toFixed(1) ?? '–'} KiB | ${jsKb.toFixed(1)} KiB | ${jsKb <= TARGET_JS_KB ? 'met' : 'MISSED'} (<= ${TARGET_JS_KB} KB) |`);
const missed = rounds.filter((r) => r.largest.p95 > TARGET_P95_MS || r.partnership.p95 > TARGET_P95_MS).length;
console.log(missed === 0 ? `every round met p95 <= ${TARGET_P95_MS} ms for both scopes` : `target missed in ${missed} of ${rounds.length} rounds`);
