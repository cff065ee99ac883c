-- S68: a seq taken by a transaction still open when this call inserted is decided in this call.
-- The insert waits for that transaction; once it has ended, the attempt is rolled back to its
-- savepoint and made again on what is now committed, so an entry whose bytes the other writer
-- stored (an update this instance carried for it, S65) is skipped there, instead of the batch
-- being refused, renumbered by the caller and that update stored a second time. Replaces 0013's
-- function with the same signature and answer.
DROP FUNCTION IF EXISTS cyd_append_updates(integer, text[], bigint[], bytea[], bigint[], text[]);
--> statement-breakpoint
CREATE FUNCTION cyd_append_updates(
  lock_space integer, doc_ids text[], seqs bigint[], updates bytea[], created bigint[], authors text[]
) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
  final_seqs bigint[];
  held boolean[];
  skip boolean[];
  n integer := array_length(seqs, 1);
  k integer;
  attempt integer;
  d text;
  found_seq bigint;
  next_of jsonb;
  inserted integer;
  taken text[];
  last_seqs jsonb;
BEGIN
  -- Shared locks: appends never wait for each other, only a compaction (which only tries) is kept out.
  PERFORM pg_advisory_xact_lock_shared(lock_space, hashtext(x)) FROM (SELECT DISTINCT unnest(doc_ids) AS x) AS docs;

  -- A few attempts: each one after the first follows another writer's commit of a seq this batch
  -- asked for, which this batch then sees (each statement of a volatile function in READ
  -- COMMITTED reads what is committed when it starts).
  FOR attempt IN 1..4 LOOP
    BEGIN
      final_seqs := seqs;
      next_of := '{}';
      -- What is stored at the seqs asked for: nothing, the same bytes (this batch replayed after a
      -- lost answer, or an update carried for another instance that stored it: skipped), or
      -- another writer's row.
      SELECT array_agg(u.seq IS NOT NULL ORDER BY b.ord), array_agg(u.seq IS NOT NULL AND u."update" = b.upd ORDER BY b.ord)
        INTO held, skip
      FROM unnest(doc_ids, seqs, updates) WITH ORDINALITY AS b(doc_id, seq, upd, ord)
      LEFT JOIN doc_updates u ON u.doc_id = b.doc_id AND u.seq = b.seq;

      IF true = ANY(held) THEN
        -- From a document's first entry whose seq is held by other bytes, its entries go above its
        -- log, in the batch's order, so the log keeps each instance's updates in the order made.
        FOR k IN 1..n LOOP
          d := doc_ids[k];
          CONTINUE WHEN skip[k];
          IF NOT next_of ? d AND held[k] THEN
            -- Stored above already (an earlier attempt whose answer was lost, or the other writer): skipped too.
            SELECT u.seq INTO found_seq FROM doc_updates u WHERE u.doc_id = d AND u.seq > seqs[k] AND u."update" = updates[k] LIMIT 1;
            IF found_seq IS NOT NULL THEN
              final_seqs[k] := found_seq;
              skip[k] := true;
              CONTINUE;
            END IF;
            next_of := next_of || jsonb_build_object(d, GREATEST(
              COALESCE((SELECT max(u.seq) FROM doc_updates u WHERE u.doc_id = d), 0),
              COALESCE((SELECT s.seq FROM doc_snapshots s WHERE s.doc_id = d), 0)));
          END IF;
          IF next_of ? d THEN
            final_seqs[k] := (next_of ->> d)::bigint + 1;
            next_of := jsonb_set(next_of, ARRAY[d], to_jsonb(final_seqs[k]));
          END IF;
        END LOOP;
      END IF;

      -- A seq held by a transaction still open makes this insert wait for it; if it committed, the
      -- row is not inserted here.
      WITH fresh AS (
        INSERT INTO doc_updates (doc_id, seq, "update", created_at, author)
        SELECT b.doc_id, b.seq, b.upd, b.at, b.author
        FROM unnest(doc_ids, final_seqs, updates, created, authors, skip) AS b(doc_id, seq, upd, at, author, skipped)
        WHERE NOT b.skipped
        ON CONFLICT (doc_id, seq) DO NOTHING
        RETURNING 1
      )
      SELECT count(*) INTO inserted FROM fresh;

      IF inserted < (SELECT count(*) FROM unnest(skip) AS s(skipped) WHERE NOT s.skipped) THEN
        -- Undo this attempt (to the block's savepoint) and look again at what is committed now.
        RAISE EXCEPTION 'a seq was taken meanwhile' USING ERRCODE = 'CY052';
      END IF;

      -- Refused whole (S51), for the caller to number again: a row below the snapshot
      -- (compacted away elsewhere).
      SELECT array_agg(DISTINCT b.doc_id) INTO taken
      FROM unnest(doc_ids, final_seqs, skip) AS b(doc_id, seq, skipped)
      JOIN doc_snapshots s ON s.doc_id = b.doc_id AND b.seq <= s.seq
      WHERE NOT b.skipped;
      IF taken IS NULL OR array_length(taken, 1) IS NULL THEN
        RETURN final_seqs;
      END IF;
      EXIT;
    EXCEPTION WHEN SQLSTATE 'CY052' THEN
      -- Still taken after the last attempt: refused whole below, for the caller to renumber.
      IF attempt = 4 THEN
        taken := ARRAY(SELECT DISTINCT unnest(doc_ids));
      END IF;
    END;
  END LOOP;

  -- (The rows this call inserted count here too, before the rollback: the caller's next seqs may
  -- leave a gap, which nothing minds; the next call numbers above what is stored either way.)
  SELECT jsonb_object_agg(x, GREATEST(
    COALESCE((SELECT max(u.seq) FROM doc_updates u WHERE u.doc_id = x), 0),
    COALESCE((SELECT s.seq FROM doc_snapshots s WHERE s.doc_id = x), 0))) INTO last_seqs
  FROM unnest(taken) AS x;
  RAISE EXCEPTION 'seqs already taken' USING ERRCODE = 'CY051', DETAIL = last_seqs::text;
END
$$;
