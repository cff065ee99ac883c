/**
 * Frame classification for the decoder fuzz. How many sync step 2 answers a frame plus our probe should produce: one for the probe, and one
 * more when the fuzzed frame is itself a well-formed sync step 1 (the server answers it too).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MessageType } from '@cydweithio/model';

export function expectedAnswers(frame: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync || decoding.readVarUint(decoder) !== 0) return 1;
    Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    return decoding.hasContent(decoder) ? 1 : 2;
  } catch {
    return 1;
  }
}

/** True for a sync step 2 or update frame whose update Yjs decodes completely. */
export function isDecodableUpdate(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync || decoding.readVarUint(decoder) === 0) return false;
    const update = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) return false;
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
