-- Bulk writes (apply, Feast import and sync) refresh search documents once per batch instead of
-- once per statement. The statement-level triggers of 0002 still run for every write, but while a
-- transaction has set `featureline.search_deferred` to 'on' (transaction-local, see
-- lib/data/search-refresh.ts), search_refresh only notes which documents are stale; the writer
-- then calls search_refresh_flush() once, which rebuilds each noted document one time, in one
-- set-based pass per kind (and so one lexicon and one facet-count update per kind, 0011).
-- Deletions of documents stay immediate (the 0002 triggers delete them directly).
-- Valid on PostgreSQL 15 and PGlite.

-- Stale documents of open transactions. Rows carry their transaction so a flush takes only its
-- own (on PostgreSQL another transaction's rows are invisible until it commits, and each flushes
-- its own before committing).
CREATE TABLE "search_refresh_pending" (
    "transaction_id" BIGINT NOT NULL DEFAULT txid_current(),
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL
);

CREATE INDEX "search_refresh_pending_transaction_idx" ON "search_refresh_pending" ("transaction_id", "object_kind");

-- The rebuild itself keeps its body; search_refresh becomes the entry point every trigger calls.
ALTER FUNCTION search_refresh("ObjectKind", TEXT[]) RENAME TO search_refresh_now;

CREATE FUNCTION search_refresh(p_kind "ObjectKind", p_ids TEXT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
    RETURN;
  END IF;
  IF current_setting('featureline.search_deferred', true) = 'on' THEN
    INSERT INTO search_refresh_pending (object_kind, object_id) SELECT p_kind, id FROM unnest(p_ids) AS id;
    RETURN;
  END IF;
  PERFORM search_refresh_now(p_kind, p_ids);
END
$$;

-- Ends the deferral of this transaction and rebuilds the documents it noted; returns how many.
CREATE FUNCTION search_refresh_flush() RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
  v_kind "ObjectKind";
  v_ids TEXT[];
  v_total INTEGER := 0;
BEGIN
  PERFORM set_config('featureline.search_deferred', 'off', true);
  FOR v_kind IN
    SELECT DISTINCT object_kind FROM search_refresh_pending WHERE transaction_id = txid_current()
  LOOP
    SELECT array_agg(DISTINCT object_id) INTO v_ids
    FROM search_refresh_pending WHERE transaction_id = txid_current() AND object_kind = v_kind;
    PERFORM search_refresh_now(v_kind, v_ids);
    v_total := v_total + cardinality(v_ids);
  END LOOP;
  DELETE FROM search_refresh_pending WHERE transaction_id = txid_current();
  RETURN v_total;
END
$$;
