/**
 * Sending durable acknowledgements (SPEC S9). After a commit every socket on the document gets
 * the committed snapshot, but at most once per `intervalMs` per document: a snapshot carries the
 * whole delete set (tens of KB and several ms to build for a heavily edited document), so one per
 * keystroke to every socket would cost more than the edits. The trailing ack is never skipped.
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

  /** At seal time: the snapshot to send after this commit, or undefined when the room acked too recently. */
  snapshotIfDue(room: Room): Y.Snapshot | undefined {
    return performance.now() - room.durable.lastSentAt >= this.intervalMs ? Y.snapshot(room.doc) : undefined;
  }

  /** After the commit: send the sealed snapshot, or owe one and send it when the interval is up. */
  afterCommit(room: Room, sealed: Y.Snapshot | undefined, waiters: Iterable<Connection>): void {
    if (sealed) return this.send(room, sealed, waiters);
    room.durable.owed = true;
    if (room.durable.timer) return;
    const wait = Math.max(0, this.intervalMs - (performance.now() - room.durable.lastSentAt));
    room.durable.timer = setTimeout(() => {
      room.durable.timer = undefined;
      // With updates in flight the next commit is due and acks (then a fresh snapshot is sealed);
      // with none, the document itself is the committed state.
      if (room.durable.owed && !this.hasUncommitted(room)) this.send(room, Y.snapshot(room.doc), []);
    }, wait);
  }

  /** One socket, now (its initial sync): the document holds only committed state when called. */
  sendTo(room: Room, connection: Connection): void {
    connection.send(encodeDurableFrame(Y.snapshot(room.doc)));
  }

  private send(room: Room, snapshot: Y.Snapshot, waiters: Iterable<Connection>): void {
    room.durable.owed = false;
    room.durable.lastSentAt = performance.now();
    const frame = encodeDurableFrame(snapshot);
    // Every socket on the document, not only the contributors: the others received these
    // updates by broadcast before the commit and would otherwise never learn they are saved.
    for (const connection of new Set([...room.connections, ...waiters])) connection.send(frame);
  }
}
