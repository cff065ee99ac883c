import { createDocConnection, type DocConnection } from '@cydweithio/ui';
import { env } from '../../env';
import type { Session } from '../../session/createSession';

/**
 * The app's document connection: per-person IndexedDB copies, and a watch for a dead session.
 * A socket refused on upgrade (session expired) only shows the browser a failed connection, so
 * after two failed attempts while online we ask /api/me, whose 401 sends the person to sign-in
 * with their local copy intact (SPEC C8), and the document gate asks whether the document is
 * refused or gone (C120). An open socket whose session ends is closed with
 * `sessionEnded`, which leads to the same check at once.
 */
/** Per-person IndexedDB copies: two people on one device never share one. */
export function documentStoragePrefix(session: Session): string {
  return `cyd:${session.me()?.person.id ?? 'anonymous'}`;
}

export function createDocumentConnection(docId: string, session: Session, onRepeatedFailure: () => void = () => undefined): DocConnection {
  const me = session.me();
  const connection = createDocConnection(docId, {
    syncUrl: env.syncUrl,
    storagePrefix: documentStoragePrefix(session),
    user: { personId: me?.person.id ?? 'me', name: me?.person.name ?? '' },
    // Signed out elsewhere, expired or removed: /api/me answers 401, which sends the person to sign-in.
    onSessionEnded: () => void session.refresh(),
  });
  let failures = 0;
  connection.provider.on('sync', (synced: boolean) => {
    if (synced) failures = 0;
  });
  connection.provider.on('connection-close', () => {
    failures += 1;
    if (failures === 2 && navigator.onLine) {
      void session.refresh();
      // A refused upgrade (403, 404) looks the same: the gate asks whether the document is still ours to read (C120).
      onRepeatedFailure();
    }
  });
  return connection;
}
