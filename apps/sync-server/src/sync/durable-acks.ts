/**
 * Sending durable acknowledgements (SPEC S9). After a commit, the sockets that waited on the batch
 * (they contributed updates to it, or asked while it was uncommitted) get the sealed snapshot at
 * once: someone is looking at a "saving..." state of theirs. The document's other sockets hold
 * those updates by broadcast and must learn they are saved too, but nobody waits on that, so
 * that broadcast is paced: at most once per `intervalMs` per document, because a snapshot carries
 * the whole delete set (tens of KB and several ms to build for a heavily edited document) and one
 * per keystroke to every socket would cost more than the edits. The trailing one is never skipped.
 */
import * as Y from 'yjs';
import type { Connection } from './connection';
import { encodeDurableFrame } from './protocol/durable';
import type { Room } from './room';

export class DurableAcks {
  constructor(
    private readonly intervalMs: number,
    private readonly hasUncommitted: (room: Room) => boolean,
  ) {}

  /**
   * At seal time: the snapshot to send after this commit. Built once per document per commit when
   * sockets wait on it (shared by them), otherwise only when the paced broadcast is due.
   */
  seal(room: Room, hasWaiters: boolean): Y.Snapshot | undefined {
    return hasWaiters || this.broadcastDue(room) ? Y.snapshot(room.doc) : undefined;
  }

  /** After the commit: the waiters now; everyone else now if the interval is up, otherwise owed. */
  afterCommit(room: Room, sealed: Y.Snapshot | undefined, waiters: ReadonlySet<Connection>): void {
    if (sealed && this.broadcastDue(room)) return this.broadcast(room, sealed, waiters);
    if (sealed && waiters.size > 0) {
      const frame = encodeDurableFrame(sealed);
      for (const connection of waiters) connection.send(frame);
    }
    if ([...room.connections].some((connection) => !waiters.has(connection))) this.owe(room);
  }

  /** One socket, now (its initial sync): the document holds only committed state when called. */
  sendTo(room: Room, connection: Connection): void {
    connection.send(encodeDurableFrame(Y.snapshot(room.doc)));
  }

  /** Sends an owed broadcast now (flush). Only call when the room has nothing uncommitted. */
  sendOwed(room: Room): void {
    if (room.durable.owed) this.broadcast(room, Y.snapshot(room.doc), new Set());
  }

  private broadcastDue(room: Room): boolean {
    return performance.now() - room.durable.lastSentAt >= this.intervalMs;
  }

  private owe(room: Room): void {
    room.durable.owed = true;
    if (room.durable.timer) return;
    const wait = Math.max(0, this.intervalMs - (performance.now() - room.durable.lastSentAt));
    room.durable.timer = setTimeout(() => {
      room.durable.timer = undefined;
      // With updates in flight the next commit is due and broadcasts (a fresh snapshot is
      // sealed then); with none, the document itself is the committed state.
      if (room.durable.owed && !this.hasUncommitted(room)) this.broadcast(room, Y.snapshot(room.doc), new Set());
    }, wait);
  }

  private broadcast(room: Room, snapshot: Y.Snapshot, waiters: ReadonlySet<Connection>): void {
    room.durable.owed = false;
    room.durable.lastSentAt = performance.now();
    if (room.durable.timer) clearTimeout(room.durable.timer);
    room.durable.timer = undefined;
    const frame = encodeDurableFrame(snapshot);
    // Every socket on the document plus the waiters (one may have just left the room).
    for (const connection of new Set([...room.connections, ...waiters])) connection.send(frame);
  }
}
