/**
 * The sync core: sockets in, documents resident, updates committed. Knows nothing about HTTP;
 * server.ts hands it authorized sockets (SPEC S1-S3) and the access layer calls recheck/erase.
 */
import type { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { removeAwarenessStates } from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { CloseCode } from '@cydweithio/model';
import type { DocStore } from '../storage/doc-store';
import type { SyncMetrics } from '../observability/metrics';
import type { ConnectionAuthorizer, ConnectionIdentity, DocAccess } from './access';
export type { RecheckScope } from './recheck';
export type { SessionScope } from './session-ends';
import { CommitQueue } from './commit-queue';
import { Connection } from './connection';
import { Documents, ResidentCapError } from './documents';
import { PresenceOwners } from './presence-owners';
import { SessionEnds, type SessionScope } from './session-ends';
import type { SyncLimits } from './limits';
import { MalformedFrameError } from './protocol/frame';
import { encodeAwarenessFrame } from './protocol/awareness';
import { encodeSyncStep1 } from './protocol/sync';
import { recheckConnections, type RecheckResult, type RecheckScope } from './recheck';
import { TooLargeError, handleClientFrame, type MessageContext } from './room-messages';
import type { Room } from './room';

export interface SyncCoreOptions {
  store: DocStore;
  authorizer: ConnectionAuthorizer;
  logger: Logger;
  metrics: SyncMetrics;
  limits: SyncLimits;
  idleMs: number;
  /** A document nobody has written to for this long keeps its content as bytes (SPEC S22). */
  coldAfterMs: number;
  maxResidentDocs: number;
  compactionMinUpdates: number;
  commitDelayMs: number;
  /** How long a person keeps a presence id after their socket closed (SPEC S25). */
  presenceHoldMs: number;
}

export interface AcceptOptions {
  /** The client asked for durable acknowledgements (`?durable=1`, SPEC S9). */
  durableAcks?: boolean;
}

/** The connection of each socket, for the shared socket listeners. */
const socketConnections = new WeakMap<WebSocket, Connection>();

interface SocketEvents {
  frame(connection: Connection, data: Buffer, isBinary: boolean): void;
  close(connection: Connection): void;
  error(connection: Connection, error: Error & { code?: string }): void;
}

function sharedSocketHandlers(events: SocketEvents) {
  const connectionOf = (ws: WebSocket): Connection => socketConnections.get(ws) as Connection;
  return {
    message(this: WebSocket, data: Buffer, isBinary: boolean): void {
      events.frame(connectionOf(this), data, isBinary);
    },
    close(this: WebSocket): void {
      events.close(connectionOf(this));
    },
    error(this: WebSocket, error: Error & { code?: string }): void {
      events.error(connectionOf(this), error);
    },
  };
}

export class SyncCore {
  private readonly connections = new Set<Connection>();
  private readonly documents: Documents;
  private readonly commits: CommitQueue;
  private readonly context: MessageContext;
  private readonly presence: PresenceOwners;
  private readonly sessionEnds = new SessionEnds(() => this.connections);
  private readonly presencePrune: NodeJS.Timeout;

  constructor(private readonly options: SyncCoreOptions) {
    this.commits = new CommitQueue({
      store: options.store,
      logger: options.logger,
      metrics: options.metrics,
      delayMs: options.commitDelayMs,
      onCommitted: (room) => this.documents.considerCompaction(room),
    });
    this.documents = new Documents({
      store: options.store,
      commits: this.commits,
      logger: options.logger,
      idleMs: options.idleMs,
      coldAfterMs: options.coldAfterMs,
      maxResidentDocs: options.maxResidentDocs,
      compactionMinUpdates: options.compactionMinUpdates,
      onUpdate: (room, update, origin) => this.onDocUpdate(room, update, origin),
    });
    this.presence = new PresenceOwners(options.presenceHoldMs);
    this.presencePrune = setInterval(() => this.presence.prune(), Math.max(1_000, Math.min(options.presenceHoldMs, 60_000)));
    this.presencePrune.unref();
    this.context = { commits: this.commits, presence: this.presence, metrics: options.metrics, logger: options.logger, limits: options.limits };
  }

  connectionCount(): number {
    return this.connections.size;
  }

  residentCount(): number {
    return this.documents.residentCount();
  }

  /** Resident documents whose content is held as bytes (SPEC S22). */
  coldCount(): number {
    return this.documents.coldCount();
  }

  /** The loaded Y.Doc (single flight). Changes made to it are broadcast and stored like any edit. */
  async getDoc(docId: string): Promise<Y.Doc> {
    const room = await this.documents.acquire(docId);
    this.documents.scheduleIdle(room);
    // Handed out live: it must not go cold under a caller that is about to write to it.
    room.lastWriteAt = Date.now();
    return room.doc;
  }

  /** Takes over an authorized socket. Access was decided before the socket existed. */
  accept(ws: WebSocket, docId: string, identity: ConnectionIdentity, access: DocAccess, { durableAcks = false }: AcceptOptions = {}): void {
    const connection = new Connection(ws, docId, identity, access, this.options.limits, durableAcks);
    this.connections.add(connection);
    socketConnections.set(ws, connection);
    ws.on('message', this.socketHandlers.message);
    ws.on('close', this.socketHandlers.close);
    ws.on('error', this.socketHandlers.error);
    this.sessionEnds.watch(connection);
    if (connection.closed) return;
    this.documents.acquire(docId).then(
      (room) => this.join(room, connection),
      (error: unknown) => {
        const capped = error instanceof ResidentCapError;
        this.options.logger[capped ? 'warn' : 'error']({ err: error, docId }, 'document could not be loaded');
        connection.close(CloseCode.loadFailed, capped ? 'server busy' : 'document could not be loaded');
      },
    );
  }

  /**
   * One set of socket listeners for every socket (ws calls them with the socket as `this`), rather
   * than three closures per connection: an idle connection's memory is mostly what it holds.
   */
  private readonly socketHandlers = sharedSocketHandlers({
    frame: (connection, data, isBinary) => this.onFrame(connection, data, isBinary),
    close: (connection) => this.onClose(connection),
    error: (connection, error) => this.onSocketError(connection, error),
  });

  private onSocketError(connection: Connection, error: Error & { code?: string }): void {
    // ws reports protocol violations (e.g. a frame over maxPayload) here, then closes the socket.
    if (error.code?.startsWith('WS_ERR_')) {
      this.options.metrics.rejectedFrames.inc({ reason: 'protocol' });
      this.options.logger.warn({ docId: connection.docId, personId: connection.identity.personId, reason: error.message }, 'frame rejected, socket closed');
    } else this.options.logger.debug({ err: error, docId: connection.docId }, 'socket error');
  }

  private join(room: Room, connection: Connection): void {
    if (connection.closed) {
      this.documents.scheduleIdle(room);
      return;
    }
    if (!this.documents.isResident(room)) {
      // Evicted between its load and this join: load it again rather than join a dead room.
      this.documents.acquire(connection.docId).then(
        (fresh) => this.join(fresh, connection),
        () => connection.close(CloseCode.loadFailed, 'document could not be loaded'),
      );
      return;
    }
    if (room.connections.size >= this.options.limits.maxConnectionsPerDocument) {
      connection.close(CloseCode.tooManyConnections, 'too many connections on this document');
      this.documents.scheduleIdle(room);
      return;
    }
    connection.room = room;
    this.documents.attach(room, connection);
    connection.send(encodeSyncStep1(room.stateVector()));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) connection.send(encodeAwarenessFrame(room.awareness, present));
    const queued = connection.queued ?? [];
    connection.queued = undefined;
    for (const frame of queued) this.handle(room, connection, frame);
  }

  private onFrame(connection: Connection, data: Buffer, isBinary: boolean): void {
    try {
      this.receive(connection, data, isBinary);
    } catch (error) {
      this.options.logger.error({ err: error, docId: connection.docId }, 'frame handling failed');
      connection.close(CloseCode.malformedFrame, 'frame could not be handled');
    }
  }

  private receive(connection: Connection, data: Buffer, isBinary: boolean): void {
    if (connection.closed) return;
    if (!isBinary) return this.reject(connection, CloseCode.malformedFrame, 'text frame');
    if (!connection.messages.take() || !connection.bytes.take(data.byteLength)) {
      return this.reject(connection, CloseCode.rateLimited, 'rate limit exceeded');
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (connection.room) this.handle(connection.room, connection, frame);
    else (connection.queued ??= []).push(frame);
  }

  /** Every message handler runs inside this: no exception escapes to the process (SPEC S17). */
  private handle(room: Room, connection: Connection, frame: Uint8Array): void {
    if (connection.closed) return;
    try {
      handleClientFrame(this.context, room, connection, frame);
    } catch (error) {
      if (error instanceof TooLargeError) return this.reject(connection, CloseCode.tooLarge, error.message);
      if (error instanceof MalformedFrameError) return this.reject(connection, CloseCode.malformedFrame, error.reason);
      this.options.logger.error({ err: error, docId: connection.docId }, 'message handler failed');
      this.reject(connection, CloseCode.malformedFrame, 'frame could not be handled');
    }
  }

  private reject(connection: Connection, code: number, reason: string): void {
    this.options.metrics.rejectedFrames.inc({ reason: rejectReason(code) });
    this.options.logger.warn({ docId: connection.docId, personId: connection.identity.personId, code, reason }, 'frame rejected, socket closed');
    connection.close(code, reason);
  }

  private onDocUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    const contributor = origin instanceof Connection ? origin : undefined;
    if (contributor) this.options.metrics.updates.inc();
    room.estimatedBytes += update.byteLength;
    room.broadcastUpdate(update, contributor);
    this.commits.add(room, update, contributor);
  }

  private onClose(connection: Connection): void {
    connection.closed = true;
    if (!this.connections.delete(connection)) return;
    const room = connection.room;
    if (!room) return;
    const released = this.presence.release(room.docId, connection);
    if (released.length > 0) removeAwarenessStates(room.awareness, released, null);
    this.documents.detach(room, connection);
  }

  /** Re-asks the authorizer for open sockets in scope; closes those that lost access (SPEC S3). */
  recheck(scope: RecheckScope = {}): Promise<RecheckResult> {
    return recheckConnections([...this.connections], this.options.authorizer, scope, this.options.logger);
  }

  /** Closes every socket of the sessions or people in scope with `sessionEnded` (SPEC S23). */
  endSessions(scope: SessionScope): number {
    return this.sessionEnds.end(scope);
  }

  /** Makes quiet documents cold now (SPEC S22); the sweep does this on its own. For tests and tools. */
  freezeQuietDocuments(now = Date.now()): number {
    return this.documents.freezeQuietRooms(now);
  }

  /** Closes the document's sockets (documentErased) and deletes everything stored for it. */
  async erase(docId: string): Promise<void> {
    for (const connection of this.connections) {
      if (connection.docId === docId) connection.close(CloseCode.documentErased, 'document erased');
    }
    this.presence.forget(docId);
    await this.documents.erase(docId);
  }

  /** Resolves when everything applied so far is committed and acknowledged. Waits out failed commits' retries. */
  async flush(): Promise<void> {
    // Sockets joining a loading document apply their queued frames on join: wait for that first.
    await this.documents.loadsSettled();
    await this.commits.flush();
  }

  /** Closes every socket (shuttingDown), commits everything, unloads every document. */
  async shutdown(): Promise<void> {
    this.sessionEnds.stop();
    clearInterval(this.presencePrune);
    for (const connection of this.connections) connection.close(CloseCode.shuttingDown, 'server shutting down');
    await this.commits.flushAll();
    await this.documents.unloadAll();
  }
}

function rejectReason(code: number): string {
  switch (code) {
    case CloseCode.malformedFrame:
      return 'malformed';
    case CloseCode.tooLarge:
      return 'too-large';
    case CloseCode.rateLimited:
      return 'rate-limited';
    default:
      return String(code);
  }
}
