/**
 * Wire constants shared by the sync server and every client. Defined once here so that both
 * sides agree on message types, close codes and limits (SPEC W1).
 */

/** Bumped when the meaning of a message or close code changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/**
 * Message types on a document socket. 0-3 are the unmodified y-websocket protocol
 * (y-protocols sync, awareness, auth, query-awareness), so the stock `y-websocket` client
 * connects unchanged. 4 is ours: the durable acknowledgement, which stock clients may ignore.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Durable acknowledgement. Payload: a Yjs snapshot (delete set + state vector, as
   * `Y.encodeSnapshot`) of the document as committed to storage. A client's edits are saved
   * when its own state vector and delete set are contained in the last durable snapshot.
   * State vectors alone would miss delete-only edits (a deletion does not advance a clock).
   * Sent only to sockets that opted in with `DURABLE_ACK_PARAM`.
   */
  durable: 4,
  /**
   * "This document's comments changed": no payload; the client asks the comment routes again,
   * which decide what it may see (ACCESS.md A107). Comments live outside the Y.Doc, so a person
   * who may comment but not edit never writes to the document to tell the others. Sent only to
   * sockets that opted in with `COMMENTS_PARAM`, so a stock y-websocket client never sees it.
   */
  commentsChanged: 5,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Close codes (RFC 6455 reserves 4000-4999 for applications). Permanent codes are exactly those
 * in 4400-4499, because that is the range the stock y-websocket client (3.x) stops reconnecting
 * on by default; codes a client should retry after live in 4500-4599.
 */
export const CloseCode = {
  /**
   * A frame could not be decoded or was rejected by Yjs. The socket is closed, nothing stored.
   * Permanent: reconnecting would only send the same bad frame again.
   */
  malformedFrame: 4400,
  /** The session is missing or expired: sign in again. Permanent until the person signs in. */
  unauthenticated: 4401,
  /** Access was revoked (membership, role or share changed). Permanent: drop the local copy. */
  accessRevoked: 4403,
  /** The document was erased. Permanent: drop the local copy. */
  documentErased: 4410,
  /** A frame or the document would exceed its size limit. Permanent for this edit. */
  tooLarge: 4413,
  /**
   * The session that opened the socket ended: signed out, expired, or the account was removed.
   * Permanent until the person signs in again; the local copy is kept (it may hold unsent edits).
   */
  sessionEnded: 4440,
  /** Message or byte rate exceeded. Transient: the client reconnects after its backoff. */
  rateLimited: 4529,
  /** The document has too many connections. Transient: the client retries later. */
  tooManyConnections: 4530,
  /** The server could not load the document. Transient: retry later. */
  loadFailed: 4500,
  /** The server is shutting down. Transient: reconnect. */
  shuttingDown: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect on its own: all of 4400-4499. */
export const permanentCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.malformedFrame,
  CloseCode.unauthenticated,
  CloseCode.accessRevoked,
  CloseCode.documentErased,
  CloseCode.tooLarge,
  CloseCode.sessionEnded,
]);

/**
 * Permanent close codes that mean "sign in again": the client keeps its local copy (it may hold
 * edits not yet on the server) and sends the person to sign-in.
 */
export const signInAgainCloseCodes: ReadonlySet<number> = new Set([CloseCode.unauthenticated, CloseCode.sessionEnded]);

/** Close codes after which a client must also delete its local copy of the document. */
export const dropLocalCopyCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.accessRevoked,
  CloseCode.documentErased,
]);

export const Limits = {
  /**
   * Largest WebSocket frame the server accepts (the socket server's maxPayload). Equal to the
   * document limit: a client back from a long time offline sends all its edits in one sync
   * step 2 frame, which can be as large as the document, and must never be unable to upload.
   */
  maxFrameBytes: 8 * 1024 * 1024,
  /** Largest encoded document state the server will hold or store. */
  maxDocumentBytes: 8 * 1024 * 1024,
  /** Largest awareness (presence) state one client may publish, after the server stamps it. */
  maxAwarenessStateBytes: 4 * 1024,
  /** Messages per second one connection may send (token bucket, burst of twice this). */
  maxMessagesPerSecond: 200,
  /** Bytes per second one connection may send (token bucket, burst of twice this: one full frame). */
  maxBytesPerSecond: 4 * 1024 * 1024,
  /** Awareness updates per second one connection may send. */
  maxAwarenessPerSecond: 30,
  /** Sockets on one document at once. */
  maxConnectionsPerDocument: 500,
} as const;

/**
 * A client asks for durable acknowledgements (MessageType.durable) with `?durable=1` on its
 * document socket's URL. Only those sockets get them: the stock y-websocket client has no handler
 * for message type 4 and would log every one it received.
 */
export const DURABLE_ACK_PARAM = 'durable';

/** Query parameter a client adds to the sync URL to be told when the document's comments change (A107). */
export const COMMENTS_PARAM = 'comments';

/** Path prefix of document sockets: `/sync/<docId>`. The room comes from the path only. */
export const SYNC_PATH_PREFIX = '/sync/';

/** Document ids: a kind prefix and a random part, safe in a URL path segment. */
export const DOC_ID_PATTERN = /^[a-z][a-z-]{1,30}:[A-Za-z0-9_-]{6,64}$/;
