import { describe, expect, it } from 'vitest';
import { addVisitDate, peerReview, removeVisitDate } from '@cydweithio/model/docs/index';
import { isForbiddenKey } from '@cydweithio/model/rules/noLearnerData';
import { json } from './support/api';
import { manualClock } from './support/clock';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

/** Every key of a JSON value, however deeply nested. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

async function setup() {
  const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
  const api = await freshDemoApi({ clock });
  const review = api.docOf('peer-review');
  const base = `/api/peer-reviews/${review}`;
  const send = (person: string, path: string, body?: unknown, method = 'POST') =>
    api.request(person, `${base}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) });
  const listed = async (person: string) => ((await (await api.request(person, '/api/documents')).json()) as { documents: { id: string; access: string }[] }).documents.find((d) => d.id === review);
  return { api, clock, review, base, send, listed };
}

describe('a peer review\'s team', () => {
  it('G10, G12: the host puts a reviewer from another LA on the team; they find it, write in it, and the team is listed', async () => {
    const { api, send, listed } = await setup();
    expect(await listed('demo-reviewer-other-la')).toBeUndefined();
    expect((await send('demo-headteacher', '/team', { personId: 'demo-reviewer-other-la', role: 'reviewer' })).status).toBe(201);
    expect(await listed('demo-reviewer-other-la')).toMatchObject({ access: 'editor' });
    const team = (await (await api.request('demo-reviewer-other-la', `/api/peer-reviews/${api.docOf('peer-review')}`)).json()) as { stage: string; team: { personId: string; role: string; schoolId: string }[] };
    expect(team.stage).toBe('planning');
    expect(team.team.find((m) => m.personId === 'demo-reviewer-other-la')).toMatchObject({ role: 'reviewer', schoolId: api.dataset.cast.otherLaSchoolId });
    // Host staff: a practitioner of the host school writes once on the team, not before (P61).
    expect(await listed('demo-practitioner')).toBeUndefined();
    expect((await send('demo-headteacher', '/team', { personId: 'demo-practitioner', role: 'host-staff' })).status).toBe(201);
    expect(await listed('demo-practitioner')).toMatchObject({ access: 'editor' });
    const trail = (await (await api.request('demo-headteacher', `/api/audit?documentId=${api.docOf('peer-review')}`)).json()) as { entries: { action: string; detail: { personId?: string } }[] };
    expect(trail.entries.filter((e) => e.action === 'added').map((e) => e.detail.personId)).toEqual(['demo-reviewer-other-la', 'demo-practitioner']);
    // Taking someone off closes their sockets (re-check) and the review leaves their listing.
    expect((await send('demo-headteacher', '/team/demo-practitioner', undefined, 'DELETE')).status).toBe(204);
    expect(await listed('demo-practitioner')).toBeUndefined();
    expect(api.rechecks.at(-1)).toEqual({ docIds: [api.docOf('peer-review')] });
  });

  it('G11: candidates come from the whole directory by name or school; fit is the policy\'s, for every role', async () => {
    const { send } = await setup();
    const found = (await (await send('demo-headteacher', '/candidates?q=Gwenan', undefined, 'GET')).json()) as { people: { personId: string; email?: string }[] };
    expect(found.people.map((p) => p.personId)).toContain('demo-reviewer-other-la');
    expect(found.people.every((p) => p.email === undefined)).toBe(true);
    expect((await send('demo-headteacher', '/candidates?q=a', undefined, 'GET')).status).toBe(400);
    for (const person of ['demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-reviewer', 'demo-convenor', 'demo-facilitator', 'demo-la-officer']) {
      const response = await send(person, '/team', { personId: 'demo-reviewer-other-la', role: 'reviewer' });
      expect([person, response.status]).toEqual([person, 403]);
    }
    const reason = async (body: unknown) => (await json(await send('demo-headteacher', '/team', body)))['detail'];
    expect(await reason({ personId: 'demo-senior-leader', role: 'reviewer' })).toBe('peer-review.team.reviewer-from-host');
    expect(await reason({ personId: 'demo-reviewer-other-la', role: 'host-staff' })).toBe('peer-review.team.not-host-staff');
    expect(await reason({ personId: 'demo-la-officer', role: 'facilitator' })).toBe('peer-review.team.not-facilitator');
    expect((await send('demo-headteacher', '/team', { personId: 'nobody', role: 'reviewer' })).status).toBe(404);
    expect((await send('demo-headteacher', '/team', { personId: 'demo-reviewer', role: 'grader' })).status).toBe(400);
  });

  it('G13: closing makes reviewers readers; after the retention date they lose it', async () => {
    const { clock, send, listed } = await setup();
    await send('demo-headteacher', '/team', { personId: 'demo-reviewer-other-la', role: 'lead-reviewer' });
    expect((await send('demo-reviewer-other-la', '/stage', { stage: 'visit' })).status).toBe(403);
    expect((await send('demo-headteacher', '/stage', { stage: 'visit' })).status).toBe(200);
    expect((await send('demo-headteacher', '/stage', { stage: 'planning' })).status).toBe(403);
    expect((await json(await send('demo-headteacher', '/stage', { stage: 'closed' })))['detail']).toBe('peer-review.stage.retention-needed');
    expect((await send('demo-headteacher', '/stage', { stage: 'closed', retainUntil: '2027-01-11' })).status).toBe(200);
    expect(await listed('demo-reviewer-other-la')).toMatchObject({ access: 'viewer' });
    expect(await listed('demo-reviewer')).toMatchObject({ access: 'viewer' });
    expect(await listed('demo-headteacher')).toMatchObject({ access: 'owner' });
    clock.advance(2 * 24 * 60 * 60 * 1000);
    expect(await listed('demo-reviewer-other-la')).toBeUndefined();
    expect(await listed('demo-headteacher')).toMatchObject({ access: 'owner' });
  });

  it('G47: the visit waits for the focus and a visit date in the live document; others are refused as before', async () => {
    const { api, review, send } = await setup();
    const doc = await api.sync.getDoc!(review);
    const pr = peerReview(doc);
    const focus = pr.focus();
    focus.delete(0, focus.length);
    for (const d of pr.visitDates()) removeVisitDate(doc, d.id);
    await send('demo-headteacher', '/team', { personId: 'demo-reviewer-other-la', role: 'lead-reviewer' });
    const stageOf = async () => ((await (await api.request('demo-headteacher', `/api/peer-reviews/${review}`)).json()) as { stage: string }).stage;
    const staged = async () => ((await (await api.request('demo-headteacher', `/api/audit?documentId=${review}`)).json()) as { entries: { action: string }[] }).entries.filter((e) => e.action === 'staged').length;

    const refused = await send('demo-headteacher', '/stage', { stage: 'visit' });
    expect(refused.status).toBe(409);
    expect(await json(refused)).toMatchObject({ code: 'peer-review.planning-incomplete', detail: 'Missing before the visit: focus, visit-dates.' });
    expect((await json(await send('demo-headteacher', '/stage', { stage: 'write-up' }))).code).toBe('peer-review.planning-incomplete');
    // Other people are refused as before (403), never told what the document lacks.
    for (const person of ['demo-reviewer-other-la', 'demo-reviewer', 'demo-senior-leader', 'demo-practitioner', 'demo-la-officer']) {
      const response = await send(person, '/stage', { stage: 'visit' });
      expect([person, response.status]).toEqual([person, 403]);
      expect((await json(response)).code).toBe('document.forbidden');
    }
    focus.insert(0, '  ');
    addVisitDate(doc, { id: 'day-1', date: '2027-02-03' });
    expect((await json(await send('demo-headteacher', '/stage', { stage: 'visit' }))).detail).toBe('Missing before the visit: focus.');
    focus.insert(0, 'Adborth ar ysgrifennu');
    removeVisitDate(doc, 'day-1');
    expect((await json(await send('demo-headteacher', '/stage', { stage: 'visit' }))).detail).toBe('Missing before the visit: visit-dates.');
    expect(await stageOf()).toBe('planning');
    expect(await staged()).toBe(0);

    addVisitDate(doc, { id: 'day-2', date: '2027-02-04' });
    expect((await send('demo-reviewer-other-la', '/stage', { stage: 'visit' })).status).toBe(403);
    expect((await send('demo-headteacher', '/stage', { stage: 'visit' })).status).toBe(200);
    expect(await stageOf()).toBe('visit');
    expect(await staged()).toBe(1);
  });

  it('G14, G15: the host shares with a person, a collaborative and the facilitator, each audited, and takes it back', async () => {
    const { api, send, listed, review } = await setup();
    const clusterId = api.dataset.cast.clusterId;
    expect(await listed('demo-headteacher-secondary')).toBeUndefined();
    expect((await send('demo-reviewer', '/shares', { type: 'collaborative', id: clusterId })).status).toBe(403);
    expect((await send('demo-headteacher', '/shares', { type: 'collaborative', id: clusterId })).status).toBe(201);
    expect(await listed('demo-headteacher-secondary')).toMatchObject({ access: 'viewer' });
    expect(await listed('demo-convenor')).toMatchObject({ access: 'viewer' });
    expect(await listed('demo-practitioner-secondary')).toBeUndefined();
    expect((await send('demo-headteacher', '/shares', { type: 'person', id: 'demo-reviewer-other-la' })).status).toBe(201);
    expect(await listed('demo-reviewer-other-la')).toMatchObject({ access: 'viewer' });
    expect((await send('demo-headteacher', '/shares', { type: 'facilitator', id: api.dataset.cast.primaryId })).status).toBe(201);
    expect(await listed('demo-facilitator')).toMatchObject({ access: 'viewer' });
    // Not the LA: that is still the LA share (A14), off.
    expect(await listed('demo-la-officer')).toBeUndefined();
    const other = api.dataset.collaboratives.find((c) => !c.memberSchoolIds.includes(api.dataset.cast.primaryId));
    expect((await json(await send('demo-headteacher', '/shares', { type: 'collaborative', id: other?.id }))).detail).toBe('peer-review.share-own-collaboratives-only');
    const shares = (await (await send('demo-headteacher', '/shares', undefined, 'GET')).json()) as { shares: { type: string; sharedByName: string }[] };
    expect(shares.shares.map((s) => s.type).sort()).toEqual(['collaborative', 'facilitator', 'person']);
    expect(shares.shares[0]?.sharedByName).toBe('Elin Davies');
    expect((await send('demo-reviewer', '/shares', undefined, 'GET')).status).toBe(403);
    expect((await send('demo-headteacher', `/shares/collaborative/${clusterId}`, undefined, 'DELETE')).status).toBe(204);
    expect(await listed('demo-headteacher-secondary')).toBeUndefined();
    expect(api.rechecks.at(-1)).toEqual({ docIds: [review] });
    const trail = (await (await api.request('demo-headteacher', `/api/audit?documentId=${review}`)).json()) as { entries: { action: string; detail: { grantee?: string } }[] };
    expect(trail.entries.filter((e) => e.action === 'shared').map((e) => e.detail.grantee).sort()).toEqual(['collaborative', 'facilitator', 'person']);
    expect(trail.entries.filter((e) => e.action === 'unshared').map((e) => e.detail.grantee)).toEqual(['collaborative']);
  });

  it('G46: no answer about a peer review has a grade, score, rating or judgement key, through every stage, share and export', async () => {
    const { api, clock, review, send } = await setup();
    await send('demo-headteacher', '/team', { personId: 'demo-reviewer-other-la', role: 'lead-reviewer' });
    await send('demo-headteacher', '/team', { personId: 'demo-practitioner', role: 'host-staff' });
    await send('demo-headteacher', '/team-invitations', { email: 'adolygydd@example.cymru', teamRole: 'reviewer' });
    const answers: { path: string; body: unknown }[] = [];
    const read = async (person: string, path: string) => {
      const response = await api.request(person, path);
      expect([path, response.status]).toEqual([path, 200]);
      answers.push({ path, body: await response.json() });
    };
    const readAll = async () => {
      await read('demo-headteacher', `/api/peer-reviews/${review}`);
      await read('demo-reviewer-other-la', `/api/peer-reviews/${review}`);
      await read('demo-headteacher', `/api/peer-reviews/${review}/shares`);
      await read('demo-headteacher', `/api/peer-reviews/${review}/candidates?q=Gwenan`);
      await read('demo-headteacher', `/api/peer-reviews/${review}/team-invitations`);
      await read('demo-headteacher', `/api/documents/${review}/readers`);
      await read('demo-headteacher', `/api/documents/${review}/export?format=json`);
      await read('demo-reviewer-other-la', '/api/documents');
    };
    await readAll();
    for (const stage of ['visit', 'write-up']) expect((await send('demo-headteacher', '/stage', { stage })).status).toBe(200);
    expect((await send('demo-headteacher', '/stage', { stage: 'closed', retainUntil: '2027-06-30' })).status).toBe(200);
    for (const share of [{ type: 'collaborative', id: api.dataset.cast.clusterId }, { type: 'person', id: 'demo-reviewer' }, { type: 'facilitator', id: api.dataset.cast.primaryId }]) {
      expect((await send('demo-headteacher', '/shares', share)).status).toBe(201);
    }
    clock.advance(7 * 86_400_000);
    await readAll();
    await read('demo-headteacher-secondary', `/api/peer-reviews/${review}`);
    const graded = (key: string) => isForbiddenKey(key) || /rating|judg(e)?ment|level/i.test(key);
    const found = answers.flatMap(({ path, body }) => keysOf(body).filter(graded).map((key) => `${path}: ${key}`));
    expect(found).toEqual([]);
    // The walk reached the answers' content: the stage, the team, the shares and the write-up.
    const seen = new Set(answers.flatMap(({ body }) => keysOf(body)));
    for (const key of ['stage', 'retainUntil', 'team', 'shares', 'invitations', 'readers', 'activities', 'strengths']) expect([key, seen.has(key)]).toEqual([key, true]);
  });

  it('G16: bodies are bounded and ids are checked', async () => {
    const { send } = await setup();
    expect((await send('demo-headteacher', '/team', { personId: 'demo-reviewer', role: 'reviewer', padding: 'x'.repeat(5000) })).status).toBe(413);
    expect((await send('demo-headteacher', '/shares', { type: 'person', id: '<script>' })).status).toBe(400);
    expect((await send('demo-headteacher', '/shares/grade/x', undefined, 'DELETE')).status).toBe(400);
  });
});
