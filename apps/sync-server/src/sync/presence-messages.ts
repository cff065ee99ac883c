/**
 * A client's awareness (presence) update (SPEC S8, S25, S26): within its rate, stamped with the
 * connection's identity, only for ids its person owns, applied to the room's presence and passed
 * on to the others, in one frame encoded once.
 */
import { stampAwarenessUpdate } from './awareness-stamping';
import { malformed } from './close-events';
import type { Connection } from './connection';
import { writeAwarenessEntries } from './protocol/awareness';
import type { MessageContext } from './room-messages';
import type { Room } from './room';

export function handleAwareness(context: MessageContext, room: Room, connection: Connection, update: Uint8Array): void {
  if (!connection.budget.takePresence()) {
    // Presence is best effort: excess updates are dropped, not punished with a close.
    context.metrics.rejectedFrames.inc({ reason: 'awareness-rate' });
    return;
  }
  let stamped: ReturnType<typeof stampAwarenessUpdate>;
  try {
    stamped = stampAwarenessUpdate(context.presence, room.presence, connection, update, context.limits.maxAwarenessStateBytes);
  } catch (error) {
    throw malformed(`undecodable awareness update: ${(error as Error).message}`);
  }
  for (const drop of stamped.dropped) {
    context.metrics.rejectedFrames.inc({ reason: 'awareness-entry' });
    context.logger.debug({ docId: room.docId, personId: connection.identity.personId, ...drop }, 'awareness entry dropped');
  }
  const changed = room.presence.apply(stamped.accepted);
  if (changed.length === 0) return;
  const frame = writeAwarenessEntries(changed);
  // Presence goes to the others, not back to its sender (S8), with two exceptions: a clock the
  // server moved on (S25), and a connection alone in the room (S26): the stock client closes a
  // socket that has received nothing for 30 s, and its own presence, renewed every 15 s, is what
  // keeps a lone reader's socket open.
  room.broadcast(frame, connection);
  context.fanout?.publishPresence(room, changed, connection.identity.personId);
  if (room.connections.size === 1 || changed.some((entry) => stamped.reclocked.includes(entry.clientID))) connection.send(frame);
}
