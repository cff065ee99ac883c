import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { membershipEvents } from '../src/db/schema/convening';
import { auditLog, schools } from '../src/db/schema/directory';
import { notifications } from '../src/db/schema/notifications';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

const proposalBody = (proposerSchoolId: string, schoolIds: string[], extra: Record<string, unknown> = {}) => ({
  name: { cy: 'Ysgolion uwchradd Cymraeg y de', en: 'Welsh-medium secondaries of the south' },
  purpose: { cy: 'Deall cynnydd gyda’n gilydd', en: 'Understanding progression together' },
  kind: 'horizontal', structure: 'horizontal', proposerSchoolId, schoolIds, convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [],
  ...extra,
});

async function setup() {
  const api = await freshDemoApi();
  const { secondaryId, otherLaSchoolId, laCode, otherLaCode } = api.dataset.cast;
  const post = (person: string, path: string, body: unknown) => api.request(person, path, { method: 'POST', body: JSON.stringify(body) });
  const get = async (person: string, path: string) => (await (await api.request(person, path)).json()) as Record<string, unknown>;
  return { api, secondaryId, otherLaSchoolId, laCode, otherLaCode, post, get };
}

type Proposal = { id: string; status: string; collaborativeId: string | null; mayDecide: boolean; las: { code: number; decision: string | null; decidedBy: { name: string } | null }[] };

