/**
 * A client's awareness (presence) update (SPEC S8, S25, S26): within its rate, stamped with the
 * connection's identity, only for ids its person owns, applied to the room's awareness (which
 * broadcasts it to the others).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { stampAwarenessUpdate } from './awareness-stamping';
import { malformed } from './close-events';
import type { Connection } from './connection';
import { writeAwarenessFrame } from './protocol/awareness';
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
    stamped = stampAwarenessUpdate(context.presence, room.awareness, connection, update, context.limits.maxAwarenessStateBytes);
  } catch (error) {
    throw malformed(`undecodable awareness update: ${(error as Error).message}`);
  }
  for (const drop of stamped.dropped) {
    context.metrics.rejectedFrames.inc({ reason: 'awareness-entry' });
    context.logger.debug({ docId: room.docId, personId: connection.identity.personId, ...drop }, 'awareness entry dropped');
  }
  if (!stamped.update) return;
  awarenessProtocol.applyAwarenessUpdate(room.awareness, stamped.update, connection);
  // Presence goes to the others, not back to its sender (S8), with two exceptions: a clock the
  // server moved on (S25), and a socket alone in the room (S26): the stock client closes a socket
  // that has received nothing for 30 s, and its own presence, renewed every 15 s, is what keeps a
  // lone reader's socket open. Only ids the awareness knows: an entry it ignored (a first `null`)
  // has nothing to send.
  const echo = (room.connections.size === 1 ? stamped.accepted : stamped.reclocked).filter((id) => room.awareness.meta.has(id));
  if (echo.length > 0) connection.send(writeAwarenessFrame(room.awareness, echo));
}
