/**
 * The ConnectionAuthorizer the sync core calls on every WebSocket upgrade and re-check
 * (ACCESS.md A10-A13). Order matters: a bad Origin is refused before the cookie is even read,
 * an unknown session before the document is looked up, so a refusal reveals as little as it can.
 */
import { parse as parseCookies } from 'hono/utils/cookie';
import type { AuthorizeResult, ConnectionAuthorizer, ConnectionIdentity, DocAccess, UpgradeRequest } from '../sync/access';
import { SESSION_COOKIE } from '../auth/session-store';
import { grantingRole } from './granting-role';
import { documentResource, loadActor, resolveAccess } from './policy';
import type { AccessServices } from './services';

export function createAuthorizer(services: AccessServices): ConnectionAuthorizer {
  const { directory, registry, sessions, audit, logger, originAllowed } = services;

  return {
    async authorize({ url, headers }: UpgradeRequest, docId: string): Promise<AuthorizeResult> {
      if (!originAllowed(headers.get('origin'), url)) {
        return { ok: false, status: 403, reason: 'origin-refused' };
      }
      const token = parseCookies(headers.get('cookie') ?? '', SESSION_COOKIE)[SESSION_COOKIE];
      const session = await sessions.sessionFor(token);
      const personId = session?.personId;
      const person = personId ? await directory.person(personId) : null;
      if (!session || !personId || !person) return { ok: false, status: 401, reason: 'no-session' };

      const found = await documentResource(directory, registry, docId);
      if (!found) return { ok: false, status: 404, reason: 'unknown-document' };
      const actor = await loadActor(directory, personId);
      const access = resolveAccess(actor, found.resource);
      if (!access) {
        logger.info({ personId, docId }, 'socket refused by policy');
        return { ok: false, status: 403, reason: 'forbidden' };
      }
      const granted = grantingRole(actor, found.resource);
      const school = granted.schoolId ? (found.lookup.school(granted.schoolId) ?? await directory.school(granted.schoolId)) : undefined;
      const identity: ConnectionIdentity = {
        personId,
        name: person.name,
        role: granted.role,
        ...(school ? { schoolName: school.name.en } : {}),
        // The core closes the socket when this session ends or expires (A60-A61).
        session: { id: session.idHash, expiresAt: session.expiresAt },
      };
      await audit.record({ actorPersonId: personId, action: 'opened', documentId: docId, detail: { access } });
      return { ok: true, identity, access };
    },

    async recheck(identity: ConnectionIdentity, docId: string): Promise<DocAccess | null> {
      // Membership, roles and shares only. The session is the core's to follow: it closes the
      // socket (sessionEnded) when the session expires or sign-out ends it (A60-A61).
      const found = await documentResource(directory, registry, docId);
      if (!found) return null;
      return resolveAccess(await loadActor(directory, identity.personId), found.resource);
    },
  };
}
