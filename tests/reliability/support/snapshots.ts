/** Snapshot containment: the model's `isSavedBy`, between two snapshots rather than a doc and one. */
import type * as Y from 'yjs';
import { deleteSetContains } from '@cydweithio/model/wire/durable';

/** True when `outer` contains every insert and every delete of `inner`. */
export function snapshotCovers(outer: Y.Snapshot, inner: Y.Snapshot): boolean {
  for (const [client, clock] of inner.sv) if ((outer.sv.get(client) ?? 0) < clock) return false;
  return deleteSetContains(outer.ds, inner.ds);
}
