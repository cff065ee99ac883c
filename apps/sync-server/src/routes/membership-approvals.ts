/**
 * A school joining later from an LA the collaborative has not reached yet (COLLABORATIVES.md
 * G35, M46): that LA's officers see the request where they see proposals to approve, with the
 * collaborative, the school and whether its headteacher has accepted, and approve or decline it
 * for their LA (P113). Approving is audited `approved`, declining `declined`, both with the LA;
 * both are in the collaborative's membership history.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { decideJoiningLaApproval } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { joinWhenAgreed } from '../access/membership-joining';
import { notifyMembershipAnswer } from '../notifications/notify';
import { loadActor } from '../access/policy';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readParam } from './middleware/validate';
import { ProblemError } from './problem';

const smallBody = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });
const decisionBody = z.object({ decision: z.enum(['approve', 'decline']) });
const RequestId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export function membershipApprovalRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, convening, audit } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', smallBody);

  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const actor = await loadActor(directory, personId);
    const officerOf = actor.roles.flatMap((r) => (r.role === 'la-officer' ? [r.laCode] : []));
    const waiting = await convening.awaitingLa(officerOf);
    const cols = await directory.collaboratives([...new Set(waiting.map((r) => r.collaborativeId))]);
    const [schools, people, las] = await Promise.all([
      directory.schoolsByIds([...new Set([...waiting.map((r) => r.schoolId), ...cols.flatMap((co) => co.memberSchoolIds)])]),
      directory.peopleByIds([...new Set(waiting.map((r) => r.requestedBy))]),
      directory.localAuthorities(),
    ]);
    const schoolOf = (id: string) => schools.find((s) => s.id === id);
    return c.json({
      approvals: waiting.flatMap((r) => {
        const co = cols.find((x) => x.id === r.collaborativeId);
        if (!co || r.approvalLaCode === null) return [];
        return [{
          id: r.id, requestedAt: new Date(r.requestedAt).toISOString(), requestedBy: people.find((p) => p.id === r.requestedBy)?.name ?? null,
          la: { code: r.approvalLaCode, name: las.find((la) => la.code === r.approvalLaCode)?.name ?? null },
          school: { id: r.schoolId, name: schoolOf(r.schoolId)?.name ?? null },
          schoolAccepted: r.acceptedAt !== null,
          collaborative: {
            id: co.id, name: co.name, purpose: co.purpose ?? null, kind: co.kind, structure: co.structure,
            members: co.memberSchoolIds.map((id) => ({ id, name: schoolOf(id)?.name ?? null, laCode: schoolOf(id)?.laCode ?? null })),
          },
          mayDecide: decideJoiningLaApproval(actor, { approvalLaCode: r.approvalLaCode, laDecided: r.laApprovedAt !== null }).allow,
        }];
      }),
    });
  });

  app.post('/:requestId/decision', async (c) => {
    const personId = requireSignIn(c);
    const request = await convening.requestById(readParam(c, 'requestId', RequestId));
    if (!request) throw new ProblemError('membership.not-found');
    const { decision } = await readJson(c, decisionBody);
    const decided = decideJoiningLaApproval(await loadActor(directory, personId), { approvalLaCode: request.approvalLaCode, laDecided: request.laApprovedAt !== null });
    if (!decided.allow) throw new ProblemError('collaborative.forbidden', { detail: decided.reason });
    const detail = { collaborativeId: request.collaborativeId, schoolId: request.schoolId, laCode: request.approvalLaCode };
    if (decision === 'decline') {
      if (!(await convening.answer(request.id, 'declined', personId))) throw new ProblemError('membership.answered');
      await convening.recordEvent(request.collaborativeId, request.schoolId, 'declined', personId);
      await audit.record({ actorPersonId: personId, action: 'declined', detail });
      await notifyMembershipAnswer(services, { collaborativeId: request.collaborativeId, answeredBy: personId, kind: 'membership-la-declined' });
      return c.json({ approved: false, joined: false });
    }
    if (!(await convening.laApprove(request.id, personId))) throw new ProblemError('membership.answered');
    await convening.recordEvent(request.collaborativeId, request.schoolId, 'la-approved', personId);
    await audit.record({ actorPersonId: personId, action: 'approved', detail });
    // Joined now if the headteacher had accepted already; otherwise when they do (G27).
    const joined = await joinWhenAgreed(services, request, personId);
    await notifyMembershipAnswer(services, { collaborativeId: request.collaborativeId, answeredBy: personId, kind: 'membership-la-approved' });
    return c.json({ approved: true, joined });
  });

  return app;
}
