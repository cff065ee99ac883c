/**
 * A convenor's (or LA officer's) management of their collaborative (ACCESS.md A21-A22,
 * A66, A72): invitations by single-use link, and removing a member school or a person's part
 * (never the last convenor, P114).
 * Which role may be offered to whom is the model's grant policy (P16-P19): a convenor offers
 * collaborative roles only (co-convenor, member contact); a school's roles come only from its
 * headteacher or its own LA's officer. Removals re-check the open sockets at once (A11).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { SchoolId } from '@cydweithio/model/domain/school';
import { isSchoolRole } from '@cydweithio/model/domain/person';
import { decideGrant, type Grant } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { mayManageMembers } from '../access/directory-rights';
import { loadActor } from '../access/policy';
import { collaborativeScope, schoolScope } from '../access/grant-scope';
import { convenorIdsOf, requireConvenorsAfter } from '../access/convenors';
import { lapseCollaborativeRoles } from '../access/role-changes';
import { invitableRoles } from '../directory/invitations';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';
import { createInvitation, invitationEmail } from './invitation-create';

const invitationBody = z.object({
  email: invitationEmail,
  role: z.enum(invitableRoles),
  /** The school of a school role; not used for a collaborative role. */
  schoolId: SchoolId.optional(),
});

export function collaborativeRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, invitations, registry, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  /** The collaborative and the signed-in person, who must manage its members. */
  async function managed(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const collaborative = await directory.collaborative(c.req.param('id') ?? '');
    if (!collaborative) throw new ProblemError('collaborative.not-found');
    const laCodes = (await directory.schoolsByIds(collaborative.memberSchoolIds)).map((s) => s.laCode);
    if (!mayManageMembers(await loadActor(directory, personId), collaborative, laCodes)) throw new ProblemError('collaborative.forbidden');
    return { personId, collaborative };
  }

  app.post('/:id/invitations', async (c) => {
    const { personId, collaborative } = await managed(c);
    const body = await readJson(c, invitationBody);
    let grant: Grant;
    if (isSchoolRole(body.role)) {
      if (!body.schoolId) throw new ProblemError('request.invalid', { errors: [{ path: 'schoolId', message: 'A school role needs its school.' }] });
      const scope = await schoolScope(directory, body.schoolId);
      if (!scope) throw new ProblemError('directory.not-found', { detail: 'Unknown school.' });
      // Only a headteacher can bring a new school in; other school roles join a member school.
      if (body.role !== 'headteacher' && !collaborative.memberSchoolIds.includes(body.schoolId)) {
        throw new ProblemError('request.invalid', { errors: [{ path: 'schoolId', message: 'The school is not a member; invite its headteacher first.' }] });
      }
      grant = { role: body.role, scope };
    } else {
      grant = { role: body.role, scope: await collaborativeScope(directory, collaborative) };
    }
    const created = await createInvitation(services, c, personId, grant, body.email, collaborative.id);
    return c.json(created, 201);
  });

  app.delete('/:id/members/:schoolId', async (c) => {
    const { personId, collaborative } = await managed(c);
    const schoolId = c.req.param('schoolId');
    if (!(await directoryWrites.removeMemberSchool(collaborative.id, schoolId))) throw new ProblemError('collaborative.member-not-found');
    await audit.record({ actorPersonId: personId, action: 'removed', detail: { collaborativeId: collaborative.id, schoolId } });
    await services.convening.recordEvent(collaborative.id, schoolId, 'removed', personId);
    // A72: what stood on the school's membership goes with it: its staff's collaborative roles
    // and the links still open for the school through this collaborative.
    const lapsed = await lapseCollaborativeRoles(services, { collaborativeId: collaborative.id }, personId);
    await invitations.withdrawForSchool(collaborative.id, schoolId);
    await sync?.recheck({ docIds: await registry.idsOwnedBy('collaborative', collaborative.id) });
    if (lapsed.length > 0) await sync?.recheck({ personIds: lapsed });
    return c.body(null, 204);
  });

  app.delete('/:id/people/:personId', async (c) => {
    const { personId, collaborative } = await managed(c);
    const removed = c.req.param('personId');
    // Removing a collaborative role follows the grant rule too (P20).
    const actor = await loadActor(directory, personId);
    const scope = await collaborativeScope(directory, collaborative);
    const held = (await directory.roles(removed)).filter((r) => 'collaborativeId' in r && r.collaborativeId === collaborative.id);
    // Any convenor may go, the first-named too, while another stays (P114, G36).
    if (held.some((r) => r.role === 'convenor')) {
      await requireConvenorsAfter(services, personId, collaborative, (await convenorIdsOf(services, collaborative.id)).filter((id) => id !== removed));
    }
    for (const role of held) {
      if (!decideGrant(actor, { role: role.role, scope }).allow && removed !== personId) throw new ProblemError('grant.forbidden');
    }
    if (!(await directoryWrites.removeMemberPerson(collaborative.id, removed))) throw new ProblemError('collaborative.member-not-found');
    await audit.record({ actorPersonId: personId, action: 'removed', detail: { collaborativeId: collaborative.id, personId: removed } });
    for (const role of held) await audit.record({ actorPersonId: personId, action: 'revoked', detail: { personId: removed, role: role.role, collaborativeId: collaborative.id } });
    await sync?.recheck({ personIds: [removed] });
    return c.body(null, 204);
  });

  return app;
}
