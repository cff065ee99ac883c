/**
 * A live document's deletions, kept as they happen (SPEC S9): sealing a durable acknowledgement
 * needs the document's delete set, and `Y.snapshot` rebuilds it by walking every struct of the
 * document, at every commit. Here each transaction adds what it deleted, and the set is merged
 * only when asked for: O(deleted ranges), not O(document).
 *
 * A transaction's own delete set holds every item it deleted, including items that arrived
 * deleted (deleted content, or inserted into a deleted parent). What it does not hold are GC
 * structs that arrived as such (a peer's garbage-collected content): those are read from the
 * structs the transaction added.
 */
import * as Y from 'yjs';

type DeleteSet = Y.Snapshot['ds'];

export class DeletedRanges {
  private merged: DeleteSet;
  private pending: DeleteSet[] = [];
  private readonly onTransaction = (transaction: Y.Transaction): void => this.add(transaction);

  constructor(private readonly doc: Y.Doc) {
    this.merged = Y.createDeleteSetFromStructStore(doc.store);
    doc.on('afterTransaction', this.onTransaction);
  }

  /** Every deleted range of the document now (do not modify it). */
  current(): DeleteSet {
    if (this.pending.length > 0) {
      this.merged = Y.mergeDeleteSets([this.merged, ...this.pending]);
      this.pending = [];
    }
    return this.merged;
  }

  /** The document's snapshot (state vector and delete set), as `Y.snapshot` would give it. */
  snapshot(): Y.Snapshot {
    return Y.createSnapshot(this.current(), stateVectorOf(this.doc));
  }

  stop(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private add(transaction: Y.Transaction): void {
    if (transaction.deleteSet.clients.size > 0) this.pending.push(transaction.deleteSet);
    let arrived: DeleteSet | undefined;
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = this.doc.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const struct = structs[i] as Y.GC | Y.Item;
        if (struct instanceof Y.GC) {
          arrived ??= Y.createDeleteSet();
          const ranges = arrived.clients.get(client) ?? [];
          ranges.push({ clock: struct.id.clock, len: struct.length } as (typeof ranges)[number]);
          arrived.clients.set(client, ranges);
        }
      }
    }
    if (arrived) this.pending.push(arrived);
  }
}

/** The document's state vector as a map (what Yjs's internal `getStateVector` does). */
export function stateVectorOf(doc: Y.Doc): Map<number, number> {
  const sv = new Map<number, number>();
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1];
    if (last) sv.set(client, last.id.clock + last.length);
  }
  return sv;
}
