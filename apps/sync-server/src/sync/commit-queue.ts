/**
 * Group commit (SPEC S9-S11). Updates applied to resident documents wait here; one flush, a few
 * milliseconds later, writes every waiting update of every document in ONE store transaction.
 * Only after that transaction commits do sockets get a durable message, whose snapshot is taken
 * when the batch is sealed: exactly the state the committed log holds. The sockets waiting on the
 * batch (contributors that asked for acks) get it at once (durable-acks.ts).
 * Seqs are assigned here, at seal time, from the room's in-memory lastSeq (the store does not
 * look them up), and the room's lastSeq only moves once the transaction has committed, so a
 * failed batch is simply renumbered when it is sealed again.
 */
import type * as Y from 'yjs';
import type { SyncLogger } from './logger';
import { SeqTakenError, type DocStore } from '../storage/doc-store';
import type { SyncMetrics } from '../observability/metrics';
import type { Connection } from './connection';
import type { Confirmation, DecodedUpdate, Fanout } from './fanout/fanout';
import { sealDurableSnapshot, sendDurableAckNow, sendDurableAcks } from './durable-acks';
import type { Room } from './room';

interface Batch {
  /** `confirmation`: what other instances are told once it is committed (fan-out, SPEC S57). */
  entries: { room: Room; update: Uint8Array; author?: string | undefined; confirmation?: Confirmation | undefined }[];
  /** Rooms with updates in this batch, with the sockets waiting for an ack of their commit. */
  waiters: Map<Room, Set<Connection>>;
  /** When its first update arrived: its acknowledgements are at most this late. */
  openedAt: number;
  /**
   * S70: rooms with an update in this batch that depends on another instance's unconfirmed
   * updates (or may: the server's own writes are not looked into); only these carry them (S65).
   */
  carryFor: Set<Room>;
}

export interface CommitQueueOptions {
  store: DocStore;
  logger: SyncLogger;
  metrics: SyncMetrics;
  /** 0: flush on the next turn of the event loop (setImmediate); otherwise after this many ms. */
  delayMs: number;
  /**
   * The least time between the starts of two batches (SPEC S10). An update arriving after a quiet
   * spell is committed at once; under load, what arrives meanwhile waits to share one transaction
   * (one fsync, one round trip to the store worker) instead of taking one each.
   */
  intervalMs: number;
  /** Called after each successful commit of a room's updates (compaction is considered there). */
  onCommitted: (room: Room) => void;
  /** The fan-out to other instances (REDIS_URL): told what was committed; its remote updates gate acks. */
  fanout?: Fanout | undefined;
}

const emptyBatch = (): Batch => ({ entries: [], waiters: new Map(), openedAt: 0, carryFor: new Set() });
const MAX_RETRY_MS = 5_000;

