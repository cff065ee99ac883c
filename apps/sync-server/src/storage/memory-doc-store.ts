/** A DocStore in process memory: for tests and for running without a disk. Copies bytes in and out. */
import { assertAppendable, assertSeqsIncrease, emptyStoredDoc, storedDocFrom, type DocStore, type StoredDoc, type UpdateToAppend } from './doc-store';

interface MemoryDoc {
  snapshot?: Uint8Array;
  snapshotSeq: number;
  log: { seq: number; update: Uint8Array }[];
}

export class MemoryDocStore implements DocStore {
  private readonly docs = new Map<string, MemoryDoc>();

  async load(docId: string): Promise<StoredDoc> {
    const doc = this.docs.get(docId);
    if (!doc) return emptyStoredDoc();
    return storedDocFrom(doc.snapshot && { state: doc.snapshot.slice(), seq: doc.snapshotSeq }, doc.log.map((entry) => ({ seq: entry.seq, update: entry.update.slice() })));
  }

  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<void> {
    // Validate the whole batch before touching anything: all or nothing.
    batch.forEach(assertAppendable);
    const fresh = batch.filter((entry) => !this.alreadyStored(entry));
    assertSeqsIncrease(fresh, (docId) => {
      const doc = this.docs.get(docId);
      return doc?.log.at(-1)?.seq ?? doc?.snapshotSeq ?? 0;
    });
    for (const { docId, seq, update } of fresh) {
      const doc = this.docs.get(docId) ?? { snapshotSeq: 0, log: [] };
      this.docs.set(docId, doc);
      doc.log.push({ seq, update: update.slice() });
    }
  }

  /** The same bytes under the same seq: a replay of a committed batch (see DocStore.appendUpdates). */
  private alreadyStored({ docId, seq, update }: UpdateToAppend): boolean {
    const stored = this.docs.get(docId)?.log.find((entry) => entry.seq === seq);
    return stored !== undefined && Buffer.from(stored.update).equals(update);
  }

  async compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<boolean> {
    const doc = this.docs.get(docId) ?? { snapshotSeq: 0, log: [] };
    this.docs.set(docId, doc);
    doc.snapshot = mergedState.slice();
    doc.snapshotSeq = Math.max(doc.snapshotSeq, upToSeq);
    doc.log = doc.log.filter((entry) => entry.seq > upToSeq);
    return true;
  }

  async erase(docId: string): Promise<void> {
    this.docs.delete(docId);
  }

  async listDocIds(): Promise<string[]> {
    return [...this.docs.keys()].sort();
  }

  async close(): Promise<void> {}
}
