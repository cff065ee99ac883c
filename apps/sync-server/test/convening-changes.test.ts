import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, roleAssignments } from '../src/db/schema/directory';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

/** Withdrawing a proposal (G34), a school joining from a new LA (G35), the last convenor (G36). */
const freshDemoApi = demoApiPerTest();

type Proposal = { id: string; status: string; collaborativeId: string | null; mayDecide: boolean; mayWithdraw: boolean; withdrawn: { by: { name: string }; at: string } | null };
type Approval = { id: string; school: { id: string }; schoolAccepted: boolean; mayDecide: boolean; la: { code: number } };
type Membership = { members: { id: string }[]; requests: { id: string; schoolId: string; schoolAccepted: boolean; approvalLa: { code: number; approved: boolean } | null }[]; history: { schoolId: string; event: string; by: string }[] };

async function setup() {
  const api = await freshDemoApi();
  const { secondaryId, otherLaSchoolId, otherLaCode, reviewerSchoolId } = api.dataset.cast;
  /** The named demo cast: every kind of person the table tests run over. */
  const cast = api.dataset.people.map((p) => p.id).filter((id) => id.startsWith('demo-'));
  const post = (person: string, path: string, body: unknown) => api.request(person, path, { method: 'POST', body: JSON.stringify(body) });
  const get = async (person: string, path: string) => (await (await api.request(person, path)).json()) as Record<string, unknown>;
  const propose = async (schoolIds: string[], extra: Record<string, unknown> = {}, by = 'demo-headteacher-secondary') => (await json(await post(by, '/api/collaborative-proposals', {
    name: { cy: 'Ysgolion uwchradd Cymraeg', en: 'Welsh-medium secondaries' }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
    kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: secondaryId, schoolIds, convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [], ...extra,
  })))['proposal'] as Proposal;
  const audited = async (action: string) => (await api.sql.all((db) => db.select().from(auditLog))).filter((r) => r.action === action).map((r) => ({ actor: r.actorPersonId, ...r.detail }));
  return { api, cast, secondaryId, otherLaSchoolId, otherLaCode, reviewerSchoolId, post, get, propose, audited };
}