export class CommitQueue {
  private pending = emptyBatch();
  private inFlight: Batch | undefined;
  private running: Promise<boolean> | undefined;
  private scheduled = false;
  private retryMs = 0;
  private lastStartedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: CommitQueueOptions) {}

  add(room: Room, update: Uint8Array, contributor?: Connection, confirmation?: Confirmation): void {
    if (this.pending.entries.length === 0) this.pending.openedAt = performance.now();
    this.pending.entries.push({ room, update, author: contributor?.identity.personId, confirmation });
    const waiters = this.pending.waiters.get(room) ?? new Set<Connection>();
    if (contributor?.wantsDurableAcks) waiters.add(contributor);
    this.pending.waiters.set(room, waiters);
    // Not a client's update (the server's own writes, a takeover): not checked for what it
    // depends on, so it carries whatever the room holds unconfirmed.
    if (!contributor) this.pending.carryFor.add(room);
    this.schedule();
  }

  /**
   * S70: called with a client's checked update just before it is applied. One that refers to, or
   * deletes from, another instance's update the room holds unconfirmed makes the batch it joins
   * carry those updates (S65); one that does not leaves them to their own instance.
   */
  noteDependencies(room: Room, decoded: DecodedUpdate): void {
    if (this.options.fanout?.dependsOnPending(room, decoded)) this.pending.carryFor.add(room);
  }

  /** True while the room has updates that are not yet committed. */
  hasUncommitted(room: Room): boolean {
    return this.pending.waiters.has(room) || (this.inFlight?.waiters.has(room) ?? false);
  }

  /**
   * Sends `connection` (if it asked for acks) the durable snapshot once everything the room holds
   * now is committed: at once if nothing is waiting, otherwise with the batch that carries the
   * room's last update.
   */
  ackWhenCommitted(room: Room, connection: Connection): void {
    if (!connection.wantsDurableAcks) return;
    const waiting = this.pending.waiters.get(room) ?? this.inFlight?.waiters.get(room);
    if (waiting) waiting.add(connection);
    else {
      const remote = this.options.fanout?.remoteDurable(room);
      if (!remote) sendDurableAckNow(room, connection);
      // Other instances' updates in the room are not known to be on disk yet (S57): the ack
      // covers the state as it is now, and is sent once they are.
      else {
        const snapshot = room.snapshot();
        void remote.then(() => sendDurableAcks(snapshot, new Set([connection])));
      }
    }
  }

  /**
   * Resolves once everything applied so far is committed and acknowledged, waiting out failed
   * commits' retries: for tests and tools that need "saved" exactly.
   */
  async flush(): Promise<void> {
    while (!(await this.flushAll())) await new Promise((resolve) => setTimeout(resolve, Math.max(this.retryMs, 10)));
  }

  /** Commits everything waiting now and anything added meanwhile. False if a commit failed. */
  async flushAll(): Promise<boolean> {
    for (;;) {
      if (this.running) await this.running;
      else if (this.pending.entries.length > 0) {
        if (!(await this.run())) return false;
      } else return true;
    }
  }

  private schedule(): void {
    // A running commit starts the next batch itself when it is done (see run()).
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    const fire = (): void => {
      this.scheduled = false;
      if (this.running) return;
      // Timers count from the event loop's cached time, so they can fire early: wait out the rest.
      if (this.retryMs === 0 && this.options.delayMs === 0 && this.lastStartedAt + this.options.intervalMs - performance.now() >= 1) this.schedule();
      else void this.run();
    };
    const spacing = this.lastStartedAt + this.options.intervalMs - performance.now();
    if (this.retryMs > 0) setTimeout(fire, this.retryMs).unref();
    else if (this.options.delayMs > 0) setTimeout(fire, this.options.delayMs);
    else if (spacing >= 1) setTimeout(fire, spacing);
    else setImmediate(fire);
  }

  private run(): Promise<boolean> {
    const running = this.commit().finally(() => {
      this.running = undefined;
      if (this.pending.entries.length === 0) return;
      // What arrived during this commit is the next batch, sent as soon as the interval allows:
      // waiting another turn of the event loop would only add that turn to every
      // acknowledgement. After a failure the retry waits out its backoff instead.
      if (this.retryMs > 0 || this.options.delayMs > 0 || performance.now() - this.lastStartedAt < this.options.intervalMs) this.schedule();
      else void this.run();
    });
    this.running = running;
    return running;
  }

  private async commit(): Promise<boolean> {
    const batch = this.pending;
    if (batch.entries.length === 0) return true;
    this.pending = emptyBatch();
    this.inFlight = batch;
    this.lastStartedAt = performance.now();
    // Sealed: the doc holds exactly the committed log plus this batch, so this is what "saved" means.
    const snapshots = new Map<Room, Y.Snapshot | undefined>();
    const remoteGates = new Map<Room, Promise<void> | undefined>();
    for (const [room, waiters] of batch.waiters) {
      snapshots.set(room, sealDurableSnapshot(room, waiters));
      if (waiters.size > 0) remoteGates.set(room, this.options.fanout?.remoteDurable(room));
    }
    this.carryRemote(batch);
    const nextSeq = new Map<Room, number>();
    const sealed = batch.entries.map(({ room, update, author }) => {
      const seq = (nextSeq.get(room) ?? room.log.lastSeq) + 1;
      nextSeq.set(room, seq);
      return { docId: room.docId, seq, update, author };
    });
    const started = performance.now();
    try {
      // A store several instances write to may have stored some entries above the seqs asked
      // for (S67): the room's log continues from where they are.
      const storedAt = await this.options.store.appendUpdates(sealed);
      this.options.metrics.commitSeconds.observe((performance.now() - started) / 1000);
      if (storedAt && storedAt.some((seq, index) => seq !== sealed[index]?.seq)) this.options.metrics.seqConflicts.inc();
      batch.entries.forEach(({ room, update }, index) => room.log.committed(Math.max(room.log.lastSeq, storedAt?.[index] ?? sealed[index]?.seq ?? room.log.lastSeq), update.byteLength));
      this.retryMs = 0;
    } catch (error) {
      if (error instanceof SeqTakenError) {
        // Another instance committed to these documents (S51): renumber above its rows, at once.
        for (const { room } of batch.entries) room.log.advanceTo(error.lastSeqs.get(room.docId) ?? 0);
        this.options.metrics.seqConflicts.inc();
        this.inFlight = undefined;
        this.requeue(batch);
        return this.commit();
      }
      this.retryMs = Math.min(MAX_RETRY_MS, Math.max(100, this.retryMs * 2));
      this.options.logger.error({ err: error, updates: batch.entries.length, retryMs: this.retryMs }, 'commit failed; will retry');
      this.requeue(batch);
      return false;
    } finally {
      this.inFlight = undefined;
    }
    this.confirm(batch);
    let acknowledged = false;
    for (const [room, waiters] of batch.waiters) {
      const remote = remoteGates.get(room);
      // Every room's acks, whatever the others did (no short circuit here). A snapshot holding
      // other instances' updates waits until they are on disk too (S57).
      if (remote) void remote.then(() => sendDurableAcks(snapshots.get(room), waiters));
      else if (sendDurableAcks(snapshots.get(room), waiters)) acknowledged = true;
      this.options.onCommitted(room);
    }
    if (acknowledged) this.options.metrics.ackDelaySeconds.observe((performance.now() - batch.openedAt) / 1000);
    return true;
  }

  /**
   * S65: another instance's updates this room holds unconfirmed go into the same transaction as
   * the room's own, ahead of them. An edit made here on top of one made there is then never on
   * disk without it, whichever instance dies first: a log with an update whose dependencies are
   * missing could not be loaded (S15). Storing an update twice is harmless (Yjs applies it once)
   * and compaction folds it; once committed here it is confirmed on its instance's behalf, so
   * acks no longer wait for that instance's own commit.
   */
  private carryRemote(batch: Batch): void {
    const fanout = this.options.fanout;
    if (!fanout) return;
    const carried: Batch['entries'] = [];
    for (const room of batch.carryFor) {
      for (const { update, confirmation } of fanout.carryPending(room)) carried.push({ room, update, confirmation });
    }
    if (carried.length === 0) return;
    batch.entries.unshift(...carried);
    this.options.metrics.carriedUpdates.inc(carried.length);
  }

  /** Tells the other instances what this batch committed, per room (S57). */
  private confirm(batch: Batch): void {
    const fanout = this.options.fanout;
    if (!fanout) return;
    const byRoom = new Map<Room, Confirmation[]>();
    for (const { room, confirmation } of batch.entries) {
      if (!confirmation) continue;
      const list = byRoom.get(room) ?? [];
      list.push(confirmation);
      byRoom.set(room, list);
    }
    for (const [room, confirmations] of byRoom) fanout.confirm(room, confirmations);
  }

  /** Puts a failed batch back in front of anything added since, keeping commit order. */
  private requeue(batch: Batch): void {
    const later = this.pending;
    for (const [room, waiters] of later.waiters) {
      const merged = batch.waiters.get(room) ?? new Set<Connection>();
      waiters.forEach((connection) => merged.add(connection));
      batch.waiters.set(room, merged);
    }
    batch.entries.push(...later.entries);
    later.carryFor.forEach((room) => batch.carryFor.add(room));
    this.pending = batch;
    this.schedule();
  }

  /** Drops a room's waiting updates (the document is being erased). */
  discard(room: Room): void {
    this.pending.entries = this.pending.entries.filter((entry) => entry.room !== room);
    this.pending.waiters.delete(room);
    this.pending.carryFor.delete(room);
  }
}
