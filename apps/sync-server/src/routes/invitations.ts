/**
 * Invitation links (ACCESS.md A21, A66-A70): anyone holding the link may preview it; accepting
 * needs the account with the invited address (A67), or, signed out, a name and password to
 * create that account. The grant is decided again as the link is used (A68): an inviter who
 * has lost the right to grant, or a grant that would not fit the person, is refused.
 * A used link answers 410 invitation.used, an expired one 410 invitation.expired.
 * A team invitation (G37-G39) is decided by the team policy instead (P127): a place the person
 * does not fit yet is 403 invitation.team-role-missing and leaves the link open (P128).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { displayText } from '@cydweithio/model/domain/displayText';
import { isMendableTeamRefusal } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { decideAcceptance } from '../access/role-changes';
import { decideTeamInvitationUse } from '../access/team-invitations';
import { loadActor } from '../access/policy';
import { hashPassword } from '../auth/password';
import { newId } from '../auth/tokens';
import type { Invitee, InvitationView } from '../directory/invitations';
import type { AccessEnv } from './access-env';
import { readJson } from './middleware/validate';
import { PROBLEM_CONTENT_TYPE, problemBody, ProblemError } from './problem';
import { startSession } from './session-cookie';

const newAccountBody = z.object({
  // A person's name is shown to others: no bidi controls (A85).
  name: displayText(200),
  // Length is what makes a password strong (NCSC); no composition rules.
  password: z.string().min(12).max(1024),
});

export function usable(invitation: InvitationView | null): InvitationView {
  if (!invitation) throw new ProblemError('invitation.not-found');
  if (invitation.state === 'used') throw new ProblemError('invitation.used');
  if (invitation.state === 'expired') throw new ProblemError('invitation.expired');
  return invitation;
}

/** A67: only the account with the invited address accepts; a link with no address, nobody. */
export async function requireInvitedPerson(services: AccessServices, invitation: InvitationView, personId: string): Promise<void> {
  const person = await services.directory.person(personId);
  if (!invitation.email || person?.email !== invitation.email) throw new ProblemError('invitation.wrong-person');
}

/**
 * Decides the grant again for the person accepting (A68), grants it in one transaction (A70)
 * and audits it (A71); the answer of both accept routes.
 */
export async function acceptInvitation(services: AccessServices, invitation: InvitationView, invitee: Invitee) {
  const granteeId = 'personId' in invitee ? invitee.personId : invitee.newPerson.id;
  const grantee = 'personId' in invitee ? await loadActor(services.directory, granteeId) : { personId: granteeId, roles: [] };
  const team = invitation.documentId !== null && invitation.teamRole !== null;
  const decision = team ? await decideTeamInvitationUse(services, invitation, grantee) : await decideAcceptance(services, invitation, grantee);
  if (!decision.allow) {
    // P128: nothing is granted and the link stays open; a missing role of theirs can be mended.
    throw new ProblemError(team && isMendableTeamRefusal(decision.reason) ? 'invitation.team-role-missing' : 'invitation.not-permitted', { detail: decision.reason });
  }
  const result = await services.invitations.accept(invitation.id, invitee);
  if (result.outcome === 'email-taken') throw new ProblemError('auth.email-taken');
  if (result.outcome !== 'accepted') {
    // Another accept got there first (A70), or the link expired meanwhile: 410, never a 500.
    usable(result.outcome === 'missing' ? null : { ...invitation, state: result.outcome });
    throw new ProblemError('invitation.not-found');
  }
  const { assignment } = result;
  // A team invitation's grants are audited on the review too, so its owner sees them (G39).
  const onReview = invitation.documentId ? { documentId: invitation.documentId } : {};
  if (assignment) {
    const scope = { schoolId: 'schoolId' in assignment ? assignment.schoolId : null, collaborativeId: 'collaborativeId' in assignment ? assignment.collaborativeId : null };
    await services.audit.record({ actorPersonId: invitation.invitedBy, action: 'granted', ...onReview, detail: { personId: result.personId, role: assignment.role, ...scope, invitationId: invitation.id } });
  }
  if (invitation.documentId && invitation.teamRole) {
    await services.audit.record({ actorPersonId: invitation.invitedBy, action: 'added', documentId: invitation.documentId, detail: { personId: result.personId, role: invitation.teamRole, invitationId: invitation.id } });
    // The review's open sockets are re-checked as for any team change (G10).
    await services.sync?.recheck({ docIds: [invitation.documentId] });
  }
  if (result.joinedSchoolId) {
    await services.audit.record({ actorPersonId: result.personId, action: 'joined', detail: { collaborativeId: invitation.collaborativeId, schoolId: result.joinedSchoolId, invitationId: invitation.id } });
  }
  return { person: await services.directory.person(result.personId), collaborativeId: invitation.collaborativeId, role: invitation.role, documentId: invitation.documentId, teamRole: invitation.teamRole };
}

export function invitationRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, invitations, options, registry } = services;
  const app = new Hono<AccessEnv>();

  app.get('/:token', async (c) => {
    const invitation = usable(await invitations.find(c.req.param('token')));
    const collaborative = invitation.collaborativeId ? await directory.collaborative(invitation.collaborativeId) : null;
    const school = invitation.schoolId ? await directory.school(invitation.schoolId) : null;
    // G38: a team invitation names the review (its title and host school) and the team place.
    const doc = invitation.documentId ? await registry.get(invitation.documentId) : null;
    const hostSchoolId = doc?.record.peerReview?.hostSchoolId;
    const host = hostSchoolId ? await directory.school(hostSchoolId) : null;
    return c.json({
      review: doc ? { id: doc.record.id, title: doc.record.title, titles: doc.record.titles ?? null, hostSchool: host ? { id: host.id, name: host.name } : null } : null,
      teamRole: invitation.teamRole,
      collaborative: collaborative ? { id: collaborative.id, name: collaborative.name, kind: collaborative.kind } : null,
      role: invitation.role,
      school: school ? { id: school.id, name: school.name } : null,
      email: invitation.email,
      expiresAt: invitation.expiresAt,
    });
  });

  app.post('/:token/accept', async (c) => {
    const invitation = usable(await invitations.find(c.req.param('token')));
    const personId = c.get('personId');
    if (personId) {
      await requireInvitedPerson(services, invitation, personId);
      return c.json(await acceptInvitation(services, invitation, { personId }));
    }
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new ProblemError('invitation.account-required');
    const body = await readJson(c, newAccountBody);
    if (!invitation.email) throw new ProblemError('invitation.wrong-person');
    if (await directory.personByEmail(invitation.email)) throw new ProblemError('auth.email-taken');
    const newPerson = { id: newId('person'), name: body.name, email: invitation.email, passwordHash: await hashPassword(body.password, options.scryptParams) };
    try {
      const accepted = await acceptInvitation(services, invitation, { newPerson });
      await startSession(c, services, newPerson.id);
      return c.json(accepted);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.code !== 'invitation.team-role-missing') throw error;
      // P128: a reviewer's or facilitator's new account holds no role yet. It is made and signed
      // in, the link stays open, and the refusal says whose role is missing; once their school
      // (or LA) gives it, the same link, signed in, puts them on the team.
      try {
        await directoryWrites.createPerson(newPerson);
      } catch {
        throw new ProblemError('auth.email-taken');
      }
      await startSession(c, services, newPerson.id);
      return c.newResponse(JSON.stringify(problemBody(error.code, { detail: error.extra.detail })), 403, { 'content-type': PROBLEM_CONTENT_TYPE });
    }
  });

  return app;
}
