/**
 * Record-layer and public-summary benchmark (CYCLE.md E21, RECORDS.md K17); not a test.
 * A school's record holding five years of its improvement cycle: each year the governors'
 * approval of an eight-priority plan and its published summary, three confirmed termly reviews
 * of all eight priorities (15 terms x 8 priorities) and the termly evaluations of A36 for each
 * priority, plus support-level decisions. Through the real server (SQLite, the access layer, the
 * HTTP routes a browser calls), it prints p50/p95/max of:
 *   - agree: a further agreement into that record (RecordService.agree, and POST support-level);
 *   - "as it stood at": GET /api/records/:key/subjects/:subject?at=<any version>;
 *   - diff: GET /api/records/:key/diff and the side-by-side /compare between two versions;
 *   - the public summary page's first byte, and the JavaScript it loads (gzipped).
 * Run: npx -y pnpm@10 bench:records   (BENCH_RUNS=200 for more samples)
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { buildSummary } from '@cydweithio/model/docs/summary';
import { demoPlanState, type PrioritySpec } from '@cydweithio/model/demo/cycleContent';
import type { ApprovedPlan } from '@cydweithio/model/domain/plan';
import type { ProgressReview } from '@cydweithio/model/domain/review';
import { planSubject, reviewSubject, summarySubject } from '@cydweithio/model/domain/recordSubjects';
import type { RunningApp } from '@cydweithio/sync-server/app';
import type { RecordValue } from '@cydweithio/sync-server/records/record-doc';
import { DEMO_PASSWORD, startE2eServer } from '../e2e/support/server';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 100);
const YEARS = [2021, 2022, 2023, 2024, 2025];
const PRIORITIES = 8;
const areas = ['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being'] as const;
const judgements = ['very-good', 'strong', 'satisfactory', 'limited'] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const summaryOf = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });
const fmt = (s: { p50: number; p95: number; max: number }) => `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;

function priority(year: number, i: number): PrioritySpec {
  const words = 'Datblygu llafaredd a darllen ar draws y cwricwlwm gyda chefnogaeth gan deuluoedd a’r gymuned leol. '.repeat(3);
  return {
    id: `pri-${i}`, area: areas[i % areas.length]!, title: `Blaenoriaeth ${i + 1} (${year})`, outcomes: words,
    criteria: [[`Maen prawf cyntaf ${i}`, 'in-progress'], [`Ail faen prawf ${i}`, 'not-started'], [`Trydydd maen prawf ${i}`, 'met']],
    actions: [[`Cam un ${i}`, 'Pennaeth cynorthwyol', `${year}-11-30`, false], [`Cam dau ${i}`, 'Arweinydd y maes', `${year + 1}-02-28`, false], [`Cam tri ${i}`, 'Pob athro', `${year + 1}-06-30`, true]],
    milestones: [[`Carreg filltir ${i}`, `${year + 1}-03-31`, false], [`Ail garreg filltir ${i}`, `${year + 1}-07-15`, false]],
    support: [{ id: `sup-${i}`, source: 'la', provider: 'Tîm gwella’r awdurdod', description: words.slice(0, 120), days: 2 }],
    yearTwo: words.slice(0, 200), yearThree: words.slice(0, 150),
  };
}

function review(schoolId: string, planDocId: string, year: number, term: string, t: number): ProgressReview {
  return {
    reviewDocId: `progress-review:bench${year}${t}`, schoolId, planDocId, term, halfTerm: null, supportLevel: 'core',
    overall: { status: t % 2 === 0 ? 'on-track' : 'off-track', summary: 'Cynnydd cyson yn y rhan fwyaf o feysydd; angen mwy o gysondeb mewn dau faes.' },
    priorities: Array.from({ length: PRIORITIES }, (_, i) => ({
      priorityId: `pri-${i}`, title: `Blaenoriaeth ${i + 1} (${year})`, area: areas[i % areas.length]!,
      status: (i + t) % 3 === 0 ? 'off-track' : 'on-track', judgement: judgements[(i + t) % 4]!,
      risks: ['Amser staff', 'Newidiadau staffio'], supportChanges: [{ change: 'changed', source: 'school', provider: 'Ysgol bartner', description: 'Rhannu arfer', days: 1 }],
    })),
    confirmations: { facilitator: { personId: 'demo-facilitator', name: 'Catrin Lewis', at: `${year}-12-09T15:00:00.000Z` }, school: { personId: 'x', name: 'Pennaeth', at: `${year}-12-09T15:30:00.000Z` } },
  };
}

/** Milliseconds to the first byte of the answer (headers and the first chunk of the body). */
function firstByte(url: string, cookie?: string): Promise<{ ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(url, { headers: cookie ? { cookie } : {} }, (res) => {
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

const server = await startE2eServer();
try {
  const { dataset, running } = server;
  // The e2e server is composed by startApp, whose answer carries the record layer.
  const records = (running as RunningApp).records;
  const caseload = dataset.caseloads[0]!;
  // A school of the demo caseload with no demo history of its own: only the five years below.
  const schoolId = caseload.schoolIds.find((id) => !dataset.agreements.some((a) => a.ownerKey === `school:${id}`))!;
  const ownerKey = `school:${schoolId}`;
  const school = dataset.schools.find((s) => s.id === schoolId)!;
  const at = (date: string) => Math.floor(Date.parse(`${date}T16:00:00Z`) / 1000);

  const seedStart = performance.now();
  let agreements = 0;
  for (const year of YEARS) {
    const planDocId = `development-plan:bench${year}`;
    const state = demoPlanState({ schoolId, academicYear: year, title: `Cynllun datblygu ysgol ${year}`, priorities: Array.from({ length: PRIORITIES }, (_, i) => priority(year, i)) });
    const approved: ApprovedPlan = { approval: { planDocId, academicYear: year, meetingDate: `${year}-10-14`, recordedBy: 'demo-governor', recordedByName: 'Llywodraethwr', recordedAt: `${year}-10-14T19:00:00.000Z` }, plan: state };
    await records.agree(ownerKey, planSubject(year), approved as unknown as RecordValue, { by: 'demo-governor', label: `Governing body approval ${year}`, at: at(`${year}-10-14`) });
    await records.agree(ownerKey, summarySubject(year), buildSummary(approved, school.name, `${year}-10-20T10:00:00.000Z`) as unknown as RecordValue, { by: 'demo-headteacher', label: `Published summary ${year}`, at: at(`${year}-10-20`) });
    agreements += 2;
    const terms = [`${year}-autumn`, `${year + 1}-spring`, `${year + 1}-summer`];
    for (const [t, term] of terms.entries()) {
      const r = review(schoolId, planDocId, year, term, t);
      await records.agree(ownerKey, reviewSubject(term, null), r as unknown as RecordValue, { by: 'demo-headteacher', label: `Progress review ${term}`, at: at(`${year + (t === 0 ? 0 : 1)}-0${t === 0 ? 9 : t === 1 ? 3 : 7}-20`) });
      agreements += 1;
      for (const p of r.priorities) {
        const evaluation = { schoolId, priorityId: p.priorityId, term, status: p.status, judgement: p.judgement, summary: 'Cynnydd yn unol â’r cynllun.' };
        await records.agree(ownerKey, `termly:${term}:${p.priorityId}`, evaluation as unknown as RecordValue, { by: 'demo-facilitator', label: `Termly evaluation ${term}`, at: at(`${year + (t === 0 ? 0 : 1)}-0${t === 0 ? 9 : t === 1 ? 3 : 7}-21`) });
        agreements += 1;
      }
    }
  }
  const versions = await records.versions(ownerKey);
  const bytes = (await records.export(ownerKey)).length;
  console.log(`Record ${ownerKey}: ${versions.length} versions (${agreements} agreements: 5 plans, 5 summaries, 15 reviews x ${PRIORITIES} priorities, 120 termly evaluations), ${(bytes / 1024).toFixed(1)} KB saved; seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

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
  const reviews = versions.filter((v) => v.subject.startsWith('review:'));
  const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length]!;

  const agreeService: number[] = [];
  const agreeHttp: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    agreeService.push(await timed(() => records.agree(ownerKey, `termly:2025-summer:pri-${i % PRIORITIES}`, { schoolId, priorityId: `pri-${i % PRIORITIES}`, term: '2025-summer', status: 'on-track', judgement: 'strong', summary: `Cywiriad ${i}` }, { by: 'demo-facilitator', label: `Correction ${i}`, at: Math.floor(Date.now() / 1000) })));
  }
  for (let i = 0; i < Math.min(RUNS, 50); i++) {
    agreeHttp.push(await timed(async () => {
      const res = await fetch(`${server.url}/api/schools/${schoolId}/support-level`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ level: i % 2 === 0 ? 'enhanced' : 'core', reason: `Penderfyniad ${i}`, from: '2026-09-01' }) });
      if (res.status !== 201) throw new Error(`support-level: ${res.status}`);
      await res.arrayBuffer();
    }));
  }
  const all = await records.versions(ownerKey);
  const asOf: number[] = [];
  const asOfRecord: number[] = [];
  const diff: number[] = [];
  const compare: number[] = [];
  const diffTerms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // One review against the next (autumn against spring): what the comparison screen asks.
    const k = i % (reviews.length - 1);
    const [a, b] = [reviews[k]!, reviews[k + 1]!];
    diffTerms.push(await timed(() => get(`/api/records/${key}/diff?from=${a.hash}&to=${b.hash}`)));
  }
  for (let i = 0; i < RUNS; i++) {
    const v = pick(all, i);
    const r = pick(reviews, i);
    asOf.push(await timed(() => get(`/api/records/${key}/subjects/${encodeURIComponent(r.subject)}?at=${v.hash}`)));
    asOfRecord.push(await timed(() => get(`/api/records/${key}?at=${v.hash}`)));
    const [a, b] = [pick(all, i), pick(all, i + 1)];
    diff.push(await timed(() => get(`/api/records/${key}/diff?from=${a.hash}&to=${b.hash}`)));
    compare.push(await timed(() => get(`/api/records/${key}/subjects/${encodeURIComponent(r.subject)}/compare?from=${a.hash}&to=${b.hash}`)));
  }

  // The public summary: first byte, and what JavaScript the page loads.
  const page = await firstByte(`${server.url}/summary/${schoolId}?lang=cy`);
  const ttfb: number[] = [];
  for (let i = 0; i < RUNS; i++) ttfb.push((await firstByte(`${server.url}/summary/${schoolId}?lang=${i % 2 === 0 ? 'cy' : 'en'}`)).ms);
  const scripts = [...page.body.matchAll(/<script\b[^>]*?(?:src="([^"]+)")?[^>]*>([\s\S]*?)<\/script>/g)];
  let jsBytes = 0;
  for (const [, src, inline] of scripts) jsBytes += gzipSync(src ? Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer()) : Buffer.from(inline ?? '')).length;
  const htmlGzip = gzipSync(Buffer.from(page.body)).length;
  const css = gzipSync(Buffer.from(await (await fetch(`${server.url}/summary/assets/summary.css`)).arrayBuffer())).length;

  const lines = [
    `Runs: ${RUNS} each (support-level agreements through HTTP: ${agreeHttp.length}); record now ${all.length} versions.`,
    `agree (RecordService, SQLite save included): ${fmt(summaryOf(agreeService))}   target p95 ≤ 50 ms`,
    `agree through POST /api/schools/:id/support-level: ${fmt(summaryOf(agreeHttp))}   target p95 ≤ 50 ms`,
    `as it stood at (GET subjects/:subject?at=): ${fmt(summaryOf(asOf))}   target p95 ≤ 100 ms`,
    `as it stood at (GET whole record ?at=): ${fmt(summaryOf(asOfRecord))}   target p95 ≤ 100 ms`,
    `diff, one review against the next (GET /diff, Automerge patches): ${fmt(summaryOf(diffTerms))}   target p95 ≤ 100 ms`,
    `diff, any two versions years apart (GET /diff): ${fmt(summaryOf(diff))}   target p95 ≤ 100 ms`,
    `compare (GET subjects/:subject/compare): ${fmt(summaryOf(compare))}   target p95 ≤ 100 ms`,
    `public summary first byte: ${fmt(summaryOf(ttfb))}   target p95 ≤ 50 ms`,
    `public summary JavaScript: ${scripts.length} script elements, ${jsBytes} bytes gzipped (target ≤ 30 KB); its HTML ${htmlGzip} B and CSS ${css} B gzipped`,
  ];
  for (const line of lines) console.log(line);
} finally {
  await server.close();
}
