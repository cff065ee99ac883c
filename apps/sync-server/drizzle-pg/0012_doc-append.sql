-- S66: a batch of updates is appended in one round trip. The function does what the server used
-- to do in five (BEGIN, the shared advisory locks, the snapshot's seq, the insert, COMMIT), in
-- the same order and with the same refusals (S51, S52): it runs as one statement, so it is one
-- transaction, and a refusal rolls the whole batch back. Each statement inside takes a fresh
-- snapshot (READ COMMITTED), so the checks after the lock see what was committed before it.
CREATE OR REPLACE FUNCTION cyd_append_updates(
  lock_space integer, doc_ids text[], seqs bigint[], updates bytea[], created bigint[], authors text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  inserted_docs text[];
  inserted_seqs bigint[];
  taken text[];
  last_seqs jsonb;
BEGIN
  -- Shared locks: appends never wait for each other, only a compaction (which only tries) is kept out.
  PERFORM pg_advisory_xact_lock_shared(lock_space, hashtext(d)) FROM (SELECT DISTINCT unnest(doc_ids) AS d) AS docs;

  WITH fresh AS (
    INSERT INTO doc_updates (doc_id, seq, "update", created_at, author)
    SELECT * FROM unnest(doc_ids, seqs, updates, created, authors)
    ON CONFLICT (doc_id, seq) DO NOTHING
    RETURNING doc_id, seq
  )
  SELECT array_agg(doc_id), array_agg(seq) INTO inserted_docs, inserted_seqs FROM fresh;

  -- Refused: a row stored below the snapshot (compacted away elsewhere), or a seq already held by
  -- other bytes. A seq held by the same bytes is this batch replayed after a lost answer: skipped.
  SELECT array_agg(DISTINCT i.doc_id) INTO taken
  FROM unnest(inserted_docs, inserted_seqs) AS i(doc_id, seq)
  JOIN doc_snapshots s ON s.doc_id = i.doc_id AND i.seq <= s.seq;
  IF coalesce(array_length(inserted_seqs, 1), 0) < array_length(seqs, 1) THEN
    SELECT array_agg(DISTINCT doc_id) INTO taken FROM (
      SELECT unnest(taken) AS doc_id
      UNION
      SELECT b.doc_id
      FROM unnest(doc_ids, seqs, updates) AS b(doc_id, seq, upd)
      LEFT JOIN doc_updates u ON u.doc_id = b.doc_id AND u.seq = b.seq
      WHERE NOT EXISTS (SELECT 1 FROM unnest(inserted_docs, inserted_seqs) AS i(doc_id, seq) WHERE i.doc_id = b.doc_id AND i.seq = b.seq)
        AND u."update" IS DISTINCT FROM b.upd
    ) AS refused;
  END IF;

  IF taken IS NOT NULL THEN
    SELECT jsonb_object_agg(d, GREATEST(
      COALESCE((SELECT max(seq) FROM doc_updates WHERE doc_id = d), 0),
      COALESCE((SELECT seq FROM doc_snapshots WHERE doc_id = d), 0))) INTO last_seqs
    FROM unnest(taken) AS d;
    RAISE EXCEPTION 'seqs already taken' USING ERRCODE = 'CY051', DETAIL = last_seqs::text;
  END IF;
END
$$;
