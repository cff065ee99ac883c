import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { COMMENTS_PARAM, DURABLE_ACK_PARAM, dropLocalCopyCloseCodes, permanentCloseCodes, signInAgainCloseCodes } from '@cydweithio/model';
import { createBrowserOnline } from './createBrowserOnline';
import { handleCommentNotices, handleDurableAcks, handleRefusals } from './protocolHandlers';
import { snapshotCovers } from './snapshotCovers';
import { deriveSyncState, shouldReconnectAfter, type SocketStatus, type SyncState } from './syncState';

export interface PresenceUser {
  personId: string;
  name: string;
  role?: string;
  schoolName?: string;
}

export interface DocConnectionOptions {
  /** Base URL of document sockets, e.g. wss://host/sync. The room (docId) is appended. */
  syncUrl: string;
  /** Shown locally before the server stamps our presence with the authenticated identity. */
  user: PresenceUser;
  /** Prefix for the IndexedDB database, so that two people on one device do not share copies. */
  storagePrefix?: string;
  /** Tests and the benchmark may turn the socket off to exercise offline behaviour. */
  connect?: boolean;
  /**
   * The server closed the socket because the session that opened it ended (signed out, expired,
   * account removed): the host sends the person to sign-in. The local copy is kept.
   */
  onSessionEnded?: () => void;
}

export interface DocConnection {
  doc: Y.Doc;
  awareness: Awareness;
  provider: WebsocketProvider;
  syncState: Accessor<SyncState>;
  /** The local IndexedDB copy has been loaded (or there was none): safe to render offline. */
  localReady: Accessor<boolean>;
  /** The first exchange with the server completed at least once. */
  remoteSynced: Accessor<boolean>;
  /** Close code of a permanent close from the server, else null. */
  permanentClose: Accessor<number | null>;
  refusedReason: Accessor<string | null>;
  /**
   * Bumped when the server says the document's comments changed (message 5, ACCESS.md A107) and
   * on every (re)connection, when a notice may have been missed: the comments are asked again.
   */
  commentNotices: Accessor<number>;
}

/**
 * One live document: a Y.Doc kept in IndexedDB and synced over the stock y-websocket provider.
 * Owns every resource it creates (hence create*); they are released with the owning scope.
 */
export function createDocConnection(docId: string, options: DocConnectionOptions): DocConnection {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`${options.storagePrefix ?? 'cyd'}:${docId}`, doc);
  const provider = new WebsocketProvider(options.syncUrl, docId, doc, {
    connect: false,
    // Ask for durable acknowledgements: "saved" means on the server's disk (SPEC C3).
    // And to hear when the comments change (C205): comments live outside the Y.Doc.
    params: { [DURABLE_ACK_PARAM]: '1', [COMMENTS_PARAM]: '1' },
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
  const awareness = provider.awareness;
  awareness.setLocalStateField('user', options.user);

  const online = createBrowserOnline();
  const [localReady, setLocalReady] = createSignal(false);
  const [socket, setSocket] = createSignal<SocketStatus>('disconnected');
  const [synced, setSynced] = createSignal(false);
  const [remoteSynced, setRemoteSynced] = createSignal(false);
  const [durable, setDurable] = createSignal<Y.Snapshot | null>(null);
  // The document as it stood after our last own change (typing, or a copy loaded from IndexedDB
  // that may hold edits made offline). Remote updates do not move it.
  const [required, setRequired] = createSignal<Y.Snapshot>(Y.emptySnapshot, { equals: false });
  const [refusedReason, setRefusedReason] = createSignal<string | null>(null);
  const [permanentClose, setPermanentClose] = createSignal<number | null>(null);
  const [commentNotices, setCommentNotices] = createSignal(0);
  const noticeComments = () => setCommentNotices((n) => n + 1);

  void persistence.whenSynced.then(() => setLocalReady(true));
  handleRefusals(provider, (reason) => setRefusedReason(reason || 'permission denied'));
  handleDurableAcks(provider, (snapshot) => setDurable(snapshot));
  handleCommentNotices(provider, noticeComments);
  provider.on('status', ({ status }) => setSocket(status));
  provider.on('sync', (state: boolean) => {
    setSynced(state);
    if (state) setRemoteSynced(true);
    if (state) noticeComments();
  });
  provider.on('closed', ({ code }) => {
    if (!permanentCloseCodes.has(code)) return;
    setPermanentClose(code);
    provider.disconnect();
    if (dropLocalCopyCloseCodes.has(code)) void persistence.clearData();
    if (signInAgainCloseCodes.has(code)) options.onSessionEnded?.();
  });
  const trackOwnChange = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) setRequired(Y.snapshot(doc));
  };
  doc.on('update', trackOwnChange);

  // Follow the browser's network state: no point hammering a socket while offline, and an
  // immediate reconnect when the network returns.
  createEffect(() => {
    if (options.connect === false || permanentClose() !== null) return;
    if (online()) provider.connect();
    else provider.disconnect();
  });

  const savedByServer = createMemo(() => {
    const snapshot = durable();
    return snapshot !== null && snapshotCovers(snapshot, required());
  });
  const syncState = createMemo(() =>
    deriveSyncState({
      browserOnline: online(),
      socket: socket(),
      synced: synced(),
      savedByServer: savedByServer(),
      refused: refusedReason() !== null,
      permanentClose: permanentClose(),
    }),
  );

  onCleanup(() => {
    doc.off('update', trackOwnChange);
    provider.destroy();
    void persistence.destroy();
    doc.destroy();
  });

  return { doc, awareness, provider, syncState, localReady, remoteSynced, permanentClose, refusedReason, commentNotices };
}
