/**
 * Who is in a collaborative (COLLABORATIVES.md G25-G31): the convenor finds a school in the
 * all-Wales directory and asks it; that school's headteacher accepts or declines; a member
 * school's headteacher takes it out; every step is audited and kept in the membership history
 * its readers see; a school from an LA not in it yet joins only once that LA's officer approves
 * too (M46, G35). Decisions are the model's (P108-P113); each change re-checks open sockets.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import { SchoolId, type School } from '@cydweithio/model/domain/school';
import { decide, decideMembershipChange, joiningLaApproval, reachableLaCodes, type Actor, type MembershipChange, type MembershipFacts, type PolicyResource } from '@cydweithio/model/policy/index';
import { checkCollaborative, structureContext } from '@cydweithio/model/rules/collaborativeRules';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { joinWhenAgreed } from '../access/membership-joining';
import { lapseCollaborativeRoles } from '../access/role-changes';
import { notifyMembershipAnswer, notifyMembershipRequest } from '../notifications/notify';
import type { StoredRequest } from '../directory/convening-store';
import { ensureWorkspace } from '../access/workspace-creation';
import { searchSchools } from '../directory/school-search';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readParam, readQuery } from './middleware/validate';
import { ProblemError } from './problem';

/** G31: these bodies are bounded at 4 KB. */
const smallBody = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });
const schoolBody = z.object({ schoolId: SchoolId });
const answerBody = z.object({ accept: z.boolean() });
const candidateQuery = z.object({ q: z.string().trim().min(2).max(80) });
const RequestId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export function workspaceResourceOf(collaborative: Collaborative, memberSchools: readonly School[]): Extract<PolicyResource, { kind: 'workspace' }> {
  return {
    kind: 'workspace', collaborativeId: collaborative.id, memberSchoolIds: collaborative.memberSchoolIds,
    memberLaCodes: [...new Set(memberSchools.map((s) => s.laCode))], convenorId: collaborative.convenorId, facilitatorIds: collaborative.laFacilitatorIds,
  };
}

