/**
 * LA officers create and update collaboratives: name, kind, structure, members, convenor and
 * facilitators (ACCESS.md A21). The model's structural rules (M1-M6) are returned as warnings,
 * not refusals: a collaborative is often set up before all its schools have joined. An update
 * may name every convenor (`convenorIds`); one naming only `convenorId` replaces the first-named
 * convenor and keeps the joint ones (P139, G44); it never leaves none (P114, G36). Each person
 * newly named is told (A153).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { Collaborative } from '@cydweithio/model/domain/collaborative';
import { checkCollaborative, structureContext } from '@cydweithio/model/rules/collaborativeRules';
import type { AccessServices } from '../access/services';
import { isLaOfficer } from '../access/directory-rights';
import { loadActor } from '../access/policy';
import { convenorsAfterUpdate, decideGrant } from '@cydweithio/model/policy/index';
import { collaborativeScope } from '../access/grant-scope';
import { convenorIdsOf, requireConvenorsAfter } from '../access/convenors';
import { newId } from '../auth/tokens';
import { ensureWorkspace } from '../access/workspace-creation';
import { notifyConvenorsNamed } from '../notifications/notify';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const PersonId = z.string().min(1).max(64);
const collaborativeBody = Collaborative.omit({ id: true, synthetic: true, convenorId: true }).extend({
  /** The one convenor, as a client naming only one sends it. */
  convenorId: PersonId.optional(),
  /** Every convenor (joint convenors); when sent it takes the place of convenorId (P139). */
  convenorIds: z.array(PersonId).max(4).optional(),
});
type CollaborativeBody = z.infer<typeof collaborativeBody>;

