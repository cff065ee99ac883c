/**
 * The compaction rule (SPEC S14). A document's log is merged into its snapshot when
 *   - the log holds at least `minUpdates` updates, AND
 *   - the log's bytes exceed the snapshot's bytes.
 * The second condition keeps compaction work proportional to writes: each compaction at least
 * halves the bytes to read on load, and a large quiet document is not rewritten for a few edits.
 * It runs off the hot path: after a commit, on a later tick, only when the document has no
 * uncommitted updates (so the merged state is exactly the log's state up to the last seq), and
 * on unload.
 */
export interface LogSize {
  logBytes: number;
  logCount: number;
  snapshotBytes: number;
}

export const DEFAULT_COMPACTION_MIN_UPDATES = 64;

export function shouldCompact(size: LogSize, minUpdates = DEFAULT_COMPACTION_MIN_UPDATES): boolean {
  return size.logCount >= minUpdates && size.logBytes > size.snapshotBytes;
}
