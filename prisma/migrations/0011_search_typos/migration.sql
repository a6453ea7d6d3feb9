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
  PERFORM search_terms_rebuild(p_workspace_id);
  SELECT count(*) INTO total FROM search_document WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id;
  RETURN total;
END
$$;

-- Registries that existed before this migration.
SELECT search_terms_rebuild(NULL);
