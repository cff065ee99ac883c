/** Our one addition to the protocol: the durable acknowledgement (SPEC S9). Encoded by the model. */
import type * as Y from 'yjs';
import { encodeDurable } from '@cydweithio/model/wire/durable';

export function writeDurable(committed: Y.Snapshot): Uint8Array {
  return encodeDurable(committed);
}
