/**
 * Grants and removals that follow from the model's grant policy (P16-P20, P44-P45), shared by
 * the invitation, collaborative and school access routes: the scope of an invitation, the
 * decision on it, and the collaborative roles that lapse when what they stood on goes (A72).
 * Every removal is audited and followed by the live re-check of open sockets (A11).
 */
import { decideGrant, roleStillFits, type Actor, type Decision, type Grant } from '@cydweithio/model/policy/index';
import type { Role } from '@cydweithio/model/domain/person';
import { invitationAssignment, type InvitationView } from '../directory/invitations';
import type { AccessServices } from './services';
import { loadActor } from './policy';
import { collaborativeScope, scopeOfAssignment } from './grant-scope';

/** The grant an invitation carries, with its scope's current facts; null when its scope is gone. */
export async function grantOfInvitation(services: AccessServices, invitation: InvitationView): Promise<Grant | null> {
  const assignment = invitationAssignment(invitation);
  if (!assignment) return null;
  const scope = await scopeOfAssignment(services.directory, assignment);
  return scope ? { role: assignment.role as Role, scope } : null;
}

/**
 * Decided again when the link is used (A68): the inviter must still be one who may grant this
 * role in this scope, and the grant must fit the person accepting (never above the inviter's own
 * role when they invited themselves, and member staff for a collaborative role).
 */
export async function decideAcceptance(services: AccessServices, invitation: InvitationView, grantee: Actor): Promise<Decision> {
  const grant = await grantOfInvitation(services, invitation);
  if (!grant) return { allow: false, reason: 'grant.scope-gone' };
  return decideGrant(await loadActor(services.directory, invitation.invitedBy), grant, grantee);
}

/**
 * Removes the collaborative roles (convenor, member contact) of these people, or of everyone in
 * this collaborative, that no longer stand (P45): their school left, or they left their school.
 * Audited `revoked` with reason `lapsed`; returns whose roles went, for the socket re-check.
 */
export async function lapseCollaborativeRoles(services: AccessServices, where: { collaborativeId?: string; personIds?: readonly string[] }, actorPersonId: string): Promise<string[]> {
  const { directory, roleGrants } = services;
  const collaborativeIds = where.collaborativeId ? [where.collaborativeId]
    : [...new Set((await Promise.all([...new Set(where.personIds ?? [])].map((id) => directory.roles(id)))).flat()
      .flatMap((r) => ('collaborativeId' in r ? [r.collaborativeId] : [])))];
  const lapsed: string[] = [];
  for (const collaborativeId of collaborativeIds) {
    const held = await roleGrants.inScope('collaborative', collaborativeId);
    const collaborative = await directory.collaborative(collaborativeId);
    const scope = collaborative ? await collaborativeScope(directory, collaborative) : null;
    let convenors = held.filter((r) => r.assignment.role === 'convenor').length;
    for (const role of held) {
      if (where.personIds && !where.personIds.includes(role.person.id)) continue;
      if (scope && roleStillFits({ role: role.assignment.role as Role, scope }, await loadActor(directory, role.person.id))) continue;
      // The last convenor stays until an LA officer names another: a collaborative needs one.
      if (role.assignment.role === 'convenor' && convenors < 2) continue;
      if (!(await roleGrants.remove(role.id))) continue;
      if (role.assignment.role === 'convenor') convenors -= 1;
      lapsed.push(role.person.id);
      await services.audit.record({ actorPersonId, action: 'revoked', detail: { personId: role.person.id, role: role.assignment.role, collaborativeId, reason: 'lapsed' } });
    }
  }
  return [...new Set(lapsed)];
}
