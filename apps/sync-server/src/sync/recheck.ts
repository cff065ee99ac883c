/**
 * Re-checking access of open sockets (SPEC S3). Access was decided at connect; when membership,
 * roles or shares change, the access layer asks for a recheck and sockets that lost access are
 * closed at once with the permanent accessRevoked code.
 */
import type { ConnectionAuthorizer } from './access';
import { CloseEvents } from './close-events';
import type { Connection } from './connection';
import type { SyncLogger } from './logger';

export interface RecheckScope {
  docIds?: string[];
  personIds?: string[];
}

export interface RecheckResult {
  checked: number;
  revoked: number;
}

export async function recheckConnections(
  connections: readonly Connection[],
  authorizer: ConnectionAuthorizer,
  scope: RecheckScope,
  logger: SyncLogger,
): Promise<RecheckResult> {
  const inScope = connections.filter(
    (c) => !c.closed && (!scope.docIds || scope.docIds.includes(c.docId)) && (!scope.personIds || scope.personIds.includes(c.identity.personId)),
  );
  let revoked = 0;
  await Promise.all(
    inScope.map(async (connection) => {
      let access;
      try {
        access = await authorizer.recheck(connection.identity, connection.docId);
      } catch (error) {
        // Not confirmed is not kept open, but not "revoked" either: accessRevoked would make the
        // client drop its local copy over a transient failure. A transient close makes it
        // reconnect, and the upgrade decides afresh.
        logger.error({ err: error, docId: connection.docId }, 'recheck failed; closing the socket (transient)');
        connection.close(CloseEvents.recheckFailed);
        return;
      }
      if (access === null) {
        revoked += 1;
        connection.close(CloseEvents.accessRevoked);
      } else connection.access = access;
    }),
  );
  return { checked: inScope.length, revoked };
}
