/**
 * OVERVIEW.md O28: the LA picture's overview on a synthetic all-Wales dataset: every maintained
 * school in the 2022 address list (about 1,470), each with an approved plan of five priorities,
 * a strength, a need and support lines, three terms of confirmed reviews, and a tag on every
 * item. Prints the overview's server time (LaPicture.overview, the route's work less HTTP) for
 * the largest LA and for a partnership of several LAs, cold (first read) and warm (p50, p95 over
 * repeated reads), and the LA screen's JavaScript gzipped (loaded by Chromium).
 *   npx -y pnpm@10 bench:la
 */
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
import { DirectoryWrites } from '@cydweithio/sync-server/directory/directory-writes';
import { LaPicture } from '@cydweithio/sync-server/overview/la-picture';
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

async function overviewTimes(): Promise<void> {
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

    const records = new RecordService(new SqlRecordStore(database.sql));
    const services = createAccessServices({ sql: database.sql, records, clock: () => Date.parse('2027-07-20T12:00:00Z') });
    const picture = new LaPicture(services);
    const started = performance.now();
    for (const [i, school] of schools.entries()) {
      const { agreements, themes } = pictureAgreementsFor(school, i, { academicYear: 2026, priorities: 5, reviews: 3, governorId: 'bench-governor', facilitatorId: 'bench-facilitator' });
      for (const a of agreements) await records.agree(a.ownerKey, a.subject, a.state as unknown as RecordValue, { by: a.by, label: a.label, at: a.at });
      for (const t of themes) await picture.store.setItemThemes(t, 'bench');
    }
    for (const code of new Set(schools.map((s) => s.laCode))) for (const tag of demoThemeTags(code)) await picture.store.addTag(tag, 'bench');
    console.log(`dataset: ${schools.length} schools in ${byLa.size} LAs, 5 priorities and 3 confirmed reviews each, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    for (const [name, scope] of [
      [`largest LA (${largest}, ${byLa.get(largest)} schools)`, { type: 'la', laCode: largest }],
      [`partnership of ${partnership.laCodes.length} LAs (${partnership.laCodes.reduce((n, c) => n + (byLa.get(c) ?? 0), 0)} schools)`, { type: 'partnership', id: partnership.id }],
    ] as const) {
      const t0 = performance.now();
      const first = await picture.overview(scope);
      const cold = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const o = await picture.overview(scope);
        JSON.stringify(o);
        times.push(performance.now() - t);
      }
      const size = Buffer.byteLength(JSON.stringify(first));
      const items = first.areas.reduce((n, a) => n + a.priorities.length, 0);
      console.log(`${name}: cold ${cold.toFixed(0)} ms; warm p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (target p95 <= 100 ms) over ${RUNS} reads; ${items} priorities, ${(size / 1024).toFixed(0)} KiB of JSON`);
    }
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function screenJs(): Promise<void> {
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
    console.log(`LA screen JS: ${scripts.size} files, ${(total / 1024).toFixed(1)} KiB gzipped (target <= 120 KB)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await overviewTimes();
await screenJs();
