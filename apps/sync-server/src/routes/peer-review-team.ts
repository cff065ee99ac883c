/**
 * A peer review's team, stage and shares, on the host's terms (COLLABORATIVES.md G10-G17).
 *   GET    /api/peer-reviews/:id                      team, stage, retention date (policy read)
 *   GET    /api/peer-reviews/:id/candidates?q=        people to add, from the all-Wales directory (host)
 *   POST   /api/peer-reviews/:id/team                 {personId, role} (P64)
 *   DELETE /api/peer-reviews/:id/team/:personId       (P64)
 *   POST   /api/peer-reviews/:id/stage                {stage, retainUntil?} (P65; from planning, P141)
 *   GET    /api/peer-reviews/:id/shares               who else reads it, with who shared and when (host)
 *   POST   /api/peer-reviews/:id/shares               {type, id} (P66)
 *   DELETE /api/peer-reviews/:id/shares/:type/:granteeId
 * Every change is audited and re-checks the review's open sockets, so a person who lost access
 * is disconnected within a second and a reviewer of a closed review becomes a reader at once.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ReviewStage, ShareType, TeamRole, type ReviewShare } from '@cydweithio/model/domain/reviewTeam';
import { peerReviewToJson, planningGaps, readMeta, type PlanningPiece } from '@cydweithio/model/docs/index';
import { decideShareWith, decideStageMove, decideTeamChange } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import type { Decision } from '../access/policy';
import { searchPeople } from '../directory/people-search';
import { reviewShareNotice } from '../notifications/notify';
import type { AccessEnv } from './access-env';
import { documentFor, type DocumentContext } from './document-access';
import { readJson, readQuery } from './middleware/validate';
import { ProblemError } from './problem';

const PersonId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);
const teamBody = z.object({ personId: PersonId, role: TeamRole });
const stageBody = z.object({ stage: ReviewStage, retainUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });
const shareBody = z.object({ type: ShareType, id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/) });
const searchQuery = z.object({ q: z.string().trim().min(2).max(80) });
const smallBody = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });

export function peerReviewTeamRoutes(services: AccessServices): Hono<AccessEnv> {
  const { registry, directory, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  async function reviewFor(c: Context<AccessEnv>, action: 'read' | 'share') {
    const found = await documentFor(services, c, action);
    if (found.resource.kind !== 'peer-review' || !found.doc.record.peerReview) throw new ProblemError('document.not-shareable');
    return { ...found, resource: found.resource, facts: found.doc.record.peerReview };
  }
  const refuse = (decision: Decision) => {
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
  };
  const recheck = (found: DocumentContext) => sync?.recheck({ docIds: [found.doc.record.id] });
  /** G47: what the live document still lacks before the visit (D65): the focus, a visit date. */
  async function missingBeforeVisit(found: DocumentContext): Promise<PlanningPiece[]> {
    const getDoc = sync?.getDoc;
    if (!getDoc) throw new ProblemError('server.unavailable', { detail: 'Starting the visit needs the sync core.' });
    const doc = await getDoc(found.doc.record.id);
    return readMeta(doc) === null ? ['focus', 'visit-dates'] : planningGaps(peerReviewToJson(doc));
  }

  app.get('/:id', async (c) => {
    const found = await reviewFor(c, 'read');
    const team = found.facts.team ?? [];
    const named = new Map((await directory.peopleByIds([...found.facts.reviewerIds, ...team.map((m) => m.personId)])).map((p) => [p.id, p.name]));
    // Reviewers named when the review was created count as reviewers of the team.
    const members = [
      ...team,
      ...found.facts.reviewerIds.filter((id) => !team.some((m) => m.personId === id)).map((personId) => ({ personId, role: 'reviewer' as const })),
    ];
    const schoolsOf = await Promise.all(members.map(async (m) => (await directory.roles(m.personId)).find((r) => 'schoolId' in r)));
    const schoolIds = schoolsOf.flatMap((r) => (r && 'schoolId' in r ? [r.schoolId] : []));
    const schoolNames = new Map((await directory.schoolsByIds(schoolIds)).map((s) => [s.id, s.name]));
    return c.json({
      id: found.doc.record.id,
      hostSchoolId: found.facts.hostSchoolId,
      stage: found.resource.stage ?? 'planning',
      retainUntil: found.facts.lifecycle?.retainUntil ?? null,
      team: members.map((m, i) => {
        const at = schoolsOf[i];
        const schoolId = at && 'schoolId' in at ? at.schoolId : null;
        return { personId: m.personId, name: named.get(m.personId) ?? m.personId, role: m.role, schoolId, schoolName: schoolId ? schoolNames.get(schoolId) ?? null : null };
      }),
    });
  });

  app.get('/:id/candidates', async (c) => {
    await reviewFor(c, 'share');
    const { q } = readQuery(c, searchQuery);
    return c.json({ people: await searchPeople(services.sql, q) });
  });

  app.post('/:id/team', smallBody, async (c) => {
    const found = await reviewFor(c, 'share');
    const { personId, role } = await readJson(c, teamBody);
    if (!(await directory.person(personId))) throw new ProblemError('directory.not-found', { detail: 'Unknown person.' });
    const roles = await directory.roles(personId);
    const candidate = {
      personId,
      schoolRoles: roles.flatMap((r) => ('schoolId' in r ? [{ role: r.role, schoolId: r.schoolId }] : [])),
      laRoles: roles.flatMap((r) => ('laCode' in r ? [{ role: r.role, laCode: r.laCode }] : [])),
    };
    refuse(decideTeamChange(found.actor, found.resource, { add: candidate, role, team: found.facts.team ?? [] }));
    await registry.setTeamMember(found.doc.record.id, personId, role, found.actor.personId);
    await audit.record({ actorPersonId: found.actor.personId, action: 'added', documentId: found.doc.record.id, detail: { personId, role } });
    await recheck(found);
    return c.json({ personId, role }, 201);
  });

  app.delete('/:id/team/:personId', async (c) => {
    const found = await reviewFor(c, 'share');
    const personId = c.req.param('personId');
    refuse(decideTeamChange(found.actor, found.resource, { remove: personId }));
    if (!(await registry.removeTeamMember(found.doc.record.id, personId))) throw new ProblemError('collaborative.member-not-found');
    await audit.record({ actorPersonId: found.actor.personId, action: 'removed', documentId: found.doc.record.id, detail: { personId } });
    await recheck(found);
    return c.body(null, 204);
  });

  app.post('/:id/stage', smallBody, async (c) => {
    const found = await reviewFor(c, 'share');
    const { stage, retainUntil } = await readJson(c, stageBody);
    const keep = retainUntil ?? null;
    const today = registry.today();
    refuse(decideStageMove(found.actor, found.resource, stage, keep, today));
    // Only the host gets this far: the live document is read for a move out of planning alone.
    if ((found.resource.stage ?? 'planning') === 'planning' && stage !== 'closed') {
      const missing = await missingBeforeVisit(found);
      const decision = decideStageMove(found.actor, found.resource, stage, keep, today, missing);
      if (decision.reason === 'peer-review.planning-incomplete') {
        throw new ProblemError('peer-review.planning-incomplete', { detail: `Missing before the visit: ${missing.join(', ')}.` });
      }
      refuse(decision);
    }
    await registry.setStage(found.doc.record.id, stage, stage === 'closed' ? keep : null, found.actor.personId);
    await audit.record({ actorPersonId: found.actor.personId, action: 'staged', documentId: found.doc.record.id, detail: { stage, retainUntil: stage === 'closed' ? keep : null } });
    await recheck(found);
    return c.json({ stage, retainUntil: stage === 'closed' ? keep : null });
  });

  app.get('/:id/shares', async (c) => {
    const found = await reviewFor(c, 'share');
    const shares = await registry.reviewShares(found.doc.record.id);
    const people = new Map((await directory.peopleByIds([...shares.map((s) => s.sharedBy), ...shares.filter((s) => s.type === 'person').map((s) => s.id)])).map((p) => [p.id, p.name]));
    const collaboratives = new Map((await directory.collaboratives(shares.filter((s) => s.type === 'collaborative').map((s) => s.id))).map((x) => [x.id, x.name]));
    return c.json({
      sharedWithLa: found.facts.sharedWithLa,
      shares: shares.map((s) => ({
        ...s,
        sharedByName: people.get(s.sharedBy) ?? null,
        name: s.type === 'person' ? people.get(s.id) ?? null : s.type === 'collaborative' ? collaboratives.get(s.id) ?? null : null,
      })),
    });
  });

  app.post('/:id/shares', smallBody, async (c) => {
    const found = await reviewFor(c, 'share');
    const share: ReviewShare = await readJson(c, shareBody);
    const hostCollaboratives = await directory.collaborativeIdsOfSchools([found.facts.hostSchoolId]);
    // The school's facilitator share names the host school: its Improvement Partners read it.
    if (share.type === 'facilitator' && share.id !== found.facts.hostSchoolId) {
      throw new ProblemError('request.invalid', { errors: [{ path: 'id', message: 'A facilitator share names the host school.' }] });
    }
    refuse(decideShareWith(found.actor, found.resource, share, {
      hostIsMember: hostCollaboratives.includes(share.id),
      personExists: share.type !== 'person' || (await directory.person(share.id)) !== null,
    }));
    const notice = await reviewShareNotice(services, found.doc.record.id, share, found.actor.personId);
    if (await registry.shareReview(found.doc.record.id, share, found.actor.personId)) {
      await audit.record({ actorPersonId: found.actor.personId, action: 'shared', documentId: found.doc.record.id, detail: { grantee: share.type, granteeId: share.id } });
      // Told once, when the share is new: sharing again changes nothing and tells nobody.
      await notice.send();
    }
    return c.json({ shared: share }, 201);
  });

  app.delete('/:id/shares/:type/:granteeId', async (c) => {
    const found = await reviewFor(c, 'share');
    const type = ShareType.safeParse(c.req.param('type'));
    if (!type.success) throw new ProblemError('request.invalid', { errors: [{ path: 'type', message: 'person, collaborative or facilitator' }] });
    const share: ReviewShare = { type: type.data, id: c.req.param('granteeId') };
    if (await registry.unshareReview(found.doc.record.id, share)) {
      await audit.record({ actorPersonId: found.actor.personId, action: 'unshared', documentId: found.doc.record.id, detail: { grantee: share.type, granteeId: share.id } });
    }
    // Their open sockets close within a second (A11).
    await recheck(found);
    return c.body(null, 204);
  });

  return app;
}