export function collaborativeMembershipRoutes(services: AccessServices): { collaboratives: Hono<AccessEnv>; requests: Hono<AccessEnv> } {
  const { directory, directoryWrites, convening, audit, invitations, registry, sync, sql } = services;

  /** Who a request still waits for: the school's headteacher, and the new LA when one must approve (M46). */
  async function waitingFor(r: StoredRequest) {
    const la = r.approvalLaCode === null ? null : (await directory.localAuthorities()).find((x) => x.code === r.approvalLaCode);
    return {
      schoolAccepted: r.acceptedAt !== null,
      approvalLa: r.approvalLaCode === null ? null : { code: r.approvalLaCode, name: la?.name ?? null, approved: r.laApprovedAt !== null },
    };
  }

  async function factsOf(collaborative: Collaborative) {
    const members = await directory.schoolsByIds(collaborative.memberSchoolIds);
    const memberLaCodes = [...new Set(members.map((s) => s.laCode))];
    const partnership = collaborative.partnershipId ? (await directory.partnerships()).find((p) => p.id === collaborative.partnershipId) : undefined;
    const facts: MembershipFacts = {
      collaborativeId: collaborative.id, kind: collaborative.kind, convenorId: collaborative.convenorId, memberSchoolIds: collaborative.memberSchoolIds,
      memberLaCodes, reachableLaCodes: reachableLaCodes(collaborative.kind, memberLaCodes, partnership?.laCodes ?? []),
    };
    return { members, facts };
  }

  async function loaded(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const collaborative = await directory.collaborative(c.req.param('id') ?? '');
    if (!collaborative) throw new ProblemError('collaborative.not-found');
    const actor = await loadActor(directory, personId);
    return { personId, actor, collaborative, ...(await factsOf(collaborative)) };
  }

  function require(actor: Actor, facts: MembershipFacts, change: MembershipChange): void {
    const decision = decideMembershipChange(actor, facts, change);
    if (!decision.allow) throw new ProblemError('collaborative.forbidden', { detail: decision.reason });
  }

  /** After a school joins or goes: the workspace's sockets, and roles that stood on the school (P45). */
  async function afterChange(collaborativeId: string, actorId: string): Promise<void> {
    const lapsed = await lapseCollaborativeRoles(services, { collaborativeId }, actorId);
    await sync?.recheck({ docIds: await registry.idsOwnedBy('collaborative', collaborativeId) });
    if (lapsed.length > 0) await sync?.recheck({ personIds: lapsed });
  }

  const collaboratives = new Hono<AccessEnv>();
  collaboratives.use('*', smallBody);

  // G26: schools by name in either language, number or LA; a vertical collaborative's own LAs only.
  collaboratives.get('/:id/school-candidates', async (c) => {
    const { actor, facts } = await loaded(c);
    const { q } = readQuery(c, candidateQuery);
    require(actor, facts, { type: 'withdraw-request', schoolId: '' });
    const asked = new Set((await convening.pending({ collaborativeId: facts.collaborativeId })).map((r) => r.schoolId));
    const found = await searchSchools(sql, q, await directory.localAuthorities(), facts.reachableLaCodes);
    return c.json({
      schools: found.map((s) => ({
        id: s.id, name: s.name, laCode: s.laCode, setting: s.setting, languageCategory: s.languageCategory,
        state: facts.memberSchoolIds.includes(s.id) ? 'member' : asked.has(s.id) ? 'asked' : null,
      })),
    });
  });

  // G28: members, open requests and the history, for everyone who reads the workspace.
  collaboratives.get('/:id/membership', async (c) => {
    const { actor, collaborative, members, facts } = await loaded(c);
    if (!decide(actor, 'read', workspaceResourceOf(collaborative, members)).allow) throw new ProblemError('collaborative.forbidden', { detail: 'workspace.no-access' });
    const [pending, events] = await Promise.all([convening.pending({ collaborativeId: collaborative.id }), convening.events(collaborative.id)]);
    const schools = await directory.schoolsByIds([...new Set([...pending.map((r) => r.schoolId), ...events.map((e) => e.schoolId)])]);
    const people = await directory.peopleByIds([...new Set([...pending.map((r) => r.requestedBy), ...events.flatMap((e) => (e.actorPersonId ? [e.actorPersonId] : []))])]);
    const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? null;
    const personName = (id: string | null) => (id ? people.find((p) => p.id === id)?.name ?? null : null);
    return c.json({
      members: members.map((s) => ({
        id: s.id, name: s.name, laCode: s.laCode, setting: s.setting,
        mayLeave: decideMembershipChange(actor, facts, { type: 'leave', schoolId: s.id }).allow,
        mayRemove: decideMembershipChange(actor, facts, { type: 'remove', schoolId: s.id }).allow,
      })),
      requests: await Promise.all(pending.map(async (r) => ({
        id: r.id, schoolId: r.schoolId, schoolName: schoolName(r.schoolId), requestedBy: personName(r.requestedBy), requestedAt: new Date(r.requestedAt).toISOString(), ...(await waitingFor(r)),
      }))),
      history: events.map((e) => ({ schoolId: e.schoolId, schoolName: schoolName(e.schoolId), event: e.event, by: personName(e.actorPersonId), at: new Date(e.at).toISOString() })),
      mayAsk: decideMembershipChange(actor, facts, { type: 'withdraw-request', schoolId: '' }).allow,
    });
  });

  collaboratives.post('/:id/member-requests', async (c) => {
    const { personId, actor, collaborative, members, facts } = await loaded(c);
    const { schoolId } = await readJson(c, schoolBody);
    const school = await directory.school(schoolId);
    if (!school) throw new ProblemError('directory.not-found', { detail: 'Unknown school.' });
    const alreadyAsked = (await convening.pending({ collaborativeId: collaborative.id })).some((r) => r.schoolId === schoolId);
    require(actor, facts, { type: 'request', schoolId, schoolLaCode: school.laCode, alreadyAsked });
    // M46: a school from an LA none of the members is in needs that LA's approval as well.
    const approvalLaCode = joiningLaApproval(school.laCode, facts.memberLaCodes);
    const id = await convening.request(collaborative.id, schoolId, personId, approvalLaCode);
    await convening.recordEvent(collaborative.id, schoolId, 'requested', personId);
    await audit.record({ actorPersonId: personId, action: 'requested', detail: { collaborativeId: collaborative.id, schoolId, approvalLaCode } });
    await notifyMembershipRequest(services, { collaborativeId: collaborative.id, schoolId, approvalLaCode, requestedBy: personId });
    // What the group would break with this school in it: shown, never a refusal (M1-M6).
    const warnings = checkCollaborative({ ...collaborative, memberSchoolIds: [...collaborative.memberSchoolIds, schoolId] }, structureContext([...members, school], await directory.partnerships()));
    const approvalLa = approvalLaCode === null ? null : { code: approvalLaCode, name: (await directory.localAuthorities()).find((la) => la.code === approvalLaCode)?.name ?? null };
    return c.json({ request: { id, schoolId, approvalLaCode, approvalLa }, warnings }, 201);
  });

  collaboratives.delete('/:id/member-requests/:requestId', async (c) => {
    const { personId, actor, collaborative, facts } = await loaded(c);
    const request = await convening.requestById(readParam(c, 'requestId', RequestId));
    if (!request || request.collaborativeId !== collaborative.id) throw new ProblemError('membership.not-found');
    require(actor, facts, { type: 'withdraw-request', schoolId: request.schoolId });
    if (!(await convening.answer(request.id, 'withdrawn', personId))) throw new ProblemError('membership.answered');
    await convening.recordEvent(collaborative.id, request.schoolId, 'withdrawn', personId);
    await audit.record({ actorPersonId: personId, action: 'withdrawn', detail: { collaborativeId: collaborative.id, schoolId: request.schoolId } });
    return c.body(null, 204);
  });

  collaboratives.post('/:id/leave', async (c) => {
    const { personId, actor, collaborative, facts } = await loaded(c);
    const { schoolId } = await readJson(c, schoolBody);
    require(actor, facts, { type: 'leave', schoolId });
    if (!(await directoryWrites.removeMemberSchool(collaborative.id, schoolId))) throw new ProblemError('collaborative.member-not-found');
    await convening.recordEvent(collaborative.id, schoolId, 'left', personId);
    await audit.record({ actorPersonId: personId, action: 'left', detail: { collaborativeId: collaborative.id, schoolId } });
    await invitations.withdrawForSchool(collaborative.id, schoolId);
    await afterChange(collaborative.id, personId);
    return c.body(null, 204);
  });

  // G24: an older collaborative without a workspace gets one from its convenor.
  collaboratives.post('/:id/workspace', async (c) => {
    const { personId, actor, collaborative, members } = await loaded(c);
    const decision = decide(actor, 'share', workspaceResourceOf(collaborative, members));
    if (!decision.allow) throw new ProblemError('collaborative.forbidden', { detail: decision.reason });
    const { id, created } = await ensureWorkspace(services, collaborative, personId);
    return c.json({ id }, created ? 201 : 200);
  });

  const requests = new Hono<AccessEnv>();
  requests.use('*', smallBody);

  // G27: requests waiting for the schools the person is headteacher of.
  requests.get('/', async (c) => {
    const personId = requireSignIn(c);
    const actor = await loadActor(directory, personId);
    const headOf = actor.roles.flatMap((r) => (r.role === 'headteacher' ? [r.schoolId] : []));
    const pending = await convening.pending({ schoolIds: headOf });
    const cols = await directory.collaboratives([...new Set(pending.map((r) => r.collaborativeId))]);
    const [schools, people] = await Promise.all([
      directory.schoolsByIds([...new Set([...pending.map((r) => r.schoolId), ...cols.flatMap((co) => co.memberSchoolIds)])]),
      directory.peopleByIds([...new Set(pending.map((r) => r.requestedBy))]),
    ]);
    const listed = await Promise.all(pending.map(async (r) => {
      const co = cols.find((x) => x.id === r.collaborativeId);
      if (!co) return [];
      return [{
        id: r.id, requestedAt: new Date(r.requestedAt).toISOString(), requestedBy: people.find((p) => p.id === r.requestedBy)?.name ?? null,
        school: { id: r.schoolId, name: schools.find((s) => s.id === r.schoolId)?.name ?? null },
        collaborative: { id: co.id, name: co.name, purpose: co.purpose ?? null, kind: co.kind, structure: co.structure, members: co.memberSchoolIds.map((id) => ({ id, name: schools.find((s) => s.id === id)?.name ?? null })) },
        ...(await waitingFor(r)),
      }];
    }));
    return c.json({ requests: listed.flat() });
  });

  requests.post('/:requestId/answer', async (c) => {
    const personId = requireSignIn(c);
    const request = await convening.requestById(readParam(c, 'requestId', RequestId));
    if (!request) throw new ProblemError('membership.not-found');
    const collaborative = await directory.collaborative(request.collaborativeId);
    if (!collaborative) throw new ProblemError('collaborative.not-found');
    const { accept } = await readJson(c, answerBody);
    const { facts } = await factsOf(collaborative);
    require(await loadActor(directory, personId), facts, { type: 'answer', schoolId: request.schoolId });
    if (!accept) {
      if (!(await convening.answer(request.id, 'declined', personId))) throw new ProblemError('membership.answered');
      await convening.recordEvent(collaborative.id, request.schoolId, 'declined', personId);
      await audit.record({ actorPersonId: personId, action: 'declined', detail: { collaborativeId: collaborative.id, schoolId: request.schoolId } });
      await notifyMembershipAnswer(services, { collaborativeId: collaborative.id, answeredBy: personId, kind: 'membership-declined' });
      return c.json({ collaborativeId: collaborative.id, accepted: false, joined: false });
    }
    if (!(await convening.accept(request.id, personId))) throw new ProblemError('membership.answered');
    // Joined now, or once the new LA's officer approves too (M46, G35).
    const joined = await joinWhenAgreed(services, request, personId);
    await notifyMembershipAnswer(services, { collaborativeId: collaborative.id, answeredBy: personId, kind: 'membership-accepted' });
    return c.json({ collaborativeId: collaborative.id, accepted: true, joined });
  });

  return { collaboratives, requests };
}
