/**
 * The sync core: peers in, documents resident, updates committed. Knows nothing about HTTP or
 * WebSockets: server.ts hands it authorized peers (SPEC S1-S3, S27) and the access layer calls
 * recheck, endSessions and erase.
 */
import type * as Y from 'yjs';
import type { DocStore } from '../storage/doc-store';
import type { SyncMetrics } from '../observability/metrics';
import type { ConnectionAuthorizer, ConnectionIdentity, DocAccess } from './access';
import { CloseEvents, Refusal, type CloseEvent } from './close-events';
import { CommitQueue } from './commit-queue';
import { Connection, type ConnectionEvents } from './connection';
import { Documents, ResidentCapError } from './documents';
import type { SyncLimits } from './limits';
import type { SyncLogger } from './logger';
import type { Peer } from './peer';
import { PresenceOwners } from './presence-owners';
import { writeSyncStep1 } from './protocol/sync';
import { recheckConnections, type RecheckResult, type RecheckScope } from './recheck';
import { handleClientFrame, type MessageContext } from './room-messages';
import type { Room } from './room';
import { TurnBroadcasts, type TurnScheduler } from './turn-broadcasts';
import { SessionEnds, type SessionScope } from './session-ends';
import { REMOTE_ORIGIN, type ControlMessage, type Fanout, type FanoutFactory } from './fanout/fanout';
import { writeAwarenessEntries, type EncodedPresence } from './protocol/awareness';
import { writeCommentsChanged } from './protocol/comments-changed';
import { isNudgeTopic, Nudges, type NudgeListener, type NudgeTopic } from './nudges';

export type { RecheckScope } from './recheck';
export type { SessionScope } from './session-ends';

export interface SyncCoreOptions {
  store: DocStore;
  authorizer: ConnectionAuthorizer;
  logger: SyncLogger;
  metrics: SyncMetrics;
  limits: SyncLimits;
  idleMs: number;
  /** The longest a document nobody writes to stays live (SPEC S22); small ones go cold sooner. */
  coldAfterMs: number;
  maxResidentDocs: number;
  compactionMinUpdates: number;
  commitDelayMs: number;
  /** The least time between the starts of two commits (SPEC S10). */
  commitIntervalMs: number;
  /** How long a person keeps a presence id after their socket closed (SPEC S25). */
  presenceHoldMs: number;
  /** Other instances serving the same documents (REDIS_URL, SPEC S55-S62); none by default. */
  fanout?: FanoutFactory | undefined;
  /** When a turn's updates are sent (S72): at the end of the event loop's turn unless a harness decides. */
  broadcastTurn?: TurnScheduler | undefined;
}

export interface AcceptOptions {
  /** The client asked for durable acknowledgements (`?durable=1`, SPEC S9). */
  durableAcks?: boolean;
  /** The client asked to hear of comment changes (`?comments=1`, ACCESS.md A107). */
  commentNotices?: boolean;
}

export class SyncCore {
  private readonly connections = new Set<Connection>();
  private readonly documents: Documents;
  private readonly commits: CommitQueue;
  private readonly broadcasts: TurnBroadcasts;
  private readonly context: MessageContext;
  private readonly presence: PresenceOwners;
  private readonly sessionEnds = new SessionEnds(() => this.connections);
  private readonly nudges = new Nudges();
  private readonly presencePrune: NodeJS.Timeout;
  /** Every connection reports its frames and its end here (one object, not closures per connection). */
  private readonly events: ConnectionEvents = {
    frame: (connection, frame, isBinary) => this.onFrame(connection, frame, isBinary),
    ended: (connection) => this.onEnded(connection),
  };

  private readonly fanout: Fanout | undefined;

