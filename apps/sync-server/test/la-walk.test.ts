/**
 * The walk over every overview and export response (O1, O8, O19, O25): nothing in any of them
 * comes from a draft, no list is ordered by a judgement or a placement, the continuum appears to
 * LA officers only, and no key could carry learner data (M9, M26 walk the schemas too).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { developmentPlan, workspace } from '@cydweithio/model/docs/index';
import { allDomainSchemas } from '@cydweithio/model/domain/schemas';
import { findLearnerDataKeys, isForbiddenKey } from '@cydweithio/model/rules/noLearnerData';
import { makeLaApi, type LaApi, type OverviewItem } from './support/la-api';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const DRAFT = 'DRAFT-MARKER-7Q';
const CONTINUUM = 'CONTINUUM-NOTE-9Z';
const everyone = ['demo-headteacher', 'demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-convenor', 'demo-practitioner-secondary', 'demo-facilitator', 'demo-la-officer', 'demo-reviewer'];

let api: LaApi;
let responses: { person: string; path: string; status: number; text: string }[] = [];

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); keysOf(v, out); }
  return out;
}

beforeAll(async () => {
  api = await makeLaApi();
  const la = api.la;
  // Live drafts, typed into after their agreement: the plan, the workspace, the review drafts.
  for (const planId of api.docsOf('development-plan', api.cast.primaryId)) {
    developmentPlan(await api.getDoc(planId)).priorities()[0]?.text('title').insert(0, `${DRAFT} `);
  }
  workspace(await api.getDoc(api.docOf('workspace'))).addPriority({ id: 'pri-draft', area: 'well-being', title: DRAFT });
  const ws = workspace(await api.getDoc(api.docOf('workspace')));
  ws.priorities()[0]?.title.insert(0, `${DRAFT} `);
  // An officer places the demo primary on the continuum, with a note.
  expect((await api.send('demo-la-officer', 'POST', `/api/la/${la}/continuum`, {
    schoolId: api.cast.primaryId, areaId: 'leadership-capacity', placement: 'needs-intensive-support', decidedOn: '2026-11-20', note: CONTINUUM,
  })).status).toBe(201);
  const partnershipId = ((await api.get<{ partnerships: { id: string }[] }>('demo-la-officer', `/api/la/${la}/partnerships`)).body.partnerships[0]?.id) ?? '';
  const paths = [
    `/api/la/${la}/overview`, `/api/la/partnerships/${partnershipId}/overview`, `/api/la/${la}/partnerships`, `/api/la/${la}/settings`,
    `/api/la/${la}/ledger`, `/api/la/${la}/coverage-map`, `/api/la/${la}/team`, `/api/la/${la}/continuum`,
    `/api/la/${la}/export/overview.html`, `/api/la/${la}/export/overview.html?lang=en`, `/api/la/${la}/export/coverage.csv`, `/api/la/${la}/export/support-days.csv`,
    `/api/themes?ownerKey=school:${api.cast.primaryId}`, `/api/themes?ownerKey=collaborative:${api.cast.clusterId}`,
    // What a school, a governor and the cycle's screens reach: the continuum is in none of them.
    `/api/schools/${api.cast.primaryId}/cycle`, '/api/caseload', `/api/records/school:${api.cast.primaryId}`, `/api/records/school:${api.cast.primaryId}/versions`,
    '/api/me', '/api/documents', `/api/la/coverage?la=${la}`,
  ];
  responses = [];
  for (const person of everyone) {
    for (const path of paths) {
      const r = await api.request(person, path);
      responses.push({ person, path, status: r.status, text: await r.text() });
    }
  }
  for (const lang of ['cy', 'en']) {
    const r = await api.publicApp.request(`http://localhost/summary/${api.cast.primaryId}?lang=${lang}`);
    responses.push({ person: 'public', path: `/summary/${api.cast.primaryId}`, status: r.status, text: await r.text() });
  }
});

describe('the walk over every overview and export response', () => {
  it('O1: nothing in any overview or export response comes from a draft', () => {
    const answered = responses.filter((r) => r.status === 200 && (r.path.startsWith('/api/la/') || r.path.startsWith('/api/themes')));
    expect(answered.length).toBeGreaterThan(25);
    for (const r of answered) expect([r.person, r.path, r.text.includes(DRAFT)]).toEqual([r.person, r.path, false]);
  });

  it('O2: every item of the overview is in its owner’s agreed record, word for word, under the subject it names', async () => {
    const { body } = await api.overview('demo-la-officer', `/api/la/${api.la}/overview`);
    const items: OverviewItem[] = [...body.areas, ...body.themes].flatMap((g) => [...g.priorities, ...g.strengths, ...g.needs]);
    expect(items.length).toBeGreaterThan(100);
    const records = new Map<string, string>();
    for (const item of items) {
      const key = `${item.ownerType}:${item.ownerId}`;
      if (!records.has(key)) records.set(key, JSON.stringify((await api.records.current(key)).subjects));
      const subjects = JSON.parse(records.get(key) ?? '{}') as Record<string, unknown>;
      const agreed = JSON.stringify(subjects[item.subject] ?? null);
      expect([key, item.itemId, agreed.includes(JSON.stringify(item.text))]).toEqual([key, item.itemId, true]);
    }
  });

  it('O8: no list is ordered by a judgement or a placement, and none carries one', async () => {
    for (const r of responses.filter((x) => x.status === 200 && x.path.startsWith('/api/la/') && !x.path.includes('/continuum') && !x.path.includes('/export/'))) {
      const keys = new Set(keysOf(JSON.parse(r.text)));
      for (const key of ['judgement', 'status', 'placement']) expect([r.path, key, keys.has(key)]).toEqual([r.path, key, false]);
    }
    const ledger = await api.get<{ schools: { schoolId: string }[] }>('demo-la-officer', `/api/la/${api.la}/ledger`);
    const ids = ledger.body.schools.map((s) => s.schoolId);
    expect(ids).toEqual([...ids].sort());
    const continuum = await api.get<{ schools: { schoolId: string }[] }>('demo-la-officer', `/api/la/${api.la}/continuum`);
    const cids = continuum.body.schools.map((s) => s.schoolId);
    expect(cids).toEqual([...cids].sort());
    const map = await api.get<{ schools: { id: string }[] }>('demo-la-officer', `/api/la/${api.la}/coverage-map`);
    expect(map.body.schools.map((s) => s.id)).toEqual(map.body.schools.map((s) => s.id).sort());
  });

  it('O19, O25: the continuum appears to LA officers only, and in no export', () => {
    const shows = responses.filter((r) => r.text.includes(CONTINUUM) || r.text.includes('needs-intensive-support'));
    expect(shows.map((r) => [r.person, r.path])).toEqual([['demo-la-officer', `/api/la/${api.la}/continuum`]]);
    const refused = responses.filter((r) => r.path.endsWith('/continuum') && r.person !== 'demo-la-officer');
    expect(refused.every((r) => r.status === 403)).toBe(true);
    for (const r of responses.filter((x) => x.path.includes('/export/'))) {
      for (const word of ['leadership-capacity', 'Capasiti arwain', 'Leadership capacity', 'supportLevel', 'enhanced', 'belowMinimum']) expect([r.path, word, r.text.includes(word)]).toEqual([r.path, word, false]);
    }
  });

  it('M26: no response key and no new schema could hold learner data', () => {
    for (const r of responses.filter((x) => x.status === 200 && x.text.startsWith('{'))) {
      const bad = keysOf(JSON.parse(r.text)).filter(isForbiddenKey);
      expect([r.path, bad]).toEqual([r.path, []]);
    }
    for (const name of ['ThemeTag', 'ItemThemes', 'MinimumDays', 'ContinuumArea', 'LaSettings', 'BrokeredSupport', 'ContinuumEntry']) {
      const schema = allDomainSchemas[name];
      if (!schema) throw new Error(`${name} is not walked`);
      expect([name, findLearnerDataKeys(schema)]).toEqual([name, []]);
    }
  });
});
