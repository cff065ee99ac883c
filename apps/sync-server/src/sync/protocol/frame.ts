/**
 * Strict decoding of one client frame (PROTOCOL.md). The stock y-websocket client sends exactly
 * one message per frame; anything else (unknown type, truncated varint, length beyond the frame,
 * trailing bytes, a server-only message) is refused as malformed and closes that socket (SPEC
 * S17). Each layer reads its own messages (sync.ts, awareness.ts); this only dispatches.
 */
import * as decoding from 'lib0/decoding';
import { MessageType } from '@cydweithio/model';
import { Refusal, malformed } from '../close-events';
import { readAwarenessMessage, readQueryAwareness } from './awareness';
import type { ClientMessage } from './read';
import { readSyncMessage } from './sync';

export type { ClientMessage } from './read';

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync:
      return readSyncMessage(decoder);
    case MessageType.awareness:
      return readAwarenessMessage(decoder);
    case MessageType.queryAwareness:
      return readQueryAwareness();
    default:
      // auth and durable flow server -> client only.
      throw malformed(`unexpected message type ${type}`);
  }
}

export function decodeClientFrame(frame: Uint8Array): ClientMessage {
  if (frame.byteLength === 0) throw malformed('empty frame');
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw malformed(`undecodable frame: ${(error as Error).message}`);
  }
  if (decoder.pos !== frame.byteLength) throw malformed(`${frame.byteLength - decoder.pos} trailing bytes after the message`);
  return message;
}