describe('proposing a collaborative', () => {
  it('G20, G21: a leader proposes with warnings shown; only leaders of the school propose; convenors must fit', async () => {
    const { api, secondaryId, otherLaSchoolId, laCode, otherLaCode, post } = await setup();
    const check = async (extra: Record<string, unknown>) => (await json(await post('demo-headteacher-secondary', '/api/collaborative-proposals/check', { kind: 'horizontal', structure: 'horizontal', proposerSchoolId: secondaryId, schoolIds: [otherLaSchoolId], ...extra })));
    // The demo's partnership holds both LAs, so crossing them is fine (M5); a primary is not (M4).
    expect((await check({}))['warnings']).toEqual([]);
    expect((await check({}))['laCodes']).toEqual([laCode, otherLaCode].sort((a, b) => a - b));
    const primary = await check({ schoolIds: [otherLaSchoolId, api.dataset.cast.reviewerSchoolId] });
    expect((primary['warnings'] as { rule: string; en: string }[]).map((w) => w.rule)).toEqual(['M4']);
    expect(((await check({ kind: 'vertical', structure: 'cluster', schoolIds: [] }))['warnings'] as { rule: string }[]).map((w) => w.rule)).toEqual(['M1']);
    for (const person of ['demo-practitioner-secondary', 'demo-governor-secondary', 'demo-la-officer', 'demo-headteacher']) {
      const response = await post(person, '/api/collaborative-proposals', proposalBody(secondaryId, [otherLaSchoolId]));
      expect([person, response.status]).toEqual([person, 403]);
    }
    const convenorElsewhere = await post('demo-headteacher-secondary', '/api/collaborative-proposals', proposalBody(secondaryId, [], { convenorIds: ['demo-reviewer'] }));
    expect((await json(convenorElsewhere))['detail']).toBe('collaborative.convenor-not-leader');
    const created = await post('demo-senior-leader-secondary', '/api/collaborative-proposals', proposalBody(secondaryId, [otherLaSchoolId], { sectorFocus: 'welsh-medium' }));
    expect(created.status).toBe(201);
    const proposal = (await json(created))['proposal'] as Proposal;
    expect(proposal.status).toBe('pending');
    expect(proposal.las.map((l) => l.decision)).toEqual([null, null]);
  });

  it('G22: proposal bodies are bounded and validated', async () => {
    const { api, secondaryId } = await setup();
    const huge = proposalBody(secondaryId, [], { purpose: { cy: 'x'.repeat(17 * 1024), en: 'y' } });
    expect((await api.request('demo-headteacher-secondary', '/api/collaborative-proposals', { method: 'POST', body: JSON.stringify(huge) })).status).toBe(413);
    const wrongKind = proposalBody(secondaryId, [], { structure: 'cluster' });
    expect((await api.request('demo-headteacher-secondary', '/api/collaborative-proposals', { method: 'POST', body: JSON.stringify(wrongKind) })).status).toBe(400);
  });

  it('G23, G24: every involved LA approves once; then the collaborative, its convenor and its workspace exist, and the other school is asked', async () => {
    const { api, secondaryId, otherLaSchoolId, otherLaCode, post, get } = await setup();
    const created = (await json(await post('demo-headteacher-secondary', '/api/collaborative-proposals', proposalBody(secondaryId, [otherLaSchoolId], { sectorFocus: 'welsh-medium' }))))['proposal'] as Proposal;
    const officersOwn = (await get('demo-la-officer', '/api/collaborative-proposals'))['proposals'] as Proposal[];
    expect(officersOwn.find((p) => p.id === created.id)?.mayDecide).toBe(true);
    // A facilitator, another school's head, the proposer: nobody else decides.
    for (const person of ['demo-facilitator', 'demo-headteacher', 'demo-headteacher-secondary']) {
      expect([person, (await post(person, `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })).status]).toEqual([person, person === 'demo-facilitator' || person === 'demo-headteacher' ? 404 : 403]);
    }
    const first = (await json(await post('demo-la-officer', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    expect(first.status).toBe('pending');
    expect((await post('demo-la-officer', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })).status).toBe(403);
    const second = (await json(await post('demo-la-officer-other-la', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    expect(second.status).toBe('approved');
    expect(second.las.find((l) => l.code === otherLaCode)?.decidedBy?.name).toBe(api.person('demo-la-officer-other-la').name);
    const collaborativeId = second.collaborativeId ?? '';
    const directory = (await get('demo-headteacher-secondary', `/api/directory/collaboratives/${collaborativeId}`))['collaborative'] as { memberSchoolIds: string[]; convenorId: string; purpose: { en: string } };
    expect(directory.memberSchoolIds).toEqual([secondaryId]);
    expect(directory.convenorId).toBe('demo-headteacher-secondary');
    expect(directory.purpose.en).toBe('Understanding progression together');
    const docs = (await get('demo-headteacher-secondary', '/api/documents'))['documents'] as { kind: string; owner: { id: string }; access: string }[];
    expect(docs.find((d) => d.kind === 'workspace' && d.owner.id === collaborativeId)?.access).toBe('owner');
    const asked = (await get('demo-reviewer-other-la', '/api/membership-requests'))['requests'] as { collaborative: { id: string } }[];
    expect(asked.map((r) => r.collaborative.id)).toEqual([collaborativeId]);
    const actions = (await api.sql.all((db) => db.select().from(auditLog))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['proposed', 'approved', 'created', 'requested']));
  });

  it('A153: once the collaborative is made, each convenor the proposal named is told, the proposer not, nobody before', async () => {
    const { api, secondaryId, laCode, post } = await setup();
    const named = { convenorIds: ['demo-headteacher-secondary', 'demo-senior-leader-secondary'], sectorFocus: 'welsh-medium' };
    const told = async () => (await api.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind === 'convenor-named')
      .map((n) => ({ to: n.personId, by: n.actorPersonId, collaborativeId: n.collaborativeId }));
    const created = (await json(await post('demo-headteacher-secondary', '/api/collaborative-proposals', proposalBody(secondaryId, [], named))))['proposal'] as Proposal;
    expect(created.las.map((l) => l.code)).toEqual([laCode]);
    expect(await told()).toEqual([]);
    const approved = (await json(await post('demo-la-officer', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    expect(approved.status).toBe('approved');
    expect(await told()).toEqual([{ to: 'demo-senior-leader-secondary', by: 'demo-headteacher-secondary', collaborativeId: approved.collaborativeId }]);
  });

  it('G20, G23: the sector focus, the LA partnership and the named facilitators are kept; the facilitator reads the workspace; an unknown partnership is 404', async () => {
    const { secondaryId, otherLaSchoolId, post, get } = await setup();
    const partnerships = (await get('demo-headteacher-secondary', '/api/collaborative-proposals/partnerships'))['partnerships'] as { id: string; laCodes: number[] }[];
    const partnershipId = partnerships[0]?.id ?? '';
    expect(partnershipId).not.toBe('');
    const unknown = await post('demo-headteacher-secondary', '/api/collaborative-proposals', proposalBody(secondaryId, [otherLaSchoolId], { partnershipId: 'no-such-partnership' }));
    expect([unknown.status, (await json(unknown))['code']]).toEqual([404, 'directory.not-found']);
    const body = proposalBody(secondaryId, [otherLaSchoolId], { sectorFocus: 'welsh-medium', partnershipId, facilitatorIds: ['demo-facilitator'] });
    const created = (await json(await post('demo-headteacher-secondary', '/api/collaborative-proposals', body)))['proposal'] as Proposal & { partnershipId: string | null; sectorFocus: string | null; facilitators: { id: string }[] };
    expect([created.sectorFocus, created.partnershipId, created.facilitators.map((f) => f.id)]).toEqual(['welsh-medium', partnershipId, ['demo-facilitator']]);
    await post('demo-la-officer', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' });
    const approved = (await json(await post('demo-la-officer-other-la', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    const made = (await get('demo-headteacher-secondary', `/api/directory/collaboratives/${approved.collaborativeId}`))['collaborative'] as { sectorFocus?: string; partnershipId?: string; laFacilitatorIds: string[] };
    expect([made.sectorFocus, made.partnershipId, made.laFacilitatorIds]).toEqual(['welsh-medium', partnershipId, ['demo-facilitator']]);
    const docs = (await get('demo-facilitator', '/api/documents'))['documents'] as { kind: string; owner: { id: string }; access: string }[];
    expect(docs.find((d) => d.kind === 'workspace' && d.owner.id === approved.collaborativeId)?.access).toBe('viewer');
  });

  it('G23: one LA declining closes the proposal; no collaborative is made', async () => {
    const { secondaryId, otherLaSchoolId, post } = await setup();
    const created = (await json(await post('demo-headteacher-secondary', '/api/collaborative-proposals', proposalBody(secondaryId, [otherLaSchoolId], { sectorFocus: 'welsh-medium' }))))['proposal'] as Proposal;
    const declined = (await json(await post('demo-la-officer-other-la', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'decline' })))['proposal'] as Proposal;
    expect(declined.status).toBe('declined');
    expect((await post('demo-la-officer', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })).status).toBe(403);
  });
});

describe('membership', () => {
  async function approved() {
    const s = await setup();
    const created = (await json(await s.post('demo-headteacher-secondary', '/api/collaborative-proposals', proposalBody(s.secondaryId, [s.otherLaSchoolId], { sectorFocus: 'welsh-medium' }))))['proposal'] as Proposal;
    await s.post('demo-la-officer', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' });
    const done = (await json(await s.post('demo-la-officer-other-la', `/api/collaborative-proposals/${created.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    return { ...s, collaborativeId: done.collaborativeId ?? '' };
  }
  type Membership = { members: { id: string; mayLeave: boolean }[]; requests: { id: string; schoolId: string }[]; history: { schoolId: string; event: string; by: string }[]; mayAsk: boolean };

  it('G25, G27, G28: the asked school\'s headteacher accepts; the school is a member and the history says who and when', async () => {
    const { api, collaborativeId, otherLaSchoolId, post, get } = await approved();
    const request = ((await get('demo-reviewer-other-la', '/api/membership-requests'))['requests'] as { id: string }[])[0]?.id ?? '';
    for (const person of ['demo-headteacher-secondary', 'demo-la-officer-other-la', 'demo-headteacher']) {
      expect([person, (await post(person, `/api/membership-requests/${request}/answer`, { accept: true })).status]).toEqual([person, 403]);
    }
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${request}/answer`, { accept: true })).status).toBe(200);
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${request}/answer`, { accept: true })).status).toBe(409);
    const membership = (await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/membership`)) as unknown as Membership;
    expect(membership.members.map((m) => m.id)).toContain(otherLaSchoolId);
    expect(membership.history.filter((h) => h.schoolId === otherLaSchoolId).map((h) => [h.event, h.by])).toEqual([
      ['requested', api.person('demo-headteacher-secondary').name], ['joined', api.person('demo-reviewer-other-la').name],
    ]);
    expect(api.rechecks.at(-1)).toMatchObject({ docIds: [expect.stringMatching(/^workspace:/)] });
    // Someone outside sees nothing of it.
    expect((await api.request('demo-headteacher', `/api/collaboratives/${collaborativeId}/membership`)).status).toBe(403);
  });

  it('G26: the convenor finds schools across LAs by name in either language, number or LA, and asks one; nobody else asks', async () => {
    const { api, collaborativeId, otherLaSchoolId, post, get } = await approved();
    const byNumber = (await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/school-candidates?q=${otherLaSchoolId}`))['schools'] as { id: string; state: string | null }[];
    expect(byNumber).toEqual([expect.objectContaining({ id: otherLaSchoolId, state: 'asked' })]);
    const otherName = api.dataset.schools.find((s) => s.id === otherLaSchoolId)?.name.cy.slice(0, 8) ?? '';
    const byName = (await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/school-candidates?q=${encodeURIComponent(otherName)}`))['schools'] as { id: string }[];
    expect(byName.map((s) => s.id)).toContain(otherLaSchoolId);
    const byLa = (await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/school-candidates?q=Rhondda`))['schools'] as { laCode: number }[];
    expect(byLa.length).toBeGreaterThan(0);
    expect(byLa.every((s) => s.laCode === 674)).toBe(true);
    // And by the English name, where it is not the Welsh one, and the LA's name in Welsh and English.
    // The demo's schools share one name in both languages, so one is given an English name of its own.
    const renamed = api.dataset.schools.find((s) => s.laCode === 681 && s.id !== otherLaSchoolId)?.id ?? '';
    expect(await api.sql.run((db) => db.update(schools).set({ nameEn: 'Riverside Bilingual High School' }).where(eq(schools.id, renamed)))).toBe(1);
    const byEnglish = (await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/school-candidates?q=${encodeURIComponent('Riverside Bilingual')}`))['schools'] as { id: string }[];
    expect(byEnglish.map((s) => s.id)).toEqual([renamed]);
    for (const la of ['Caerdydd', 'Cardiff']) {
      const found = (await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/school-candidates?q=${la}`))['schools'] as { laCode: number }[];
      expect([la, found.length > 0 && found.every((s) => s.laCode === 681)]).toEqual([la, true]);
    }
    expect((await api.request('demo-headteacher', `/api/collaboratives/${collaborativeId}/school-candidates?q=Ysgol`)).status).toBe(403);
    const target = api.dataset.cast.reviewerSchoolId;
    expect((await post('demo-headteacher', `/api/collaboratives/${collaborativeId}/member-requests`, { schoolId: target })).status).toBe(403);
    const asked = await post('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/member-requests`, { schoolId: target });
    expect(asked.status).toBe(201);
    // A primary in a secondary group: shown as a warning, never refused (M4).
    expect(((await json(asked))['warnings'] as { rule: string }[]).map((w) => w.rule)).toContain('M4');
    expect((await json(await post('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/member-requests`, { schoolId: target })))['detail']).toBe('collaborative.already-asked');
    const requestId = (((await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/membership`)) as unknown as Membership).requests.find((r) => r.schoolId === target))?.id ?? '';
    expect((await api.request('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/member-requests/${requestId}`, { method: 'DELETE' })).status).toBe(204);
    const declineRequest = (await post('demo-reviewer', `/api/membership-requests/${requestId}/answer`, { accept: false }));
    expect(declineRequest.status).toBe(409);
  });

  it('G29, G30: a member school\'s headteacher leaves; the convenor or the LA removes; both are in the history and the audit log, and close sockets', async () => {
    const { api, collaborativeId, otherLaSchoolId, secondaryId, post, get } = await approved();
    const request = ((await get('demo-reviewer-other-la', '/api/membership-requests'))['requests'] as { id: string }[])[0]?.id ?? '';
    await post('demo-reviewer-other-la', `/api/membership-requests/${request}/answer`, { accept: true });
    expect((await post('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/leave`, { schoolId: otherLaSchoolId })).status).toBe(403);
    expect((await post('demo-reviewer-other-la', `/api/collaboratives/${collaborativeId}/leave`, { schoolId: otherLaSchoolId })).status).toBe(204);
    expect(api.rechecks.at(-1)).toMatchObject({ docIds: [expect.stringMatching(/^workspace:/)] });
    const history = ((await get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/membership`)) as unknown as Membership).history;
    expect(history.map((h) => h.event)).toEqual(['joined', 'requested', 'joined', 'left']);
    // The other LA's officer no longer has a member school here; the home LA's officer removes.
    expect((await api.request('demo-la-officer', `/api/collaboratives/${collaborativeId}/members/${secondaryId}`, { method: 'DELETE' })).status).toBe(204);
    const after = ((await get('demo-la-officer', `/api/collaboratives/${collaborativeId}/membership`)));
    expect(after['members']).toBeUndefined();
    // Leaving and removal are each in the history and the audit log, with who did it.
    const events = (await api.sql.all((db) => db.select().from(membershipEvents))).filter((e) => e.collaborativeId === collaborativeId);
    expect(events.filter((e) => e.event === 'left' || e.event === 'removed').map((e) => [e.event, e.schoolId, e.actorPersonId])).toEqual([
      ['left', otherLaSchoolId, 'demo-reviewer-other-la'], ['removed', secondaryId, 'demo-la-officer'],
    ]);
    const audited = (await api.sql.all((db) => db.select().from(auditLog))).filter((r) => r.detail?.['collaborativeId'] === collaborativeId && (r.action === 'left' || r.action === 'removed'));
    expect(audited.map((r) => [r.action, r.detail?.['schoolId'], r.actorPersonId])).toEqual([
      ['left', otherLaSchoolId, 'demo-reviewer-other-la'], ['removed', secondaryId, 'demo-la-officer'],
    ]);
  });

  it('G24: an older collaborative without a workspace gets one from its convenor, nobody else', async () => {
    const { api, post } = await setup();
    const horizontal = api.dataset.collaboratives.find((c) => c.kind === 'horizontal' && c.id === 'horizontal-welsh-medium-secondary');
    const convenor = horizontal?.convenorId ?? '';
    expect((await post('demo-headteacher-secondary', `/api/collaboratives/${horizontal?.id}/workspace`, {})).status).toBe(403);
    const made = await post(convenor, `/api/collaboratives/${horizontal?.id}/workspace`, {});
    expect(made.status).toBe(201);
    const again = await post(convenor, `/api/collaboratives/${horizontal?.id}/workspace`, {});
    expect([again.status, (await json(again))['id']]).toEqual([200, (await json(made))['id']]);
  });

  it('G31: membership bodies are bounded at 4 KB and ids checked', async () => {
    const { api, collaborativeId } = await approved();
    const big = JSON.stringify({ schoolId: '6740001', pad: 'x'.repeat(5000) });
    expect((await api.request('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/member-requests`, { method: 'POST', body: big })).status).toBe(413);
    expect((await api.request('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/member-requests`, { method: 'POST', body: JSON.stringify({ schoolId: 'nope' }) })).status).toBe(400);
  });
});
