/**
 * TEST/DEV ONLY. An authorizer that lets everyone in: the identity comes from `?name=` (and
 * `?person=`), the access from `?access=viewer|editor|owner` (editor by default), a session
 * from `?session=<id>` (expiring `?sessionMs=` after the upgrade, default a day). It exists so
 * the sync core can be tested before and apart from the access layer. Production wiring uses
 * the access layer's authorizer; never pass this one to a server that real people reach.
 */
import type { AuthorizeResult, ConnectionAuthorizer, ConnectionIdentity, DocAccess, UpgradeRequest } from './access';

const accesses: readonly DocAccess[] = ['owner', 'editor', 'viewer'];

export function createOpenTestAuthorizer({ refuseDocIds = [] as string[] } = {}): ConnectionAuthorizer {
  return {
    async authorize(request: UpgradeRequest, docId: string): Promise<AuthorizeResult> {
      if (refuseDocIds.includes(docId)) return { ok: false, status: 403, reason: 'refused by the test authorizer' };
      const params = request.url.searchParams;
      const name = params.get('name') ?? 'Anonymous';
      const requested = params.get('access') as DocAccess | null;
      const access = requested && accesses.includes(requested) ? requested : 'editor';
      const identity: ConnectionIdentity = { personId: params.get('person') ?? `person-${name}`, name, role: 'test-' + access, schoolName: 'Test School' };
      const session = params.get('session');
      if (session) identity.session = { id: session, expiresAt: Date.now() + Number(params.get('sessionMs') ?? 86_400_000) };
      return { ok: true, identity, access };
    },
    async recheck(_identity, _docId): Promise<DocAccess | null> {
      return 'editor';
    },
  };
}

/** The default open test authorizer. */
export const openAuthorizer: ConnectionAuthorizer = createOpenTestAuthorizer();