describe('withdrawing a proposal', () => {
  it('G34: the proposer or a named convenor withdraws it before approval; the LAs see it withdrawn and can no longer decide; audited', async () => {
    const { cast, otherLaSchoolId, post, get, propose, audited, api } = await setup();
    const proposal = await propose([otherLaSchoolId], { convenorIds: ['demo-headteacher-secondary', 'demo-reviewer-other-la'] }, 'demo-senior-leader-secondary');
    const mayWithdraw = ['demo-senior-leader-secondary', 'demo-headteacher-secondary', 'demo-reviewer-other-la'];
    // Every person: only the proposer and its two convenors are offered it, and nobody else can.
    for (const person of cast) {
      const seen = await api.request(person, `/api/collaborative-proposals/${proposal.id}`);
      const offered = seen.status === 200 ? ((await json(seen))['proposal'] as Proposal).mayWithdraw : false;
      expect([person, offered]).toEqual([person, mayWithdraw.includes(person)]);
      if (mayWithdraw.includes(person)) continue;
      expect([person, (await post(person, `/api/collaborative-proposals/${proposal.id}/withdraw`, {})).status]).toEqual([person, seen.status === 200 ? 403 : 404]);
    }
    // The home LA approves first; the co-convenor from the other LA then withdraws it.
    await post('demo-la-officer', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' });
    const withdrawn = await post('demo-reviewer-other-la', `/api/collaborative-proposals/${proposal.id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    for (const officer of ['demo-la-officer', 'demo-la-officer-other-la']) {
      const seen = ((await get(officer, '/api/collaborative-proposals'))['proposals'] as Proposal[]).find((p) => p.id === proposal.id);
      expect([officer, seen?.status, seen?.mayDecide, seen?.withdrawn?.by.name]).toEqual([officer, 'withdrawn', false, api.person('demo-reviewer-other-la').name]);
    }
    expect((await post('demo-la-officer-other-la', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' })).status).toBe(403);
    const again = await post('demo-senior-leader-secondary', `/api/collaborative-proposals/${proposal.id}/withdraw`, {});
    expect([again.status, (await json(again))['code']]).toEqual([409, 'proposal.closed']);
    expect(await audited('withdrawn')).toEqual([expect.objectContaining({ actor: 'demo-reviewer-other-la', proposalId: proposal.id })]);
    expect(await audited('created')).toEqual([]);
  });

  it('G34: an approved proposal is not withdrawn', async () => {
    const { post, propose } = await setup();
    const proposal = await propose([]);
    const approved = (await json(await post('demo-la-officer', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    expect([approved.status, approved.mayWithdraw]).toEqual(['approved', false]);
    const refused = await post('demo-headteacher-secondary', `/api/collaborative-proposals/${proposal.id}/withdraw`, {});
    expect([refused.status, (await json(refused))['code']]).toEqual([409, 'proposal.closed']);
  });
});

describe('a school joining from an LA not yet in the collaborative', () => {
  /** A horizontal collaborative of one LA only: its proposer's school. */
  async function oneLa() {
    const s = await setup();
    const proposal = await s.propose([]);
    const done = (await json(await s.post('demo-la-officer', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    const collaborativeId = done.collaborativeId ?? '';
    const ask = async (schoolId: string) => (await json(await s.post('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/member-requests`, { schoolId })))['request'] as { id: string; approvalLaCode: number | null };
    const membership = async () => (await s.get('demo-headteacher-secondary', `/api/collaboratives/${collaborativeId}/membership`)) as unknown as Membership;
    return { ...s, collaborativeId, ask, membership };
  }

  it('G35: the school stays asked after its headteacher accepts, until an officer of its LA approves; only that officer sees and decides it', async () => {
    const { api, cast, collaborativeId, otherLaSchoolId, otherLaCode, reviewerSchoolId, post, get, ask, membership, audited } = await oneLa();
    const request = await ask(otherLaSchoolId);
    expect(request.approvalLaCode).toBe(otherLaCode);
    // A school of an LA already in it needs no LA approval (M46).
    expect((await ask(reviewerSchoolId)).approvalLaCode).toBeNull();
    const accepted = await json(await post('demo-reviewer-other-la', `/api/membership-requests/${request.id}/answer`, { accept: true }));
    expect([accepted['accepted'], accepted['joined']]).toEqual([true, false]);
    const waiting = await membership();
    expect(waiting.members.map((m) => m.id)).not.toContain(otherLaSchoolId);
    expect(waiting.requests.find((r) => r.id === request.id)).toMatchObject({ schoolAccepted: true, approvalLa: { code: otherLaCode, approved: false } });
    // Accepting twice is the answered request's 409, not a second yes.
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${request.id}/answer`, { accept: true })).status).toBe(409);

    // Every person: only the other LA's officer is asked, and only they decide.
    for (const person of cast) {
      const listed = ((await get(person, '/api/membership-approvals'))['approvals'] as Approval[] | undefined) ?? [];
      const mine = listed.find((a) => a.id === request.id);
      expect([person, Boolean(mine?.mayDecide)]).toEqual([person, person === 'demo-la-officer-other-la']);
      if (person === 'demo-la-officer-other-la') continue;
      expect([person, (await post(person, `/api/membership-approvals/${request.id}/decision`, { decision: 'approve' })).status]).toEqual([person, 403]);
    }
    expect((((await get('demo-la-officer-other-la', '/api/membership-approvals'))['approvals'] as Approval[]).find((a) => a.id === request.id))?.schoolAccepted).toBe(true);

    const approved = await json(await post('demo-la-officer-other-la', `/api/membership-approvals/${request.id}/decision`, { decision: 'approve' }));
    expect(approved).toEqual({ approved: true, joined: true });
    const after = await membership();
    expect(after.members.map((m) => m.id)).toContain(otherLaSchoolId);
    expect(after.history.filter((h) => h.schoolId === otherLaSchoolId).map((h) => [h.event, h.by])).toEqual([
      ['requested', api.person('demo-headteacher-secondary').name],
      ['la-approved', api.person('demo-la-officer-other-la').name],
      ['joined', api.person('demo-reviewer-other-la').name],
    ]);
    expect(api.rechecks.at(-1)).toMatchObject({ docIds: [expect.stringMatching(/^workspace:/)] });
    expect(await audited('approved')).toContainEqual(expect.objectContaining({ actor: 'demo-la-officer-other-la', collaborativeId, schoolId: otherLaSchoolId, laCode: otherLaCode }));
    expect(((await get('demo-la-officer-other-la', '/api/membership-approvals'))['approvals'] as Approval[]).map((a) => a.id)).not.toContain(request.id);
    expect((await post('demo-la-officer-other-la', `/api/membership-approvals/${request.id}/decision`, { decision: 'approve' })).status).toBe(403);
  });

  it('G35: the LA may approve first, and the school joins when its headteacher accepts; the LA declining closes the request', async () => {
    const { collaborativeId, otherLaSchoolId, post, ask, membership, audited } = await oneLa();
    const request = await ask(otherLaSchoolId);
    expect(await json(await post('demo-la-officer-other-la', `/api/membership-approvals/${request.id}/decision`, { decision: 'approve' }))).toEqual({ approved: true, joined: false });
    expect((await membership()).members.map((m) => m.id)).not.toContain(otherLaSchoolId);
    expect((await json(await post('demo-reviewer-other-la', `/api/membership-requests/${request.id}/answer`, { accept: true })))['joined']).toBe(true);
    expect((await membership()).members.map((m) => m.id)).toContain(otherLaSchoolId);

    // Out again, asked again, and this time the LA declines: the headteacher can no longer accept.
    await post('demo-reviewer-other-la', `/api/collaboratives/${collaborativeId}/leave`, { schoolId: otherLaSchoolId });
    const second = await ask(otherLaSchoolId);
    expect(await json(await post('demo-la-officer-other-la', `/api/membership-approvals/${second.id}/decision`, { decision: 'decline' }))).toEqual({ approved: false, joined: false });
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${second.id}/answer`, { accept: true })).status).toBe(409);
    expect((await membership()).history.at(-1)).toMatchObject({ schoolId: otherLaSchoolId, event: 'declined' });
    expect(await audited('declined')).toContainEqual(expect.objectContaining({ actor: 'demo-la-officer-other-la', schoolId: otherLaSchoolId }));
  });

  it('G35: decision bodies are bounded and validated', async () => {
    const { api, otherLaSchoolId, ask } = await oneLa();
    const request = await ask(otherLaSchoolId);
    const path = `/api/membership-approvals/${request.id}/decision`;
    expect((await api.request('demo-la-officer-other-la', path, { method: 'POST', body: JSON.stringify({ decision: 'approve', pad: 'x'.repeat(5000) }) })).status).toBe(413);
    expect((await api.request('demo-la-officer-other-la', path, { method: 'POST', body: JSON.stringify({ decision: 'maybe' }) })).status).toBe(400);
    expect((await api.request('demo-la-officer-other-la', '/api/membership-approvals/no%20such/decision', { method: 'POST', body: JSON.stringify({ decision: 'approve' }) })).status).toBe(400);
  });
});

