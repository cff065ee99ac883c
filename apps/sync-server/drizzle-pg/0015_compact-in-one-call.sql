-- S69: compaction holds the document's exclusive lock for one call, not for its whole merge.
-- The caller reads the snapshot and log without any lock, merges them with its own state, and
-- hands the result here with what it read (the snapshot's seq, the rows up to its seq and their
-- highest seq). Under the lock this checks nothing changed below that seq meanwhile (another
-- compaction, an erasure, or a row stored into a gap) and then swaps the snapshot and drops those
-- rows; otherwise it leaves everything and says so. Appends used to wait behind the lock while
-- the whole merge ran, several round trips and a Yjs merge on the caller's thread, and every
-- batch holding an update of that document waited with them.
CREATE FUNCTION cyd_compact(
  lock_space integer, doc text, state bytea, up_to bigint, read_snapshot_seq bigint, read_rows bigint, read_max_seq bigint, at bigint
) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  now_snapshot_seq bigint;
  now_rows bigint;
  now_max_seq bigint;
BEGIN
  -- Another instance compacting, or an append in its transaction right now: the next commit considers it again.
  IF NOT pg_try_advisory_xact_lock(lock_space, hashtext(doc)) THEN
    RETURN false;
  END IF;
  SELECT COALESCE((SELECT s.seq FROM doc_snapshots s WHERE s.doc_id = doc), 0) INTO now_snapshot_seq;
  SELECT count(*), COALESCE(max(u.seq), 0) INTO now_rows, now_max_seq FROM doc_updates u WHERE u.doc_id = doc AND u.seq <= up_to;
  -- Rows only ever arrive (compaction and erasure, which remove them, change what is counted), so
  -- the same count and highest seq below up_to mean the same rows as were merged.
  IF now_snapshot_seq <> read_snapshot_seq OR now_rows <> read_rows OR now_max_seq <> read_max_seq THEN
    RETURN false;
  END IF;
  INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (doc, state, up_to, at)
    ON CONFLICT (doc_id) DO UPDATE SET state = EXCLUDED.state, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at;
  DELETE FROM doc_updates WHERE doc_id = doc AND seq <= up_to;
  RETURN true;
END
$$;
