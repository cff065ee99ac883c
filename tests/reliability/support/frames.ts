/**
 * Encoders and decoders for the y-websocket wire format, written the way the stock client and
 * the reference server write them, so every harness speaks exactly what real peers speak.
 * Message type numbers come from the model (SPEC W1); nothing here invents a format.
 */
import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@cydweithio/model';

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function syncStep1FrameFromVector(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** First varint of a frame: its message type, or -1 when even that cannot be read. */
export function frameType(frame: Uint8Array): number {
  try {
    return decoding.readVarUint(decoding.createDecoder(frame));
  } catch {
    return -1;
  }
}

export interface SyncPayload {
  /** y-protocols sub-type: 0 step 1, 1 step 2, 2 update. */
  step: number;
  payload: Uint8Array;
}

/** Splits a sync frame into its sub-type and payload, or null for other frames. */
export function readSyncFrame(frame: Uint8Array): SyncPayload | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.sync) return null;
  const step = decoding.readVarUint(decoder);
  return { step, payload: decoding.readVarUint8Array(decoder) };
}

/** The Yjs snapshot carried by a `durable` frame, or null for other frames. */
export function readDurableFrame(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.durable) return null;
  return decoding.readVarUint8Array(decoder);
}

export function durableFrame(snapshot: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.durable);
  encoding.writeVarUint8Array(encoder, snapshot);
  return encoding.toUint8Array(encoder);
}