describe('a collaborative keeps a convenor', () => {
  async function twoConvenors() {
    const s = await setup();
    const proposal = await s.propose([], { convenorIds: ['demo-headteacher-secondary', 'demo-senior-leader-secondary'] });
    const done = (await json(await s.post('demo-la-officer', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' })))['proposal'] as Proposal;
    const collaborativeId = done.collaborativeId ?? '';
    const convenors = async () => (await s.api.sql.all((db) => db.select().from(roleAssignments)
      .where(and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeId, collaborativeId))))).map((r) => r.personId).sort();
    const remove = (by: string, personId: string) => s.api.request(by, `/api/collaboratives/${collaborativeId}/people/${personId}`, { method: 'DELETE' });
    return { ...s, collaborativeId, convenors, remove };
  }

  it('G36: a convenor goes while another stays; the last one is refused to everyone with its own problem code', async () => {
    const { cast, convenors, remove } = await twoConvenors();
    expect(await convenors()).toEqual(['demo-headteacher-secondary', 'demo-senior-leader-secondary']);
    // The first-named convenor may go too, now that a joint convenor stays.
    expect((await remove('demo-senior-leader-secondary', 'demo-headteacher-secondary')).status).toBe(204);
    expect(await convenors()).toEqual(['demo-senior-leader-secondary']);
    for (const person of cast) {
      const refused = await remove(person, 'demo-senior-leader-secondary');
      expect([person, refused.status === 204]).toEqual([person, false]);
    }
    for (const person of ['demo-senior-leader-secondary', 'demo-la-officer']) {
      const refused = await remove(person, 'demo-senior-leader-secondary');
      expect([person, refused.status, (await json(refused))['code']]).toEqual([person, 409, 'collaborative.last-convenor']);
    }
    expect(await convenors()).toEqual(['demo-senior-leader-secondary']);
  });

  it('G36: an LA officer\'s edit names every convenor, audited; an edit leaving none is refused', async () => {
    const { api, collaborativeId, convenors, get, audited } = await twoConvenors();
    const current = (await get('demo-la-officer', `/api/directory/collaboratives/${collaborativeId}`))['collaborative'] as Record<string, unknown>;
    const { id: _id, synthetic: _synthetic, members: _members, convenor: _convenor, facilitators: _facilitators, convenorId: _convenorId, ...fields } = current;
    const put = (by: string, body: Record<string, unknown>) => api.request(by, `/api/directory/collaboratives/${collaborativeId}`, { method: 'PUT', body: JSON.stringify({ ...fields, ...body }) });
    for (const empty of [{ convenorIds: [] }, {}]) {
      const refused = await put('demo-la-officer', empty);
      expect([refused.status, (await json(refused))['code']]).toEqual([409, 'collaborative.last-convenor']);
    }
    expect(await convenors()).toEqual(['demo-headteacher-secondary', 'demo-senior-leader-secondary']);
    // Both kept through an edit of the name; then one taken off (audited revoked).
    expect((await put('demo-la-officer', { name: { cy: 'Enw newydd', en: 'New name' }, convenorIds: ['demo-headteacher-secondary', 'demo-senior-leader-secondary'] })).status).toBe(200);
    expect(await convenors()).toEqual(['demo-headteacher-secondary', 'demo-senior-leader-secondary']);
    expect((await put('demo-la-officer', { convenorIds: ['demo-senior-leader-secondary'] })).status).toBe(200);
    expect(await convenors()).toEqual(['demo-senior-leader-secondary']);
    expect(await audited('revoked')).toContainEqual(expect.objectContaining({ actor: 'demo-la-officer', personId: 'demo-headteacher-secondary', role: 'convenor', collaborativeId }));
    // A non-leader cannot be named convenor (P17); the other LA's officer does not edit it.
    expect((await put('demo-la-officer', { convenorIds: ['demo-senior-leader-secondary', 'demo-practitioner-secondary'] })).status).toBe(403);
    expect((await put('demo-la-officer-other-la', { convenorIds: ['demo-senior-leader-secondary'] })).status).toBe(403);
  });
});
