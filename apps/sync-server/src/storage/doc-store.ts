/**
 * Where documents live between loads. Small on purpose: every backend (memory, SQLite, later
 * PostgreSQL) implements it and runs the same contract suite (src/storage/contract.ts).
 */

/** Everything stored for one document: the compacted snapshot (if any) plus the log after it. */
export interface StoredDoc {
  /** Merged state up to `snapshotSeq` (`Y.encodeStateAsUpdate`), absent before the first compaction. */
  snapshot?: Uint8Array;
  snapshotSeq: number;
  /** Updates with seq > snapshotSeq, in commit order. */
  updates: Uint8Array[];
  /** Seq of the last stored update (or of the snapshot when the log is empty); 0 for a new document. */
  lastSeq: number;
  logBytes: number;
  snapshotBytes: number;
}

export interface UpdateToAppend {
  docId: string;
  update: Uint8Array;
}

export interface DocStore {
  load(docId: string): Promise<StoredDoc>;
  /**
   * Appends a batch (any number of documents) in ONE transaction: all of it or none of it.
   * Resolves, after the commit is on disk, with the seq given to each entry, in order.
   */
  appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]>;
  /** Replaces the log up to and including `upToSeq` by `mergedState`, atomically. */
  compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<void>;
  /** Removes every trace of the document. */
  erase(docId: string): Promise<void>;
  listDocIds(): Promise<string[]>;
  close(): Promise<void>;
}

/** Shared entry validation, so every store refuses the same batches (contract: batches are atomic). */
export function assertAppendable(entry: UpdateToAppend): void {
  if (typeof entry.docId !== 'string' || entry.docId.length === 0) throw new Error('appendUpdates: empty docId');
  if (!(entry.update instanceof Uint8Array) || entry.update.byteLength === 0) {
    throw new Error(`appendUpdates: empty update for ${entry.docId}`);
  }
}

export function emptyStoredDoc(): StoredDoc {
  return { snapshotSeq: 0, updates: [], lastSeq: 0, logBytes: 0, snapshotBytes: 0 };
}
