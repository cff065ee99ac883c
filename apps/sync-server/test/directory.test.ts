import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

const setup = freshDemoApi;

describe('directory reads', () => {
  it('A18: LAs, schools of one LA and collaboratives with members, convenor and facilitators', async () => {
    const api = await setup();
    const las = (await (await api.request('demo-practitioner', '/api/directory/las')).json()) as { localAuthorities: { code: number }[] };
    expect(las.localAuthorities).toHaveLength(22);
    const schools = (await (await api.request('demo-practitioner', '/api/directory/schools?la=674')).json()) as { schools: { laCode: number }[] };
    expect(schools.schools.length).toBeGreaterThan(50);
    expect(schools.schools.every((s) => s.laCode === 674)).toBe(true);
    expect((await api.request('demo-practitioner', '/api/directory/schools?la=999')).status).toBe(400);
    const one = await api.request('demo-practitioner', `/api/directory/collaboratives/${api.dataset.cast.clusterId}`);
    expect(await one.json()).toMatchObject({
      collaborative: { kind: 'vertical', convenor: { id: 'demo-convenor', name: 'Dafydd Williams' }, facilitators: [{ id: 'demo-facilitator' }], members: expect.arrayContaining([expect.objectContaining({ id: api.dataset.cast.primaryId })]) },
    });
    const all = (await (await api.request('demo-practitioner', '/api/directory/collaboratives')).json()) as { collaboratives: unknown[] };
    expect(all.collaboratives).toHaveLength(api.dataset.collaboratives.length);
    expect((await api.request('demo-practitioner', '/api/directory/collaboratives/nope')).status).toBe(404);
    expect((await api.app.request('/api/directory/las')).status).toBe(401);
  });

  it('A24: nothing the directory serves carries learner-level data', async () => {
    const api = await setup();
    const body = await (await api.request('demo-la-officer', '/api/directory/schools?la=674')).text();
    expect(body).not.toMatch(/pupil|learner|attainment/i);
  });
});

describe('directory writes', () => {
  const csvHeader = 'School Number,School Name,LA Code,Local Authority,Sector,Governance - see notes,WM Code,Welsh Medium Type - see notes,School Type,Religious Character,Address 1,Address 2,Address 3,Address 4,Postcode,Phone Number,Pupils - see notes';

  it('A19: an LA officer imports the WG address list: schools stored (no pupil numbers), bad rows reported by line', async () => {
    const api = await setup();
    const csv = [
      csvHeader,
      '6742999,YSGOL NEWYDD,674,Rhondda Cynon Taf,Primary,Community,EM,English medium,"Nursery, Infants & Juniors",---,Stryd,Tref,,,CF40 1AA,01443 000000,321',
      'not-a-number,Ysgol Ddrwg,674,Rhondda Cynon Taf,Primary,Community,EM,English medium,Juniors,---,,,,,,,',
    ].join('\n');
    const response = await api.request('demo-la-officer', '/api/directory/import', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { summary: { imported: number; reported: number }; reports: { line: number }[] };
    expect(result.summary).toMatchObject({ imported: 1, reported: 1 });
    expect(result.reports[0]?.line).toBe(3);
    const { schools } = (await (await api.request('demo-la-officer', '/api/directory/schools?la=674')).json()) as { schools: { id: string }[] };
    const stored = schools.find((s) => s.id === '6742999');
    expect(stored).toMatchObject({ name: { en: 'Ysgol Newydd' }, setting: 'primary', postcode: 'CF40 1AA' });
    expect(JSON.stringify(stored)).not.toContain('321');
  });

  it('A19: the import is for LA officers only, needs text/csv and the list\'s header', async () => {
    const api = await setup();
    const refused = await api.request('demo-headteacher', '/api/directory/import', { method: 'POST', body: csvHeader, headers: { 'content-type': 'text/csv' } });
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'directory.forbidden' });
    const wrongType = await api.request('demo-la-officer', '/api/directory/import', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(wrongType.status).toBe(415);
    const badHeader = await api.request('demo-la-officer', '/api/directory/import', { method: 'POST', body: 'a,b\n1,2', headers: { 'content-type': 'text/csv' } });
    expect(badHeader.status).toBe(400);
    expect(await json(badHeader)).toMatchObject({ code: 'directory.import-invalid' });
  });

  it('A19, A77: the real WG list: the officer\'s own LA imports in full, every other LA\'s row is reported, not applied', async () => {
    const api = await setup();
    const csv = readFileSync(new URL('../../../data/wg-schools-maintained-2022-06.en.csv', import.meta.url), 'utf8');
    const response = await api.request('demo-la-officer', '/api/directory/import', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    const result = (await response.json()) as { summary: { imported: number; reported: number; byLa: Record<string, number> }; reports: { reason: { code: string } }[] };
    expect(Object.keys(result.summary.byLa)).toEqual([String(api.dataset.cast.laCode)]);
    expect(result.summary.imported).toBeGreaterThan(50);
    expect(result.reports.filter((r) => r.reason.code === 'outside-importer-la').length).toBeGreaterThan(1000);
  });

  it('A19: an LA officer creates and updates a collaborative; structural problems come back as warnings; members are re-checked', async () => {
    const api = await setup();
    const body = {
      name: { cy: 'Triawd ymholi', en: 'Peer-enquiry triad' }, kind: 'horizontal', structure: 'triad',
      memberSchoolIds: [api.dataset.cast.primaryId, api.dataset.cast.convenorSchoolId], convenorId: 'demo-headteacher', laFacilitatorIds: ['demo-facilitator'],
    };
    const created = await api.request('demo-la-officer', '/api/directory/collaboratives', { method: 'POST', body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { collaborative, warnings } = (await created.json()) as { collaborative: { id: string; convenor: { id: string } }; warnings: unknown[] };
    expect(collaborative.convenor.id).toBe('demo-headteacher');
    expect(Array.isArray(warnings)).toBe(true);
    const updated = await api.request('demo-la-officer', `/api/directory/collaboratives/${collaborative.id}`, { method: 'PUT', body: JSON.stringify({ ...body, memberSchoolIds: [api.dataset.cast.primaryId] }) });
    expect(updated.status).toBe(200);
    // Its workspace was made with it (G24), so the update re-checks that workspace's sockets.
    expect(api.rechecks).toContainEqual({ docIds: [expect.stringMatching(/^workspace:/)] });
    const refused = await api.request('demo-headteacher', '/api/directory/collaboratives', { method: 'POST', body: JSON.stringify(body) });
    expect(refused.status).toBe(403);
  });
});

describe('coverage', () => {
  it('A20: LA roles see the schools not yet in a vertical and a horizontal collaborative; others are refused', async () => {
    const api = await setup();
    const response = await api.request('demo-facilitator', '/api/la/coverage?la=674');
    expect(response.status).toBe(200);
    const { gaps } = (await response.json()) as { gaps: { schoolId: string; missing: string[] }[] };
    for (const id of api.dataset.intendedCoverageGaps) expect(gaps.map((g) => g.schoolId)).toContain(id);
    const ordered = gaps.map((g) => g.schoolId);
    expect(ordered).toEqual([...ordered].sort());
    expect((await api.request('demo-headteacher', '/api/la/coverage?la=674')).status).toBe(403);
    expect((await api.request('demo-la-officer', '/api/la/coverage?la=660')).status).toBe(403);
  });
});
