/**
 * The durable acknowledgement (MessageType.durable): the server tells a client what is committed
 * to storage as a Yjs snapshot (state vector + delete set). A client decides "saved" by comparing
 * the last snapshot it received with its document as it stood after its own last change
 * (`snapshotContains`, server SPEC S9 and S11); `isSavedBy` compares a whole document.
 *
 * Pure: no I/O. Used by the sync server (encode) and by clients (decode, isSavedBy).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType } from './constants';

type DeleteSet = Y.Snapshot['ds'];
interface DeleteRange {
  clock: number;
  len: number;
}

/** A whole durable frame: message type, then the encoded snapshot as a length-prefixed byte array. */
export function encodeDurable(snapshot: Y.Snapshot): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.durable);
  encoding.writeVarUint8Array(encoder, Y.encodeSnapshot(snapshot));
  return encoding.toUint8Array(encoder);
}

/** Reads a durable frame (including its message type). Throws on anything else. */
export function decodeDurable(frame: Uint8Array): Y.Snapshot {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.durable) throw new Error(`not a durable message: type ${type}`);
  return Y.decodeSnapshot(decoding.readVarUint8Array(decoder));
}

/** Reads the payload of a durable message whose type byte a message router has already consumed. */
export function readDurablePayload(decoder: decoding.Decoder): Y.Snapshot {
  return Y.decodeSnapshot(decoding.readVarUint8Array(decoder));
}

/**
 * True when everything in `localDoc` is contained in the durable snapshot: every client's clock
 * is covered by the snapshot's state vector AND every deleted range is in the snapshot's delete
 * set. The second half matters: a delete-only edit does not advance any clock.
 */
export function isSavedBy(localDoc: Y.Doc, durableSnapshot: Y.Snapshot): boolean {
  return snapshotContains(durableSnapshot, Y.snapshot(localDoc));
}

/** True when `outer` holds everything `inner` does: clocks (state vector) and deletions (delete set). */
export function snapshotContains(outer: Y.Snapshot, inner: Y.Snapshot): boolean {
  for (const [client, clock] of inner.sv) {
    if ((outer.sv.get(client) ?? 0) < clock) return false;
  }
  return deleteSetContains(outer.ds, inner.ds);
}

/** True when every range of `inner` is covered by (possibly several adjacent) ranges of `outer`. */
export function deleteSetContains(outer: DeleteSet, inner: DeleteSet): boolean {
  for (const [client, innerRanges] of inner.clients) {
    const outerRanges = sortedRanges(outer.clients.get(client) ?? []);
    for (const range of innerRanges) {
      if (range.len > 0 && !rangeCovered(outerRanges, range.clock, range.clock + range.len)) return false;
    }
  }
  return true;
}

function sortedRanges(ranges: readonly DeleteRange[]): DeleteRange[] {
  return [...ranges].sort((a, b) => a.clock - b.clock);
}

function rangeCovered(sorted: readonly DeleteRange[], start: number, end: number): boolean {
  let reached = start;
  for (const range of sorted) {
    if (range.clock > reached) break;
    reached = Math.max(reached, range.clock + range.len);
    if (reached >= end) return true;
  }
  return reached >= end;
}
