import type * as Y from 'yjs';
import { deleteSetContains } from '@cydweithio/model/wire/durable';

/**
 * True when the durable snapshot contains everything in `required`: every clock of its state
 * vector and every deleted range. `required` is the document as it stood after this person's
 * last own change, so edits by others that arrive later (and are acknowledged to them, not to
 * us) never hold our badge at "syncing". Same rule as the model's isSavedBy, on two snapshots.
 */
export function snapshotCovers(durable: Y.Snapshot, required: Y.Snapshot): boolean {
  for (const [client, clock] of required.sv) {
    if ((durable.sv.get(client) ?? 0) < clock) return false;
  }
  return deleteSetContains(durable.ds, required.ds);
}
