/**
 * A client's sync step 2 or update (SPEC S7, S12, S14, S22): decoded in full, refused for a
 * viewer unless it adds nothing, checked before it touches the live document, then applied. The
 * room's update listener broadcasts and queues for commit whatever Yjs integrated.
 */
import * as Y from 'yjs';
import { deleteSetContains } from '@cydweithio/model/wire/durable';
import { canWrite } from './access';
import { CloseEvents, Refusal, malformed } from './close-events';
import type { Connection } from './connection';
import { writePermissionDenied } from './protocol/auth';
import type { MessageContext } from './room-messages';
import type { Room } from './room';
import { checkUpdate, integratesOnCopy } from './update-check';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

export function handleUpdate(context: MessageContext, room: Room, connection: Connection, update: Uint8Array): void {
  let decoded: Decoded;
  try {
    // A full decode before anything touches the live document: Yjs reads the delete set only
    // after integrating the structs, so a truncated update would otherwise be half applied.
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw malformed(`undecodable update: ${(error as Error).message}`);
  }
  if (!canWrite(connection.access)) {
    // A viewer's client still answers our step 1; an answer that adds nothing is not a write.
    if (!addsNothing(room, decoded)) {
      context.metrics.rejectedFrames.inc({ reason: 'read-only' });
      connection.send(writePermissionDenied());
    }
    return;
  }
  ensureFits(room, update.byteLength, context.limits.maxDocumentBytes);
  const changesBefore = room.changes;
  // Every client answers our step 1 on (re)connect, usually with nothing new: that must not make
  // a cold document live (SPEC S22).
  if (!(room.isCold && addsNothing(room, decoded))) applyClientUpdate(context, room, connection, update, decoded);
  // An update the server already had changes nothing and joins no batch; its sender still
  // deserves to learn that it is saved (e.g. a re-send after a reconnect).
  if (room.changes === changesBefore && connection.initialSyncDone) context.commits.ackWhenCommitted(room, connection);
}

/**
 * True when the document already holds every struct and every deletion of the update. Judged on
 * the structs themselves: `Y.encodeStateVectorFromUpdate` only counts a client whose structs start
 * at clock 0, so for an incremental update it reports nothing new and would hide a real write.
 */
function addsNothing(room: Room, decoded: Decoded): boolean {
  const held = room.snapshot();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if ((held.sv.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
  }
  return deleteSetContains(held.ds, decoded.ds);
}

/** Refuses an update that would push the stored state past the limit (SPEC S14). */
function ensureFits(room: Room, incomingBytes: number, maxDocumentBytes: number): void {
  if (room.log.estimatedBytes + incomingBytes <= maxDocumentBytes) return;
  // The estimate (snapshot + log) overcounts; measure exactly before refusing.
  room.encodeState();
  if (room.log.estimatedBytes + incomingBytes > maxDocumentBytes) {
    throw new Refusal(CloseEvents.tooLarge, `document would exceed ${maxDocumentBytes} bytes`);
  }
}

/**
 * Applies with the connection as origin. Checked first (update-check.ts): an update that would
 * not integrate completely is refused before it touches the live document, so a refusal leaves
 * no trace. An update whose dependencies are merely missing (it arrived before what it builds on)
 * is refused too: y-websocket sends whole state-vector diffs in order over one socket, so an
 * honest client never sends one, and after the 4400 close its reconnect sends everything it has.
 */
function applyClientUpdate(context: MessageContext, room: Room, connection: Connection, update: Uint8Array, decoded: Decoded): void {
  const doc = room.thaw();
  const verdict = checkUpdate(doc, decoded);
  if (verdict.kind === 'refuse') throw malformed(verdict.reason);
  if (verdict.kind === 'unsure' && !integratesOnCopy(doc, update)) throw malformed(`update rejected by Yjs on a copy: ${verdict.reason}`);
  // Before it is applied: the batch it joins then knows whether it needs another instance's
  // unconfirmed updates on disk with it (S70).
  context.commits.noteDependencies(room, decoded);
  const store = doc.store;
  let failure: string | undefined;
  try {
    Y.applyUpdate(doc, update, connection);
  } catch (error) {
    // Not expected after the check; if it happens, what did integrate is already out.
    failure = `update rejected by Yjs after the check: ${(error as Error).message}`;
  }
  if (store.pendingStructs || store.pendingDs) failure ??= 'update left pending state after the check';
  // Pending parts must never stay: they would integrate later, out of anyone's sight.
  store.pendingStructs = null;
  store.pendingDs = null;
  if (failure) throw malformed(failure);
}