  constructor(private readonly options: SyncCoreOptions) {
    this.fanout = options.fanout?.({
      load: (docId) => options.store.load(docId),
      applyPresence: (room, entries, personId) => this.applyRemotePresence(room, entries, personId),
      control: (message) => this.onControl(message),
      takeOver: (room, update, confirmation) => {
        room.log.grew(update.byteLength);
        this.commits.add(room, update, undefined, confirmation);
      },
    });
    this.commits = new CommitQueue({
      fanout: this.fanout,
      store: options.store,
      logger: options.logger,
      metrics: options.metrics,
      delayMs: options.commitDelayMs,
      intervalMs: options.commitIntervalMs,
      onCommitted: (room) => this.documents.considerCompaction(room),
    });
    this.broadcasts = new TurnBroadcasts(options.broadcastTurn);
    this.documents = new Documents({
      fanout: this.fanout,
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
    this.context = { commits: this.commits, presence: this.presence, metrics: options.metrics, logger: options.logger, limits: options.limits, fanout: this.fanout };
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

  /** The loaded Y.Doc (single flight), made live. Changes made to it are broadcast and stored like any edit. */
  async getDoc(docId: string): Promise<Y.Doc> {
    const room = await this.documents.acquire(docId);
    this.documents.scheduleIdle(room);
    const doc = room.thaw();
    // Handed out live: it must not go cold under a caller that is about to write to it.
    room.liveUntil = Date.now() + this.options.coldAfterMs;
    return doc;
  }

  /**
   * Takes over an authorized peer; access was decided before it existed. The returned
   * connection is the peer's inbox: its frames and its end go there.
   */
  accept(peer: Peer, docId: string, identity: ConnectionIdentity, access: DocAccess, { durableAcks = false, commentNotices = false }: AcceptOptions = {}): Connection {
    const connection = new Connection(peer, docId, identity, access, this.options.limits, this.events, durableAcks, commentNotices);
    this.connections.add(connection);
    this.sessionEnds.watch(connection);
    if (connection.closed) return connection;
    this.documents.acquire(docId).then(
      (room) => this.join(room, connection),
      (error: unknown) => {
        const capped = error instanceof ResidentCapError;
        this.options.logger[capped ? 'warn' : 'error']({ err: error, docId }, 'document could not be loaded');
        connection.close(capped ? CloseEvents.serverBusy : CloseEvents.loadFailed);
      },
    );
    return connection;
  }

  /** ws reports protocol violations (e.g. a frame over maxPayload) as errors, then closes the socket. */
  socketError(connection: Connection, error: Error & { code?: string }): void {
    if (error.code?.startsWith('WS_ERR_')) {
      this.options.metrics.rejectedFrames.inc({ reason: 'protocol' });
      this.options.logger.warn({ docId: connection.docId, personId: connection.identity.personId, reason: error.message }, 'frame rejected, socket closed');
    } else this.options.logger.debug({ err: error, docId: connection.docId }, 'socket error');
  }

  private join(room: Room, connection: Connection): void {
    if (connection.state.kind !== 'loading') {
      this.documents.scheduleIdle(room);
      return;
    }
    if (!this.documents.isResident(room)) {
      // Evicted between its load and this join: load it again rather than join a dead room.
      this.documents.acquire(connection.docId).then(
        (fresh) => this.join(fresh, connection),
        () => connection.close(CloseEvents.loadFailed),
      );
      return;
    }
    if (room.connections.size >= this.options.limits.maxConnectionsPerDocument) {
      connection.close(CloseEvents.tooManyConnections);
      this.documents.scheduleIdle(room);
      return;
    }
    const queued = connection.state.queued;
    connection.state = room.joined;
    this.documents.attach(room, connection);
    connection.send(writeSyncStep1(room.stateVector()));
    if (room.presence.size > 0) connection.send(room.presence.frame());
    for (const frame of queued) this.handle(room, connection, frame);
  }

  private onFrame(connection: Connection, frame: Uint8Array, isBinary: boolean): void {
    try {
      this.receive(connection, frame, isBinary);
    } catch (error) {
      this.options.logger.error({ err: error, docId: connection.docId }, 'frame handling failed');
      connection.close(CloseEvents.handlerFailed);
    }
  }

  private receive(connection: Connection, frame: Uint8Array, isBinary: boolean): void {
    const state = connection.state;
    if (state.kind === 'closed') return;
    if (!isBinary) return this.refuse(connection, CloseEvents.textFrame, 'text frame');
    if (!connection.budget.takeFrame(frame.byteLength)) return this.refuse(connection, CloseEvents.rateLimited, 'rate limit exceeded');
    if (state.kind === 'joined') this.handle(state.room, connection, frame);
    // The peer's buffer may be reused once this returns: a frame kept for later is copied.
    else state.queued.push(frame.slice());
  }

  /** Every message handler runs inside this: no exception escapes to the process (SPEC S17). */
  private handle(room: Room, connection: Connection, frame: Uint8Array): void {
    if (connection.closed) return;
    try {
      handleClientFrame(this.context, room, connection, frame);
    } catch (error) {
      if (error instanceof Refusal) return this.refuse(connection, error.event, error.message);
      this.options.logger.error({ err: error, docId: connection.docId }, 'message handler failed');
      this.refuse(connection, CloseEvents.handlerFailed, 'frame could not be handled');
    }
  }

  private refuse(connection: Connection, event: CloseEvent, detail: string): void {
    this.options.metrics.rejectedFrames.inc({ reason: event.metric ?? String(event.code) });
    this.options.logger.warn({ docId: connection.docId, personId: connection.identity.personId, code: event.code, reason: detail }, 'frame rejected, socket closed');
    connection.close(event, detail);
  }

  private onDocUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    room.log.grew(update.byteLength);
    // Another instance's update (S55): to every socket here, as a local one; that instance stores it.
    if (origin === REMOTE_ORIGIN) return this.broadcasts.add(room, update);
    const contributor = origin instanceof Connection ? origin : undefined;
    if (contributor) this.options.metrics.updates.inc();
    this.broadcasts.add(room, update, contributor);
    this.commits.add(room, update, contributor, this.fanout?.publishUpdate(room, update));
  }

  private onEnded(connection: Connection): void {
    const state = connection.state;
    const room = state.kind === 'joined' ? state.room : state.kind === 'closed' ? state.room : undefined;
    connection.state = { kind: 'closed', room: undefined };
    if (!this.connections.delete(connection) || !room) return;
    const released = this.presence.release(room.docId, connection);
    this.fanout?.publishPresence(room, room.removePresence(released), connection.identity.personId);
    this.documents.detach(room, connection);
  }

  /**
   * Another instance's presence entries of one person (S55, S62): an id this instance counts as
   * someone else's (announced here first, or held for a person between connections) is dropped,
   * exactly as a local socket's would be, so nobody can hide or speak as a person through another
   * instance.
   */
  private applyRemotePresence(room: Room, entries: readonly EncodedPresence[], personId: string): void {
    const owned = entries.filter((entry) => this.presence.claimRemote(room.docId, entry.clientID, personId));
    if (owned.length < entries.length) this.options.metrics.rejectedFrames.inc({ reason: 'awareness-entry' }, entries.length - owned.length);
    const changed = room.presence.apply(owned);
    if (changed.length > 0) room.broadcast(writeAwarenessEntries(changed));
  }

  /**
   * Re-asks the authorizer for open connections in scope; closes those that lost access (SPEC S3),
   * here and, through the fan-out, on every other instance (S59).
   */
  recheck(scope: RecheckScope = {}): Promise<RecheckResult> {
    this.fanout?.publishControl({ kind: 'recheck', scope });
    return recheckConnections([...this.connections], this.options.authorizer, scope, this.options.logger);
  }

  /** Closes every connection of the sessions or people in scope with `sessionEnded` (SPEC S23), on every instance (S59). */
  endSessions(scope: SessionScope): number {
    this.fanout?.publishControl({ kind: 'end-sessions', scope });
    return this.sessionEnds.end(scope);
  }

  /** What another instance asked of every instance (S59): done here, not passed on again. */
  private onControl(message: ControlMessage): void {
    if (message.kind === 'recheck') void recheckConnections([...this.connections], this.options.authorizer, message.scope, this.options.logger);
    else if (message.kind === 'end-sessions') this.sessionEnds.end(message.scope);
    else if (message.kind === 'comments-changed') this.tellCommentsChanged(message.docId);
    else if (message.kind === 'nudge') {
      if (isNudgeTopic(message.topic)) this.nudges.deliver(message.topic);
    }
    else void this.eraseHere(message.docId, { stored: false });
  }

  /**
   * The document's comments changed (ACCESS.md A107): every socket of it that asked, here and on
   * every other instance, gets a `commentsChanged` frame and asks the comment routes again.
   */
  commentsChanged(docId: string): void {
    this.fanout?.publishControl({ kind: 'comments-changed', docId });
    this.tellCommentsChanged(docId);
  }

  /** Tells every listener of a topic, here and on every other instance (S63). */
  nudge(topic: NudgeTopic): void {
    this.fanout?.publishControl({ kind: 'nudge', topic });
    this.nudges.deliver(topic);
  }

  /** Listens for nudges on this instance (the event stream of GET /api/events); returns the stop. */
  onNudge(listener: NudgeListener): () => void {
    return this.nudges.subscribe(listener);
  }

  private tellCommentsChanged(docId: string): void {
    const frame = writeCommentsChanged();
    for (const connection of this.connections) {
      if (connection.docId === docId && connection.wantsCommentNotices && connection.state.kind === 'joined') connection.send(frame);
    }
  }

  /** Makes quiet documents cold now (SPEC S22); the sweep does this on its own. For tests and tools. */
  freezeQuietDocuments(now = Date.now()): number {
    return this.documents.freezeQuietRooms(now);
  }

  /** Closes the document's connections (documentErased) and deletes everything stored for it, on every instance. */
  async erase(docId: string): Promise<void> {
    this.fanout?.publishControl({ kind: 'erase', docId });
    await this.eraseHere(docId, { stored: true });
  }

  /** `stored: false`: the instance that erased it deleted the stored document; here it is only dropped. */
  private async eraseHere(docId: string, { stored }: { stored: boolean }): Promise<void> {
    for (const connection of this.connections) {
      if (connection.docId === docId) connection.close(CloseEvents.documentErased);
    }
    this.presence.forget(docId);
    await (stored ? this.documents.erase(docId) : this.documents.unload(docId, { compact: false }));
  }

  /** Remote updates held by resident rooms and not yet known to be committed (fan-out, S57); 0 without one. */
  pendingRemote(): number {
    return this.fanout?.pendingCount() ?? 0;
  }

  /** Resolves when everything applied so far is committed and acknowledged. Waits out failed commits' retries. */
  async flush(): Promise<void> {
    // Connections joining a loading document apply their queued frames on join: wait for that first.
    await this.documents.loadsSettled();
    await this.commits.flush();
  }

  /** Closes every connection (shuttingDown), commits everything, unloads every document. */
  async shutdown(): Promise<void> {
    this.sessionEnds.stop();
    clearInterval(this.presencePrune);
    // What was accepted reaches the others before their sockets close.
    this.broadcasts.flush();
    for (const connection of this.connections) connection.close(CloseEvents.shuttingDown);
    await this.commits.flushAll();
    await this.documents.unloadAll();
    await this.fanout?.close();
  }
}
