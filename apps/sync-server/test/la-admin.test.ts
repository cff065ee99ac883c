import { describe, expect, it, vi } from 'vitest';
import { makeLaApi } from './support/la-api';

vi.setConfig({ testTimeout: 60_000 });

const code = async (r: Response) => [r.status, ((await r.json()) as { code?: string }).code];

describe('themes, settings, coverage, the continuum and caseloads', () => {
  it('O9, O10: the LA keeps its theme list; a school leader tags an agreed priority with it; only agreed items and the LA’s own tags', async () => {
    const api = await makeLaApi();
    const created = await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/themes`, { label: { cy: 'Rhifedd', en: 'Numeracy' } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'numeracy', laCode: api.la });
    expect(await code(await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/themes`, { label: { cy: 'Rhifedd eto', en: 'Numeracy' } }))).toEqual([409, 'theme.exists']);
    const owner = `school:${api.cast.primaryId}`;
    const tagged = await api.send('demo-headteacher', 'PUT', '/api/themes/items', { ownerKey: owner, itemId: 'pri-feedback', tagIds: ['numeracy', 'feedback-not-a-tag'] });
    expect(await code(tagged)).toEqual([404, 'theme.not-found']);
    expect((await api.send('demo-headteacher', 'PUT', '/api/themes/items', { ownerKey: owner, itemId: 'pri-oracy', tagIds: ['numeracy', 'welsh-oracy'] })).status).toBe(200);
    expect(await code(await api.send('demo-headteacher', 'PUT', '/api/themes/items', { ownerKey: owner, itemId: 'pri-draft-only', tagIds: ['numeracy'] }))).toEqual([409, 'theme.item-not-agreed']);
    const { body } = await api.get<{ tags: { id: string }[]; items: { itemId: string; tagIds: string[] }[] }>('demo-headteacher', `/api/themes?ownerKey=${owner}`);
    expect(body.tags.map((t) => t.id)).toContain('numeracy');
    expect(body.items.find((i) => i.itemId === 'pri-oracy')?.tagIds).toEqual(['numeracy', 'welsh-oracy']);
    const overview = await api.overview('demo-la-officer', `/api/la/${api.la}/overview`);
    const numeracy = overview.body.themes.find((t) => t.tagId === 'numeracy');
    expect(numeracy?.priorities.map((p) => [p.ownerId, p.itemId])).toEqual([[api.cast.primaryId, 'pri-oracy']]);
    expect(numeracy?.schoolIds).toEqual([api.cast.primaryId]);
    expect((await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/themes/numeracy`)).status).toBe(204);
    const gone = await api.overview('demo-la-officer', `/api/la/${api.la}/overview`);
    expect(gone.body.themes.some((t) => t.tagId === 'numeracy')).toBe(false);
    expect(JSON.stringify(gone.body)).not.toContain('"numeracy"');
    // The convenor tags the collaborative's agreed shared priority.
    const cluster = `collaborative:${api.cast.clusterId}`;
    const items = (await api.get<{ items: { itemId: string }[] }>('demo-convenor', `/api/themes?ownerKey=${cluster}`)).body.items;
    expect(items.length).toBeGreaterThan(0);
    expect((await api.send('demo-convenor', 'PUT', '/api/themes/items', { ownerKey: cluster, itemId: items[0]?.itemId, tagIds: ['transition'] })).status).toBe(200);
    const withCluster = await api.overview('demo-la-officer', `/api/la/${api.la}/overview`);
    expect(withCluster.body.themes.find((t) => t.tagId === 'transition')?.collaborativeIds).toContain(api.cast.clusterId);
  });

  it('O12, O27: settings start at the defaults; the LA sets its own; bad or oversized bodies lose nothing', async () => {
    const api = await makeLaApi();
    const { body } = await api.get<{ minimumDays: Record<string, number>; continuumAreas: { id: string }[] }>('demo-la-officer', `/api/la/${api.la}/settings`);
    expect(body.minimumDays).toMatchObject({ primary: 7, nursery: 7, special: 10, pru: 10, secondary: 10, 'all-age-3-16': 16, 'all-age-3-19': 16 });
    expect(body.continuumAreas.map((a) => a.id)).toEqual(['leadership-capacity', 'curriculum-design', 'learning-culture', 'behaviour']);
    const next = { minimumDays: { ...body.minimumDays, primary: 8 }, continuumAreas: [...body.continuumAreas, { id: 'attendance', label: { cy: 'Presenoldeb', en: 'Attendance' } }] };
    expect((await api.send('demo-la-officer', 'PUT', `/api/la/${api.la}/settings`, next)).status).toBe(200);
    expect(await code(await api.send('demo-la-officer', 'PUT', `/api/la/${api.la}/settings`, { ...next, minimumDays: { primary: -1 } }))).toEqual([400, 'request.invalid']);
    const big = await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/themes`, { label: { cy: 'x'.repeat(70_000), en: 'y' } });
    expect(big.status).toBe(413);
    const after = (await api.get<{ minimumDays: Record<string, number>; continuumAreas: unknown[] }>('demo-la-officer', `/api/la/${api.la}/settings`)).body;
    expect([after.minimumDays['primary'], after.continuumAreas.length]).toEqual([8, 5]);
  });

  it('O16, O17: the coverage map has every school with coordinates and coverage, filtered by setting, language and cluster', async () => {
    const api = await makeLaApi();
    type Map = { total: number; schools: { id: string; setting: string; languageCategory: string; clusterIds: string[]; lat: number | null; inVertical: boolean; inHorizontal: boolean }[]; clusters: { id: string }[] };
    const all = (await api.get<Map>('demo-facilitator', `/api/la/${api.la}/coverage-map`)).body;
    expect(all.schools.length).toBe(all.total);
    expect(all.schools.filter((s) => s.lat !== null).length).toBeGreaterThan(all.total * 0.9);
    const gaps = (await api.get<Map>('demo-facilitator', `/api/la/${api.la}/coverage-map?gaps=1`)).body.schools;
    expect(gaps.map((s) => s.id).sort()).toEqual([...api.dataset.intendedCoverageGaps].sort());
    const welsh = (await api.get<Map>('demo-facilitator', `/api/la/${api.la}/coverage-map?language=welsh-medium&setting=primary`)).body.schools;
    expect(welsh.length).toBeGreaterThan(0);
    expect(welsh.every((s) => s.languageCategory === 'welsh-medium' && s.setting === 'primary')).toBe(true);
    const inCluster = (await api.get<Map>('demo-facilitator', `/api/la/${api.la}/coverage-map?cluster=${api.cast.clusterId}`)).body.schools;
    expect(inCluster.map((s) => s.id)).toContain(api.cast.primaryId);
    expect(inCluster.every((s) => s.clusterIds.includes(api.cast.clusterId))).toBe(true);
    expect(await code(await api.request('demo-facilitator', `/api/la/${api.la}/coverage-map?setting=castle`))).toEqual([400, 'request.invalid']);
  });

  it('O19: an officer places a school per area of focus; the history is kept, newest first in force; schools in number order', async () => {
    const api = await makeLaApi();
    const place = (placement: string, decidedOn: string) => api.send('demo-la-officer', 'POST', `/api/la/${api.la}/continuum`, { schoolId: api.cast.primaryId, areaId: 'curriculum-design', placement, decidedOn, note: '' });
    expect((await place('improving', '2026-09-20')).status).toBe(201);
    expect((await place('leading', '2026-11-20')).status).toBe(201);
    expect(await code(await place('leading', '2027-01-20'))).toEqual([400, 'request.invalid']);
    expect(await code(await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/continuum`, { schoolId: api.cast.primaryId, areaId: 'not-an-area', placement: 'leading', decidedOn: '2026-11-20' }))).toEqual([400, 'request.invalid']);
    type C = { schools: { schoolId: string; current: Record<string, { placement: string }>; history: { placement: string; decidedByName: string }[] }[] };
    const { body } = await api.get<C>('demo-la-officer', `/api/la/${api.la}/continuum`);
    const primary = body.schools.find((s) => s.schoolId === api.cast.primaryId);
    expect(primary?.current['curriculum-design']?.placement).toBe('leading');
    expect(primary?.history.map((h) => h.placement)).toEqual(['improving', 'leading']);
    expect(primary?.history[0]?.decidedByName).toBe('Huw Jenkins');
    expect(await code(await api.request('demo-facilitator', `/api/la/${api.la}/continuum`))).toEqual([403, 'la.forbidden']);
  });

  it('O21: an officer assigns a school to a facilitator’s caseload and takes it off, within the LA; each change is audited', async () => {
    const api = await makeLaApi();
    type Team = { mayAssign: boolean; facilitators: { id: string; schoolIds: string[] }[] };
    const before = (await api.get<Team>('demo-la-officer', `/api/la/${api.la}/team`)).body;
    expect(before.mayAssign).toBe(true);
    expect((await api.get<Team>('demo-facilitator', `/api/la/${api.la}/team`)).body.mayAssign).toBe(false);
    const own = before.facilitators.find((f) => f.id === 'demo-facilitator')?.schoolIds ?? [];
    const spare = api.dataset.schools.find((s) => s.laCode === api.la && !own.includes(s.id))?.id ?? '';
    expect((await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/caseloads`, { facilitatorId: 'demo-facilitator', schoolId: spare })).status).toBe(201);
    expect((await api.get<Team>('demo-la-officer', `/api/la/${api.la}/team`)).body.facilitators.find((f) => f.id === 'demo-facilitator')?.schoolIds).toContain(spare);
    // The facilitator's own caseload route sees it too.
    const caseload = (await api.get<{ schools: { school: { id: string } }[] }>('demo-facilitator', '/api/caseload')).body;
    expect(caseload.schools.map((s) => s.school.id)).toContain(spare);
    expect((await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/caseloads/demo-facilitator/${spare}`)).status).toBe(204);
    expect(await code(await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/caseloads/demo-facilitator/${spare}`))).toEqual([404, 'directory.not-found']);
    const otherLa = api.dataset.schools.find((s) => s.laCode !== api.la)?.id ?? '';
    expect(await code(await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/caseloads`, { facilitatorId: 'demo-facilitator', schoolId: otherLa }))).toEqual([404, 'directory.not-found']);
    expect(await code(await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/caseloads`, { facilitatorId: 'demo-headteacher', schoolId: spare }))).toEqual([404, 'directory.not-found']);
    const { auditLog } = await import('../src/db/schema/directory');
    const rows = await api.sql.all((db) => db.select().from(auditLog));
    expect(rows.filter((r) => r.detail?.['what'] === 'caseload').map((r) => r.action)).toEqual(['created', 'removed']);
  });
});
