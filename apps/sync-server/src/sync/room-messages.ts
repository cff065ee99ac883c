/**
 * What the server does with each client message on a resident document (SPEC S4-S8, S12, S17).
 * Throws MalformedFrameError / TooLargeError; the caller closes that one socket.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { deleteSetContains } from '@cydweithio/model/wire/durable';
import type { SyncMetrics } from '../observability/metrics';
import { canWrite } from './access';
import { stampAwarenessUpdate } from './awareness-stamping';
import type { CommitQueue } from './commit-queue';
import type { Connection } from './connection';
import type { SyncLimits } from './limits';
import { encodePermissionDenied } from './protocol/auth';
import { encodeAwarenessFrame } from './protocol/awareness';
import { MalformedFrameError, decodeClientFrame } from './protocol/frame';
import { encodeSyncStep2 } from './protocol/sync';
import type { PresenceOwners } from './presence-owners';
import type { Room } from './room';
import { checkUpdate, integratesOnCopy } from './update-check';

export class TooLargeError extends Error {}

export interface MessageContext {
  commits: CommitQueue;
  presence: PresenceOwners;
  metrics: SyncMetrics;
  logger: Logger;
  limits: SyncLimits;
}

export function handleClientFrame(context: MessageContext, room: Room, connection: Connection, frame: Uint8Array): void {
  const message = decodeClientFrame(frame);
  switch (message.kind) {
    case 'sync-step1':
      connection.send(encodeSyncStep2(room.diff(message.stateVector)));
      return;
    case 'sync-step2':
    case 'sync-update':
      handleUpdate(context, room, connection, message.update);
      if (message.kind === 'sync-step2' && !connection.initialSyncDone) {
        // The client's answer to our step 1 completes its initial sync: tell it what is saved.
        connection.initialSyncDone = true;
        context.commits.ackWhenCommitted(room, connection);
      }
      return;
    case 'awareness':
      handleAwareness(context, room, connection, message.update);
      return;
    case 'query-awareness':
      connection.send(encodeAwarenessFrame(room.awareness, [...room.awareness.getStates().keys()]));
      return;
  }
}

function handleUpdate(context: MessageContext, room: Room, connection: Connection, update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    // A full decode before anything touches the live document: Yjs reads the delete set only
    // after integrating the structs, so a truncated update would otherwise be half applied.
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedFrameError(`undecodable update: ${(error as Error).message}`);
  }
  if (!canWrite(connection.access)) {
    // A viewer's client still answers our step 1; an answer that adds nothing is not a write.
    if (!addsNothing(room, decoded)) {
      context.metrics.rejectedFrames.inc({ reason: 'read-only' });
      connection.send(encodePermissionDenied());
    }
    return;
  }
  ensureFits(room, update.byteLength, context.limits.maxDocumentBytes);
  const changesBefore = room.changes;
  // Every client answers our step 1 on (re)connect, usually with nothing new: that must not make
  // a cold document live (SPEC S22).
  if (!(room.isCold && addsNothing(room, decoded))) applyClientUpdate(room, connection, update, decoded);
  // An update the server already had changes nothing and joins no batch; its sender still
  // deserves to learn that it is saved (e.g. a re-send after a reconnect).
  if (room.changes === changesBefore && connection.initialSyncDone) context.commits.ackWhenCommitted(room, connection);
}

/**
 * True when the document already holds every struct and every deletion of the update. Judged on
 * the structs themselves: `Y.encodeStateVectorFromUpdate` only counts a client whose structs start
 * at clock 0, so for an incremental update it reports nothing new and would hide a real write.
 */
function addsNothing(room: Room, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  const held = room.snapshot();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if ((held.sv.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
  }
  return deleteSetContains(held.ds, decoded.ds);
}

/** Refuses an update that would push the stored state past the limit (SPEC S14). */
function ensureFits(room: Room, incomingBytes: number, maxDocumentBytes: number): void {
  if (room.estimatedBytes + incomingBytes <= maxDocumentBytes) return;
  // The estimate (snapshot + log) overcounts; measure exactly before refusing.
  room.encodeState();
  if (room.estimatedBytes + incomingBytes > maxDocumentBytes) {
    throw new TooLargeError(`document would exceed ${maxDocumentBytes} bytes`);
  }
}

/**
 * Applies with the socket as origin; the room's update listener broadcasts and queues for commit
 * whatever Yjs integrated. Checked first (update-check.ts): an update that would not integrate
 * completely is refused before it touches the live document, so a refusal leaves no trace.
 * An update whose dependencies are merely missing (it arrived before what it builds on) is refused
 * too: y-websocket sends whole state-vector diffs in order over one socket, so an honest client
 * never sends one, and after the 4400 close its reconnect sends everything it has in step 2.
 */
function applyClientUpdate(room: Room, connection: Connection, update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>): void {
  const verdict = checkUpdate(room.doc, decoded);
  if (verdict.kind === 'refuse') throw new MalformedFrameError(verdict.reason);
  if (verdict.kind === 'unsure' && !integratesOnCopy(room.doc, update)) {
    throw new MalformedFrameError(`update rejected by Yjs on a copy: ${verdict.reason}`);
  }
  const store = room.doc.store;
  let failure: string | undefined;
  try {
    Y.applyUpdate(room.doc, update, connection);
  } catch (error) {
    // Not expected after the check; if it happens, what did integrate is already out.
    failure = `update rejected by Yjs after the check: ${(error as Error).message}`;
  }
  if (store.pendingStructs || store.pendingDs) failure ??= 'update left pending state after the check';
  // Pending parts must never stay: they would integrate later, out of anyone's sight.
  store.pendingStructs = null;
  store.pendingDs = null;
  if (failure) throw new MalformedFrameError(failure);
}

function handleAwareness(context: MessageContext, room: Room, connection: Connection, update: Uint8Array): void {
  if (!connection.awarenessUpdates.take()) {
    // Presence is best effort: excess updates are dropped, not punished with a close.
    context.metrics.rejectedFrames.inc({ reason: 'awareness-rate' });
    return;
  }
  let stamped: ReturnType<typeof stampAwarenessUpdate>;
  try {
    stamped = stampAwarenessUpdate(context.presence, room.awareness, connection, update, context.limits.maxAwarenessStateBytes);
  } catch (error) {
    throw new MalformedFrameError(`undecodable awareness update: ${(error as Error).message}`);
  }
  for (const drop of stamped.dropped) {
    context.metrics.rejectedFrames.inc({ reason: 'awareness-entry' });
    context.logger.debug({ docId: room.docId, personId: connection.identity.personId, ...drop }, 'awareness entry dropped');
  }
  if (!stamped.update) return;
  awarenessProtocol.applyAwarenessUpdate(room.awareness, stamped.update, connection);
  // Presence goes to the others, not back to its sender (S8), with two exceptions: a clock the
  // server moved on, and a socket alone in the room. The stock client closes a socket that has
  // received nothing for 30 s, and its own presence, renewed every 15 s, is what keeps a lone
  // reader's socket open.
  // (Only ids the awareness knows: an entry it ignored, e.g. a first `null`, has nothing to send.)
  const echo = (room.connections.size === 1 ? stamped.accepted : stamped.reclocked).filter((id) => room.awareness.meta.has(id));
  if (echo.length > 0) connection.send(encodeAwarenessFrame(room.awareness, echo));
}
