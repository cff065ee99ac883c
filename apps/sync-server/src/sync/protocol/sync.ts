/**
 * The y-protocols sync layer, unmodified: step 1 (state vector), step 2 (the diff that answers a
 * step 1) and update. Encoders for the frames the server sends.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@cydweithio/model';

export const SyncMessage = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Step 1 carries the server's state vector (`Y.encodeStateVector`, or a cold room's copy of it). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame((encoder) => {
    encoding.writeVarUint(encoder, SyncMessage.step1);
    encoding.writeVarUint8Array(encoder, stateVector);
  });
}

/** Answers a client's step 1 with only what it lacks: the state-vector diff (SPEC S5). */
export function encodeSyncStep2(diff: Uint8Array): Uint8Array {
  return syncFrame((encoder) => {
    encoding.writeVarUint(encoder, SyncMessage.step2);
    encoding.writeVarUint8Array(encoder, diff);
  });
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update));
}
