/**
 * The y-protocols sync layer, unmodified (PROTOCOL.md): step 1 (a state vector), step 2 (the
 * diff that answers a step 1) and update. The server writes all three and reads them strictly.
 */
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '@cydweithio/model';
import { malformed } from '../close-events';
import { readLengthPrefixed, type ClientMessage } from './read';

export const SyncMessage = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/**
 * One sync frame, laid out directly: the message and sync types (one byte each), the payload's
 * length as a varuint, the payload. Written once per update and shared by every recipient, so
 * no encoder and no second copy.
 */
function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let rest = payload.byteLength >>> 7; rest > 0; rest >>>= 7) lengthBytes += 1;
  const frame = new Uint8Array(2 + lengthBytes + payload.byteLength);
  frame[0] = MessageType.sync;
  frame[1] = syncType;
  let at = 2;
  let length = payload.byteLength;
  while (length > 0x7f) {
    frame[at++] = (length & 0x7f) | 0x80;
    length >>>= 7;
  }
  frame[at++] = length;
  frame.set(payload, at);
  return frame;
}

/** Step 1 carries the server's state vector (`Y.encodeStateVector`, or a cold room's copy of it). */
export function writeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SyncMessage.step1, stateVector);
}

/** Answers a client's step 1 with only what it lacks: the state-vector diff (SPEC S5). */
export function writeSyncStep2(diff: Uint8Array): Uint8Array {
  return syncFrame(SyncMessage.step2, diff);
}

/** Whether a step 1's state vector names no client: the client holds nothing yet (S64). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** The payload of a frame written by syncFrame: after the two type bytes and the length varuint. */
export function step2Payload(frame: Uint8Array): Uint8Array {
  let at = 2;
  while ((frame[at] ?? 0) & 0x80) at += 1;
  return frame.subarray(at + 1);
}

export function writeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SyncMessage.update, update);
}

/** After the message type: the sync type and its payload. A step 1's state vector must decode. */
export function readSyncMessage(decoder: decoding.Decoder): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncMessage.step1: {
      const stateVector = readLengthPrefixed(decoder, 'sync step 1');
      Y.decodeStateVector(stateVector); // throws on a malformed state vector
      return { kind: 'sync-step1', stateVector };
    }
    case SyncMessage.step2:
      return { kind: 'sync-step2', update: readLengthPrefixed(decoder, 'sync step 2') };
    case SyncMessage.update:
      return { kind: 'sync-update', update: readLengthPrefixed(decoder, 'sync update') };
    default:
      throw malformed(`unknown sync message type ${syncType}`);
  }
}
