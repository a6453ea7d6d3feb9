-- Typo-tolerant search: a lexicon of the distinct words of every workspace's search documents
-- (names, tags, entities, descriptions, owners, teams: tsvector weights A-C), kept by a trigger on
-- search_document. A query word with no prefix match is expanded to the lexicon words within a
-- few edits (fuzzystrmatch's levenshtein_less_equal over words of a similar length), and the
-- documents are then matched by full text on the expanded words (lib/search/sql.ts).
-- Valid on PostgreSQL 15 and PGlite (both ship fuzzystrmatch).

CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE "search_term" (
    "workspace_id" TEXT NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "search_term_pkey" PRIMARY KEY ("workspace_id", "term")
);

-- Candidates for a word of n letters are the words of n-2 .. n+2 letters.
CREATE INDEX "search_term_length_idx" ON "search_term" ("workspace_id", char_length("term"));

-- The words of documents worth correcting towards: at least 3 characters (two edits turn a
-- shorter word into almost anything), at most 40, with a letter (not bare numbers).
CREATE FUNCTION search_document_terms(p_vector TSVECTOR) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT l.lexeme FROM unnest(p_vector) l
  WHERE l.weights && ARRAY['A', 'B', 'C']::text[]
    AND char_length(l.lexeme) BETWEEN 3 AND 40 AND l.lexeme ~ '[[:alpha:]]'
$$;

-- New documents add their words. Words are not removed when their last document goes (that
-- would need a count per word, updated by every writer: a hot row): a lingering word expands to
-- a full-text term that matches nothing, and search_rebuild prunes them.
CREATE FUNCTION search_terms_on_insert() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_term (workspace_id, term)
  SELECT DISTINCT a.workspace_id, t.term
  FROM added a CROSS JOIN LATERAL search_document_terms(a.search_vector) AS t(term)
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_terms_ins AFTER INSERT ON search_document REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_terms_on_insert();

-- The lexicon of a workspace (or all) from its documents: after bulk loads with the search
-- triggers off, and to drop words no document uses any more.
CREATE FUNCTION search_terms_rebuild(p_workspace_id TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_term WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id;
  INSERT INTO search_term (workspace_id, term)
  SELECT DISTINCT d.workspace_id, t.term
  FROM search_document d CROSS JOIN LATERAL search_document_terms(d.search_vector) AS t(term)
  WHERE p_workspace_id IS NULL OR d.workspace_id = p_workspace_id
  ON CONFLICT DO NOTHING;
END
$$;

CREATE OR REPLACE FUNCTION search_rebuild(p_workspace_id TEXT) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
  total INTEGER;
BEGIN
  DELETE FROM search_document WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id;
  PERFORM search_refresh('data_source', ARRAY(SELECT id FROM data_source WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_refresh('entity', ARRAY(SELECT id FROM entity WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_refresh('feature_view', ARRAY(SELECT id FROM feature_view WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_refresh('feature', ARRAY(SELECT id FROM feature WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_refresh('feature_service', ARRAY(SELECT id FROM feature_service WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_refresh('model', ARRAY(SELECT id FROM model WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_refresh('saved_dataset', ARRAY(SELECT id FROM saved_dataset WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id));
  PERFORM search_rebuild_derived(p_workspace_id);
  SELECT count(*) INTO total FROM search_document WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id;
  RETURN total;
END
$$;

-- ---------------------------------------------------------------- kept facet counts
-- The catalog's unfiltered lists (all kinds, or one kind, no search text) show facet counts over
-- every document: a full aggregate that grows with the registry (0.3-0.8 s at 100,000 features,
-- more with JIT). These counts are kept instead, as signed deltas appended by triggers: +1 per
-- facet value of an inserted document, -1 of a deleted one (documents are only ever inserted and
-- deleted: search_refresh deletes and re-inserts). Appending never updates a shared row, so
-- concurrent writers never wait on each other or deadlock over a popular count; readers sum the
-- rows of a workspace (a few thousand) and compact them now and then (lib/data/search-counts.ts).
-- Facets: kind (value ''), viewKind, team, owner, dataType, usage, tag, entity, env (environment
-- id, where the document's version is active) and view (feature view id of features and views,
-- for health, which depends on the time and is judged when read).
CREATE TABLE "search_facet_delta" (
    "workspace_id" TEXT NOT NULL,
    "object_kind" "ObjectKind" NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "n" INTEGER NOT NULL
);

CREATE INDEX "search_facet_delta_workspace_idx" ON "search_facet_delta" ("workspace_id", "facet", "value", "object_kind");

-- The facet values of documents, one row each (for a document set of a trigger or a workspace).
CREATE FUNCTION search_facet_values(p_docs TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    SELECT d.workspace_id, d.object_kind, f.facet, f.value FROM %1$s d
    CROSS JOIN LATERAL (VALUES ('kind', ''), ('viewKind', d.view_kind::text), ('team', d.team_id),
      ('owner', nullif(d.owner, '')), ('dataType', d.data_type),
      ('usage', CASE WHEN d.usage_count > 0 THEN 'used' ELSE 'unused' END),
      ('view', CASE WHEN d.object_kind IN ('feature', 'feature_view') THEN d.version_object_id END)) f(facet, value)
    WHERE f.value IS NOT NULL
    UNION ALL SELECT d.workspace_id, d.object_kind, 'tag', t.value FROM %1$s d CROSS JOIN LATERAL unnest(d.tags) t(value)
    UNION ALL SELECT d.workspace_id, d.object_kind, 'entity', e.value FROM %1$s d CROSS JOIN LATERAL unnest(d.entity_names) e(value)
    UNION ALL SELECT d.workspace_id, d.object_kind, 'env', av.environment_id FROM %1$s d
      JOIN active_version av ON av.object_kind = d.version_kind AND av.object_id = d.version_object_id
  $q$, p_docs)
$$;

CREATE FUNCTION search_counts_on_document() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO search_facet_delta (workspace_id, object_kind, facet, value, n)
     SELECT workspace_id, object_kind, facet, value, %s * count(*)::int FROM (%s) v GROUP BY 1, 2, 3, 4',
    CASE WHEN TG_OP = 'DELETE' THEN '-1' ELSE '1' END,
    search_facet_values(CASE WHEN TG_OP = 'DELETE' THEN 'removed' ELSE 'added' END));
  RETURN NULL;
END
$$;

CREATE TRIGGER search_counts_ins AFTER INSERT ON search_document REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_counts_on_document();
CREATE TRIGGER search_counts_del AFTER DELETE ON search_document REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION search_counts_on_document();

-- A version activated in (or removed from) an environment moves its documents in the env facet.
CREATE FUNCTION search_counts_on_active_version() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO search_facet_delta (workspace_id, object_kind, facet, value, n)
    SELECT d.workspace_id, d.object_kind, 'env', r.environment_id, -count(*)::int
    FROM removed r JOIN search_document d ON d.version_kind = r.object_kind AND d.version_object_id = r.object_id
    GROUP BY 1, 2, 4;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO search_facet_delta (workspace_id, object_kind, facet, value, n)
    SELECT d.workspace_id, d.object_kind, 'env', a.environment_id, count(*)::int
    FROM added a JOIN search_document d ON d.version_kind = a.object_kind AND d.version_object_id = a.object_id
    GROUP BY 1, 2, 4;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_counts_av_ins AFTER INSERT ON active_version REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_counts_on_active_version();
CREATE TRIGGER search_counts_av_upd AFTER UPDATE ON active_version REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION search_counts_on_active_version();
CREATE TRIGGER search_counts_av_del AFTER DELETE ON active_version REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION search_counts_on_active_version();

-- Exact counts of a workspace (or all) from its documents, as compact rows.
CREATE FUNCTION search_counts_rebuild(p_workspace_id TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_facet_delta WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id;
  EXECUTE format(
    'INSERT INTO search_facet_delta (workspace_id, object_kind, facet, value, n)
     SELECT workspace_id, object_kind, facet, value, count(*)::int FROM (%s) v GROUP BY 1, 2, 3, 4',
    search_facet_values('(SELECT * FROM search_document WHERE $1 IS NULL OR workspace_id = $1)'))
  USING p_workspace_id;
END
$$;

-- Rebuilding a workspace also rebuilds its lexicon and its counts (bulk loads switch the search
-- triggers off, so both are derived from the documents here).
CREATE FUNCTION search_rebuild_derived(p_workspace_id TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_terms_rebuild(p_workspace_id);
  PERFORM search_counts_rebuild(p_workspace_id);
END
$$;

-- Registries that existed before this migration.
SELECT search_terms_rebuild(NULL);
SELECT search_counts_rebuild(NULL);
