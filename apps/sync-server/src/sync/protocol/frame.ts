/**
 * Strict decoding of one client frame. The stock y-websocket client sends exactly one message per
 * frame; anything else (unknown type, truncated varint, length beyond the frame, trailing bytes,
 * a server-only message) is a MalformedFrameError and closes that socket (SPEC S17).
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from '@cydweithio/model';
import { SyncMessage } from './sync';

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class MalformedFrameError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MalformedFrameError';
  }
}

function readLengthPrefixed(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = decoding.readVarUint(decoder);
  const remaining = decoder.arr.length - decoder.pos;
  if (length > remaining) throw new MalformedFrameError(`${what}: length ${length} exceeds the ${remaining} bytes left`);
  return decoding.readUint8Array(decoder, length);
}

function readSync(decoder: decoding.Decoder): ClientMessage {
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
      throw new MalformedFrameError(`unknown sync message type ${syncType}`);
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync:
      return readSync(decoder);
    case MessageType.awareness:
      return { kind: 'awareness', update: readLengthPrefixed(decoder, 'awareness') };
    case MessageType.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      // auth and durable flow server -> client only.
      throw new MalformedFrameError(`unexpected message type ${type}`);
  }
}

export function decodeClientFrame(frame: Uint8Array): ClientMessage {
  if (frame.byteLength === 0) throw new MalformedFrameError('empty frame');
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(`undecodable frame: ${(error as Error).message}`);
  }
  if (decoder.pos !== frame.byteLength) {
    throw new MalformedFrameError(`${frame.byteLength - decoder.pos} trailing bytes after the message`);
  }
  return message;
}
