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
  /**
   * Given by the caller, which holds the document's last seq in memory (the Room, from `load`):
   * asking the store for `max(seq)` per document per batch cost a query on the hot path.
   * Strictly increasing per document and above its stored `lastSeq`; a store refuses the batch
   * otherwise (a second writer on the same document would be a bug, not a race to paper over).
   */
  seq: number;
  update: Uint8Array;
  /** Who wrote it: the signed-in person behind the socket; absent for the server's own writes (A122). */
  author?: string | undefined;
}

export interface DocStore {
  load(docId: string): Promise<StoredDoc>;
  /**
   * Appends a batch (any number of documents) in ONE transaction: all of it or none of it.
   * Resolves after the commit is on disk. An entry already stored under its seq with the same
   * bytes is skipped, so a batch retried after its commit's answer was lost goes through; the
   * same seq with other bytes refuses the batch, unless the store renumbers (below).
   *
   * A store that several instances write to (PostgreSQL, S67) may instead store the entries of a
   * document whose seqs another writer took above its log, in the batch's order, and resolve with
   * the seq each entry is stored under (one per entry, in order). Stores that never do resolve
   * with nothing: every entry is stored under the seq it was given.
   */
  appendUpdates(batch: readonly UpdateToAppend[]): Promise<readonly number[] | void>;
  /**
   * Replaces the log up to and including `upToSeq` by `mergedState`, atomically. Resolves false
   * when it did nothing because another writer held the document (S52): the caller's view of the
   * log is then unchanged and the next commit considers compaction again.
   */
  compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<boolean>;
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
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 1) throw new Error(`appendUpdates: bad seq ${entry.seq} for ${entry.docId}`);
}

/** Checks seqs are strictly increasing per document within the batch, given each one's last stored seq. */
export function assertSeqsIncrease(batch: readonly UpdateToAppend[], storedLastSeq: (docId: string) => number): void {
  const last = new Map<string, number>();
  for (const entry of batch) {
    const previous = last.get(entry.docId) ?? storedLastSeq(entry.docId);
    if (entry.seq <= previous) throw new Error(`appendUpdates: seq ${entry.seq} not above ${previous} for ${entry.docId}`);
    last.set(entry.docId, entry.seq);
  }
}

/**
 * The check every store makes of a batch before its transaction (contract: batches are atomic):
 * each entry appendable, seqs increasing per document within the batch. Above the stored last
 * seq is the store's own to decide (its unique (document, seq) index, or memory's log).
 */
export function assertBatch(batch: readonly UpdateToAppend[]): void {
  batch.forEach(assertAppendable);
  assertSeqsIncrease(batch, () => 0);
}

/** What a store read for a document (its snapshot, if any, and the log after it) as a StoredDoc. */
export function storedDocFrom(snapshot: { state: Uint8Array; seq: number } | undefined, log: readonly { seq: number; update: Uint8Array }[]): StoredDoc {
  const snapshotSeq = snapshot?.seq ?? 0;
  const updates = log.map((row) => row.update);
  const stored: StoredDoc = {
    snapshotSeq,
    updates,
    lastSeq: log.at(-1)?.seq ?? snapshotSeq,
    logBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
    snapshotBytes: snapshot?.state.byteLength ?? 0,
  };
  if (snapshot) stored.snapshot = snapshot.state;
  return stored;
}

export function emptyStoredDoc(): StoredDoc {
  return { snapshotSeq: 0, updates: [], lastSeq: 0, logBytes: 0, snapshotBytes: 0 };
}

/**
 * A batch refused because another writer (a second instance on the same database, SPEC S50)
 * already stored some of its documents' seqs, or compacted past them. Nothing of the batch was
 * stored; `lastSeqs` holds each such document's stored last seq, so the caller renumbers above it
 * and retries.
 */
export class SeqTakenError extends Error {
  constructor(readonly lastSeqs: ReadonlyMap<string, number>) {
    super(`appendUpdates: seqs already taken for ${[...lastSeqs.keys()].join(', ')}`);
  }
}
