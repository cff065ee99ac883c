/**
 * The y-protocols awareness layer (PROTOCOL.md): awareness (presence) updates and the query
 * for them. The server re-encodes every client awareness update after stamping it, so it parses
 * the wire format itself: a count, then per client its id, clock and JSON state (null = gone).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@cydweithio/model';
import { readLengthPrefixed, type ClientMessage } from './read';

/** An entry as it arrived: the state is still JSON text, parsed only for ids the sender may speak for. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  json: string;
}

/** An entry whose state is already JSON text (`null`: the client is gone). */
export interface EncodedPresence {
  clientID: number;
  clock: number;
  json: string | null;
}

/** Throws on anything that is not a well-formed awareness update. */
export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientID, clock, json: decoding.readVarString(decoder) });
  }
  if (decoder.pos !== update.byteLength) throw new Error('trailing bytes in awareness update');
  return entries;
}

/** A whole awareness frame: the message type, then the update of these entries. */
export function writeAwarenessEntries(entries: readonly EncodedPresence[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientID);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, entry.json ?? 'null');
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** After the message type: the awareness update (parsed and checked later, when it is stamped). */
export function readAwarenessMessage(decoder: decoding.Decoder): ClientMessage {
  return { kind: 'awareness', update: readLengthPrefixed(decoder, 'awareness') };
}

/** Query-awareness has no payload: the server answers with every present state. */
export function readQueryAwareness(): ClientMessage {
  return { kind: 'query-awareness' };
}