export function collaborativeAdminRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, registry, sync } = services;
  const app = new Hono<AccessEnv>();

  /** Checks the body's references and that the officer serves an LA of its schools. */
  async function validated(personId: string, body: CollaborativeBody, id: string, convenorIds: string[]): Promise<{ collaborative: Collaborative; convenorIds: string[] }> {
    const [first] = convenorIds;
    if (first === undefined) throw new ProblemError('collaborative.last-convenor');
    const members = await directory.schoolsByIds(body.memberSchoolIds);
    if (members.length !== new Set(body.memberSchoolIds).size) throw new ProblemError('directory.not-found', { detail: 'Unknown member school.' });
    const people = [...convenorIds, ...body.laFacilitatorIds];
    if ((await directory.peopleByIds(people)).length !== new Set(people).size) throw new ProblemError('directory.not-found', { detail: 'Unknown convenor or facilitator.' });
    if (!isLaOfficer(await loadActor(directory, personId), members.map((s) => s.laCode))) throw new ProblemError('directory.forbidden');
    const { convenorIds: _all, ...fields } = body;
    return { collaborative: { ...fields, convenorId: first, id, synthetic: false }, convenorIds };
  }

  /**
   * Naming a convenor grants a collaborative role, and naming a facilitator gives an LA's
   * facilitator a collaborative's workspace: both follow the grant policy (A76). A new convenor
   * must be one the officer may make convenor (P17: a leader of a member school); each newly
   * named facilitator must be a facilitator of an LA the officer serves (P18).
   */
  async function checkGrants(personId: string, collaborative: Collaborative, convenorIds: readonly string[], before: Collaborative | null, convenorsBefore: readonly string[]): Promise<void> {
    const actor = await loadActor(directory, personId);
    for (const convenorId of convenorIds.filter((id) => !convenorsBefore.includes(id))) {
      const grantee = await loadActor(directory, convenorId);
      const decision = decideGrant(actor, { role: 'convenor', scope: await collaborativeScope(directory, collaborative) }, grantee);
      if (!decision.allow) throw new ProblemError('grant.forbidden', { detail: decision.reason });
    }
    for (const facilitatorId of collaborative.laFacilitatorIds.filter((id) => !before?.laFacilitatorIds.includes(id))) {
      const laCodes = (await directory.roles(facilitatorId)).flatMap((r) => (r.role === 'la-facilitator' ? [r.laCode] : []));
      const permitted = laCodes.some((laCode) => decideGrant(actor, { role: 'la-facilitator', scope: { type: 'la', laCode } }).allow);
      if (!permitted) throw new ProblemError('grant.forbidden', { detail: 'grant.not-permitted' });
    }
  }

  /** Every convenor named or taken off is a grant or revocation (A76): audited each; each newly named is told (A153). */
  async function auditConvenors(personId: string, collaborativeId: string, convenorIds: readonly string[], convenorsBefore: readonly string[]): Promise<void> {
    const named = convenorIds.filter((x) => !convenorsBefore.includes(x));
    for (const id of named) await services.audit.record({ actorPersonId: personId, action: 'granted', detail: { personId: id, role: 'convenor', collaborativeId } });
    for (const id of convenorsBefore.filter((x) => !convenorIds.includes(x))) await services.audit.record({ actorPersonId: personId, action: 'revoked', detail: { personId: id, role: 'convenor', collaborativeId } });
    await notifyConvenorsNamed(services, { collaborativeId, personIds: named, namedBy: personId });
  }

  async function warnings(collaborative: Collaborative) {
    return checkCollaborative(collaborative, structureContext(await directory.schoolsByIds(collaborative.memberSchoolIds), await directory.partnerships()));
  }

  app.post('/', async (c) => {
    const personId = requireSignIn(c);
    const body = await readJson(c, collaborativeBody);
    const { collaborative, convenorIds } = await validated(personId, body, newId('col'), convenorsAfterUpdate([], body));
    await checkGrants(personId, collaborative, convenorIds, null, []);
    await directoryWrites.saveCollaborative(collaborative, personId, convenorIds);
    await auditConvenors(personId, collaborative.id, convenorIds, []);
    for (const schoolId of collaborative.memberSchoolIds) await services.convening.recordEvent(collaborative.id, schoolId, 'joined', personId);
    // G24: every collaborative has its workspace from the start.
    const workspace = await ensureWorkspace(services, collaborative, personId);
    return c.json({ collaborative: await directory.describeCollaborative(collaborative), workspaceId: workspace.id, warnings: await warnings(collaborative) }, 201);
  });

  app.put('/:id', async (c) => {
    const personId = requireSignIn(c);
    const existing = await directory.collaborative(c.req.param('id'));
    if (!existing) throw new ProblemError('collaborative.not-found');
    // The officer must serve an LA of the collaborative as it was, and as it will be.
    if (!isLaOfficer(await loadActor(directory, personId), (await directory.schoolsByIds(existing.memberSchoolIds)).map((s) => s.laCode))) {
      throw new ProblemError('directory.forbidden');
    }
    const body = await readJson(c, collaborativeBody);
    // P139: the first-named (longest-standing) convenor first, so a convenorId-only body replaces that one alone.
    const convenorsBefore = [...new Set([existing.convenorId, ...(await convenorIdsOf(services, existing.id))].filter((id) => id !== ''))];
    const after = convenorsAfterUpdate(convenorsBefore, body);
    // P114: whatever else changes, at least one convenor stays.
    await requireConvenorsAfter(services, personId, existing, after);
    const { collaborative, convenorIds } = await validated(personId, body, existing.id, after);
    await checkGrants(personId, collaborative, convenorIds, existing, convenorsBefore);
    await directoryWrites.saveCollaborative({ ...collaborative, synthetic: existing.synthetic }, personId, convenorIds);
    await auditConvenors(personId, existing.id, convenorIds, convenorsBefore);
    // Members, convenor or facilitators may have changed: re-check the workspace sockets.
    await sync?.recheck({ docIds: await registry.idsOwnedBy('collaborative', existing.id) });
    return c.json({ collaborative: await directory.describeCollaborative(collaborative), warnings: await warnings(collaborative) });
  });

  return app;
}
