/**
 * Sending durable acknowledgements (SPEC S9). A socket that opted in (`?durable=1`) learns that
 * ITS edits are on disk: after the commit of a batch it contributed to, once after its initial
 * sync, and after an update the server already had. Sockets that only received others' edits
 * get nothing for them: those edits reached the server first and are its to store, and a client
 * decides "saved" from the state after its own last change (S11). One snapshot per document per
 * commit is built only when some socket waits on it, and shared by all of them.
 */
import type * as Y from 'yjs';
import type { Connection } from './connection';
import { writeDurable } from './protocol/durable';
import type { Room } from './room';

/** At seal time: the snapshot to send after the commit, or undefined when nobody waits on it. */
export function sealDurableSnapshot(room: Room, waiters: ReadonlySet<Connection>): Y.Snapshot | undefined {
  return waiters.size > 0 ? room.snapshot() : undefined;
}

/** After the commit: every socket that waited on the batch gets the snapshot sealed with it. True if any did. */
export function sendDurableAcks(sealed: Y.Snapshot | undefined, waiters: ReadonlySet<Connection>): boolean {
  if (!sealed || waiters.size === 0) return false;
  const frame = writeDurable(sealed);
  for (const connection of waiters) connection.send(frame);
  return true;
}

/** One socket that asked for acks, now: only call when the room has nothing uncommitted (its document is what is stored). */
export function sendDurableAckNow(room: Room, connection: Connection): void {
  connection.send(writeDurable(room.snapshot()));
}
