/**
 * Who is told of what (ACCESS.md A140-A142): each event names its recipients here, next to
 * nothing else, so the routes where the events happen only call one function. The person who
 * acted is never told of their own act. A share or mention tells only people the policy lets
 * read the document once it is done, so a notification never points at a door that is shut.
 */
import type { ReviewShare } from '@cydweithio/model/domain/reviewTeam';
import type { AccessServices } from '../access/services';
import { convenorIdsOf } from '../access/convenors';
import { decide, documentResource, loadActor } from '../access/policy';
import type { NotificationSubject } from './notification-store';
import type { OutboxPayload } from '../db/schema/notifications';

async function tell(services: AccessServices, recipientIds: readonly string[], subject: NotificationSubject): Promise<string[]> {
  return services.notifications.notify(recipientIds.filter((id) => id !== subject.actorPersonId), subject);
}

/** Of these people, those who may read the document now. */
async function readersAmong(services: AccessServices, documentId: string, personIds: readonly string[]): Promise<string[]> {
  const found = await documentResource(services.directory, services.registry, documentId);
  if (!found) return [];
  const allowed = await Promise.all([...new Set(personIds)].map(async (id) => (decide(await loadActor(services.directory, id), 'read', found.resource).allow ? [id] : [])));
  return allowed.flat();
}

const ids = (people: readonly { id: string }[]) => people.map((p) => p.id);

/**
 * A141: an invitation tells the invited account in-app (home's invitations card holds the link);
 * an address without an account gets only an outbox row (A142), whose payload carries the link
 * the email will hold (it expires with the invitation).
 */
export async function notifyInvitation(services: AccessServices, invitation: {
  email: string; invitedBy: string; collaborativeId?: string | undefined; invitationId: string; role: string; schoolId?: string | undefined; url: string; expiresAt: string;
  /** A team invitation's review and place (G37): the email names them. */
  documentId?: string | undefined; teamRole?: string | undefined;
}): Promise<void> {
  const person = await services.directory.personByEmail(invitation.email);
  if (person) {
    await tell(services, [person.id], { kind: 'invitation', collaborativeId: invitation.collaborativeId, actorPersonId: invitation.invitedBy });
    return;
  }
  const payload: OutboxPayload = {
    invitationId: invitation.invitationId, role: invitation.role, collaborativeId: invitation.collaborativeId ?? null,
    schoolId: invitation.schoolId ?? null, invitedBy: invitation.invitedBy, url: invitation.url, expiresAt: invitation.expiresAt,
    ...(invitation.documentId ? { documentId: invitation.documentId, teamRole: invitation.teamRole ?? null } : {}),
  };
  await services.notifications.queueEmail(invitation.email, 'invitation', payload);
}

/**
 * A141: a convenor asking a school to join tells that school's headteachers (who answer, P109)
 * and, when the school's LA must approve too (M46), that LA's officers (P113).
 */
export async function notifyMembershipRequest(services: AccessServices, request: { collaborativeId: string; schoolId: string; approvalLaCode: number | null; requestedBy: string }): Promise<void> {
  const { directory } = services;
  const subject = { collaborativeId: request.collaborativeId, actorPersonId: request.requestedBy };
  await tell(services, ids(await directory.holders('school', request.schoolId, 'headteacher')), { ...subject, kind: 'membership-request' });
  if (request.approvalLaCode !== null) {
    await tell(services, ids(await directory.holders('la', String(request.approvalLaCode), 'la-officer')), { ...subject, kind: 'membership-approval' });
  }
}

/**
 * A141: the host sharing a peer review tells who it newly reaches: the named person; a
 * collaborative's convenors (every one, A148) and its member schools' headteachers and senior leaders; the host
 * school's Improvement Partners; the host LA's people. Asked before the share is made (who
 * reads it already, such as the host's own leaders, is not told); `send` once it is made.
 */
export async function reviewShareNotice(services: AccessServices, documentId: string, share: ReviewShare | { type: 'la'; laCode: number }, sharedBy: string): Promise<{ send: () => Promise<void> }> {
  const { directory } = services;
  let candidates: string[] = [];
  if (share.type === 'person') candidates = [share.id];
  if (share.type === 'facilitator') candidates = (await directory.partnersOf([share.id])).get(share.id) ?? [];
  if (share.type === 'la') candidates = ids(await directory.holders('la', String(share.laCode)));
  if (share.type === 'collaborative') {
    const collaborative = await directory.collaborative(share.id);
    if (collaborative) {
      const leaders = await Promise.all(collaborative.memberSchoolIds.flatMap((schoolId) => [directory.holders('school', schoolId, 'headteacher'), directory.holders('school', schoolId, 'senior-leader')]));
      candidates = [collaborative.convenorId, ...(await convenorIdsOf(services, collaborative.id)), ...leaders.flatMap(ids)];
    }
  }
  const already = new Set(await readersAmong(services, documentId, candidates));
  return {
    send: async () => {
      const reached = (await readersAmong(services, documentId, candidates)).filter((id) => !already.has(id));
      await tell(services, reached, { kind: 'review-shared', documentId, actorPersonId: sharedBy });
    },
  };
}

/** A141: a comment tells the people it newly mentions (each a reader, checked by checkMentions). */
export async function notifyMentions(services: AccessServices, documentId: string, mentioned: readonly string[], authorId: string): Promise<void> {
  await tell(services, mentioned, { kind: 'mention', documentId, actorPersonId: authorId });
}

/**
 * A148: the answer to a request to join goes back to the collaborative's convenors, every one
 * of them (the first-named and the joint ones), so whoever asked learns it without looking.
 */
export async function notifyMembershipAnswer(services: AccessServices, answer: {
  collaborativeId: string; answeredBy: string;
  kind: 'membership-accepted' | 'membership-declined' | 'membership-la-approved' | 'membership-la-declined';
}): Promise<void> {
  const convenors = await convenorIdsOf(services, answer.collaborativeId);
  await tell(services, convenors, { kind: answer.kind, collaborativeId: answer.collaborativeId, actorPersonId: answer.answeredBy });
}

/**
 * A153: each person newly named a convenor is told (`convenor-named`, P140), whichever route
 * named them (the convenors' panel, an LA officer's edit, an approved proposal), never the one
 * who named themselves.
 */
export async function notifyConvenorsNamed(services: AccessServices, named: { collaborativeId: string; personIds: readonly string[]; namedBy: string }): Promise<void> {
  await tell(services, named.personIds, { kind: 'convenor-named', collaborativeId: named.collaborativeId, actorPersonId: named.namedBy });
}
