/**
 * The y-protocols awareness layer (PROTOCOL.md): awareness (presence) updates and the query
 * for them. The server re-encodes every client awareness update after stamping it, so it parses
 * the wire format itself: a count, then per client its id, clock and JSON state (null = gone).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@cydweithio/model';
import { readLengthPrefixed, type ClientMessage } from './read';

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: unknown;
}

/** Throws on anything that is not a well-formed awareness update. */
export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ clientID, clock, state });
  }
  if (decoder.pos !== update.byteLength) throw new Error('trailing bytes in awareness update');
  return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

export function writeAwarenessFrame(awareness: awarenessProtocol.Awareness, clientIDs: readonly number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clientIDs]));
  return encoding.toUint8Array(encoder);
}

/** After the message type: the awareness update (parsed and checked later, when it is stamped). */
export function readAwarenessMessage(decoder: decoding.Decoder): ClientMessage {
  return { kind: 'awareness', update: readLengthPrefixed(decoder, 'awareness') };
}

/** Query-awareness has no payload: the server answers with every present state. */
export function readQueryAwareness(): ClientMessage {
  return { kind: 'query-awareness' };
}
