/**
 * What a room knows of its document's stored log (SPEC S13-S14), owned by one value: the last
 * committed seq (seqs are assigned from it, S13), the log's size since the snapshot, and the
 * upper bound of the stored state's size that the document limit is checked against.
 */
import type { StoredDoc } from '../storage/doc-store';
import { shouldCompact } from '../storage/compaction';

export class RoomLog {
  lastSeq: number;
  private logBytes: number;
  private logCount: number;
  private snapshotBytes: number;
  /** Upper bound of the stored state's size: snapshot + log + what is applied and not yet stored. */
  estimatedBytes: number;

  constructor(stored: StoredDoc) {
    this.lastSeq = stored.lastSeq;
    this.logBytes = stored.logBytes;
    this.logCount = stored.updates.length;
    this.snapshotBytes = stored.snapshotBytes;
    this.estimatedBytes = stored.snapshotBytes + stored.logBytes;
  }

  /** An update was applied (it will be stored). */
  grew(bytes: number): void {
    this.estimatedBytes += bytes;
  }

  /** The merged state was encoded: the estimate is exact again. */
  measured(stateBytes: number): void {
    this.estimatedBytes = stateBytes;
  }

  /** An update was committed under `seq`. */
  committed(seq: number, bytes: number): void {
    this.lastSeq = seq;
    this.logBytes += bytes;
    this.logCount += 1;
  }

  /** Another instance committed this document up to `seq` (S51): the next seqs start above it. */
  advanceTo(seq: number): void {
    if (seq > this.lastSeq) this.lastSeq = seq;
  }

  /** The log up to `lastSeq` was merged into a snapshot of `stateBytes`. */
  compacted(stateBytes: number): void {
    this.snapshotBytes = stateBytes;
    this.logBytes = 0;
    this.logCount = 0;
  }

  wantsCompaction(minUpdates: number): boolean {
    return shouldCompact({ logBytes: this.logBytes, logCount: this.logCount, snapshotBytes: this.snapshotBytes }, minUpdates);
  }
}
