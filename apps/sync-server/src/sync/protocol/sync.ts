/**
 * The y-protocols sync layer, unmodified (PROTOCOL.md): step 1 (a state vector), step 2 (the
 * diff that answers a step 1) and update. The server writes all three and reads them strictly.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
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

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Step 1 carries the server's state vector (`Y.encodeStateVector`, or a cold room's copy of it). */
export function writeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SyncMessage.step1, stateVector);
}

/** Answers a client's step 1 with only what it lacks: the state-vector diff (SPEC S5). */
export function writeSyncStep2(diff: Uint8Array): Uint8Array {
  return syncFrame(SyncMessage.step2, diff);
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
