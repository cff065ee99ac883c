/** What every layer's reader shares: the decoded client messages and the strict length read. */
import * as decoding from 'lib0/decoding';
import { malformed } from '../close-events';

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** A varint length, then that many bytes; refused when the length runs past the frame. */
export function readLengthPrefixed(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = decoding.readVarUint(decoder);
  const remaining = decoder.arr.length - decoder.pos;
  if (length > remaining) throw malformed(`${what}: length ${length} exceeds the ${remaining} bytes left`);
  return decoding.readUint8Array(decoder, length);
}
