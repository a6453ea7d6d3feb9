-- Catalog search: one denormalised row per registry object, kept current by statement-level
-- triggers on the registry tables (so every writer — authoring, apply, promotions, the demo and
-- bulk loaders — updates it without having to remember to), indexed for full-text search
-- (tsvector, names split on "_") and typo tolerance (pg_trgm word_similarity on the name).
-- Valid on PostgreSQL 15 and PGlite.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "search_document" (
    "object_kind" "ObjectKind" NOT NULL,
    "object_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    -- "view:feature" for features, the name otherwise.
    "qualified_name" TEXT NOT NULL,
    -- Lower-case name words ("login_count_5m" -> "login count 5m"): the trigram target.
    "name_text" TEXT NOT NULL,
    -- A feature's feature view.
    "parent_id" TEXT,
    "parent_name" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] NOT NULL DEFAULT '{}',
    "team_id" TEXT,
    "owner" TEXT NOT NULL DEFAULT '',
    "view_kind" "FeatureViewKind",
    "entity_names" TEXT[] NOT NULL DEFAULT '{}',
    "data_type" TEXT,
    -- Consumers: services and models for features and views, models for services, views for
    -- sources and entities, trained models for saved datasets.
    "usage_count" INTEGER NOT NULL DEFAULT 0,
    -- What active_version pins for this object (a feature is versioned with its view).
    "version_kind" "ObjectKind" NOT NULL,
    "version_object_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "search_vector" TSVECTOR NOT NULL,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("object_kind", "object_id")
);

CREATE INDEX "search_document_vector_idx" ON "search_document" USING GIN ("search_vector");
CREATE INDEX "search_document_name_trgm_idx" ON "search_document" USING GIN ("name_text" gin_trgm_ops);
CREATE INDEX "search_document_tags_idx" ON "search_document" USING GIN ("tags");
CREATE INDEX "search_document_entities_idx" ON "search_document" USING GIN ("entity_names");
-- Name order is byte order (COLLATE "C") on every engine, so pages are stable and the same.
CREATE INDEX "search_document_kind_name_idx" ON "search_document" ("workspace_id", "object_kind", "name" COLLATE "C", "object_id");
CREATE INDEX "search_document_name_idx" ON "search_document" ("workspace_id", "name" COLLATE "C", "object_kind", "object_id");
CREATE INDEX "search_document_lower_name_idx" ON "search_document" ("workspace_id", lower("name"));
CREATE INDEX "search_document_updated_idx" ON "search_document" ("workspace_id", "updated_at" DESC);
CREATE INDEX "search_document_usage_idx" ON "search_document" ("workspace_id", "usage_count" DESC);
CREATE INDEX "search_document_team_idx" ON "search_document" ("workspace_id", "team_id");
CREATE INDEX "search_document_owner_idx" ON "search_document" ("workspace_id", "owner");
CREATE INDEX "search_document_version_idx" ON "search_document" ("version_kind", "version_object_id");
CREATE INDEX "search_document_parent_idx" ON "search_document" ("parent_id");

-- Stars and comments are listed per user / per object.
CREATE INDEX "star_user_created_idx" ON "star" ("user_id", "created_at" DESC);

-- "login_count_5m" -> "login count 5m"; "avgSpend30d" -> "avg spend30d".
CREATE FUNCTION search_words(input TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(lower(regexp_replace(regexp_replace(coalesce(input, ''), '([a-z0-9])([A-Z])', '\1 \2', 'g'), '[^[:alnum:]]+', ' ', 'g')))
$$;

-- Rebuilds the documents of the given objects from the registry tables (ids that no longer
-- exist lose their document). Set-based, so a bulk statement costs one pass.
CREATE FUNCTION search_refresh(p_kind "ObjectKind", p_ids TEXT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM search_document WHERE object_kind = p_kind AND object_id = ANY (p_ids);

  IF p_kind = 'feature' THEN
    INSERT INTO search_document
    SELECT 'feature', f.id, f.workspace_id, f.name, fv.name || ':' || f.name, search_words(f.name),
      fv.id, fv.name, f.description,
      ARRAY(SELECT DISTINCT t FROM unnest(coalesce(f.tags, '{}') || coalesce(fv.tags, '{}')) AS t ORDER BY t),
      fv.team_id, coalesce(nullif(f.owner, ''), fv.owner), fv.kind, coalesce(ent.names, '{}'), f.value_type,
      coalesce(u.n, 0), 'feature_view', fv.id, f.updated_at,
      setweight(to_tsvector('simple', search_words(f.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(f.tags, '{}') || coalesce(fv.tags, '{}'), ' ')
           || ' ' || array_to_string(coalesce(ent.names, '{}'), ' ') || ' ' || fv.name || ' ' || f.value_type)), 'B')
      || setweight(to_tsvector('simple', search_words(f.description || ' ' || coalesce(nullif(f.owner, ''), fv.owner)
           || ' ' || coalesce(tm.name, '') || ' ' || coalesce(tm.slug, ''))), 'C')
      || setweight(to_tsvector('simple', search_words(coalesce(cols.names, ''))), 'D')
    FROM feature f
    JOIN feature_view fv ON fv.id = f.feature_view_id
    LEFT JOIN team tm ON tm.id = fv.team_id
    LEFT JOIN LATERAL (
      SELECT array_agg(e.name ORDER BY e.name) AS names
      FROM feature_view_entity fve JOIN entity e ON e.id = fve.entity_id
      WHERE fve.feature_view_id = fv.id
    ) ent ON TRUE
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT sf.feature_service_id) + count(DISTINCT mfs.model_id) AS n
      FROM feature_service_feature sf
      LEFT JOIN model_feature_service mfs ON mfs.feature_service_id = sf.feature_service_id
      WHERE sf.feature_id = f.id
    ) u ON TRUE
    LEFT JOIN LATERAL (
      SELECT string_agg(ds.name || ' ' || c.name, ' ') AS names
      FROM feature_source_column fsc
      JOIN data_source_column c ON c.id = fsc.column_id
      JOIN data_source ds ON ds.id = c.data_source_id
      WHERE fsc.feature_id = f.id
    ) cols ON TRUE
    WHERE f.id = ANY (p_ids);

  ELSIF p_kind = 'feature_view' THEN
    INSERT INTO search_document
    SELECT 'feature_view', fv.id, fv.workspace_id, fv.name, fv.name, search_words(fv.name),
      NULL, NULL, fv.description, coalesce(fv.tags, '{}'), fv.team_id, fv.owner, fv.kind,
      coalesce(ent.names, '{}'), NULL, coalesce(u.n, 0), 'feature_view', fv.id, fv.updated_at,
      setweight(to_tsvector('simple', search_words(fv.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(fv.tags, '{}'), ' ')
           || ' ' || array_to_string(coalesce(ent.names, '{}'), ' ') || ' ' || coalesce(src.names, '') || ' ' || fv.kind::text)), 'B')
      || setweight(to_tsvector('simple', search_words(fv.description || ' ' || fv.owner || ' ' || coalesce(tm.name, '')
           || ' ' || coalesce(tm.slug, ''))), 'C')
      || setweight(to_tsvector('simple', search_words(left(fv.transformation, 20000) || ' ' || coalesce(agg.text, ''))), 'D')
    FROM feature_view fv
    LEFT JOIN team tm ON tm.id = fv.team_id
    LEFT JOIN LATERAL (
      SELECT array_agg(e.name ORDER BY e.name) AS names
      FROM feature_view_entity fve JOIN entity e ON e.id = fve.entity_id
      WHERE fve.feature_view_id = fv.id
    ) ent ON TRUE
    LEFT JOIN LATERAL (
      SELECT string_agg(ds.name, ' ') AS names
      FROM feature_view_source fvs JOIN data_source ds ON ds.id = fvs.data_source_id
      WHERE fvs.feature_view_id = fv.id
    ) src ON TRUE
    LEFT JOIN LATERAL (
      SELECT string_agg(a.function || ' ' || a.column || ' ' || array_to_string(a.windows, ' '), ' ') AS text
      FROM aggregation a WHERE a.feature_view_id = fv.id
    ) agg ON TRUE
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT sf.feature_service_id) + count(DISTINCT mfs.model_id) AS n
      FROM feature f
      JOIN feature_service_feature sf ON sf.feature_id = f.id
      LEFT JOIN model_feature_service mfs ON mfs.feature_service_id = sf.feature_service_id
      WHERE f.feature_view_id = fv.id
    ) u ON TRUE
    WHERE fv.id = ANY (p_ids);

  ELSIF p_kind = 'data_source' THEN
    INSERT INTO search_document
    SELECT 'data_source', ds.id, ds.workspace_id, ds.name, ds.name, search_words(ds.name),
      NULL, NULL, ds.description, coalesce(ds.tags, '{}'), ds.team_id, ds.owner, NULL, '{}', NULL,
      (SELECT count(*) FROM feature_view_source fvs WHERE fvs.data_source_id = ds.id)::int,
      'data_source', ds.id, ds.updated_at,
      setweight(to_tsvector('simple', search_words(ds.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(ds.tags, '{}'), ' ') || ' ' || ds.platform
           || ' ' || ds.kind::text)), 'B')
      || setweight(to_tsvector('simple', search_words(ds.description || ' ' || ds.owner || ' ' || coalesce(tm.name, '')
           || ' ' || coalesce(tm.slug, ''))), 'C')
      || setweight(to_tsvector('simple', search_words(ds.location || ' ' || coalesce(
           (SELECT string_agg(c.name, ' ') FROM data_source_column c WHERE c.data_source_id = ds.id), ''))), 'D')
    FROM data_source ds
    LEFT JOIN team tm ON tm.id = ds.team_id
    WHERE ds.id = ANY (p_ids);

  ELSIF p_kind = 'entity' THEN
    INSERT INTO search_document
    SELECT 'entity', e.id, e.workspace_id, e.name, e.name, search_words(e.name),
      NULL, NULL, e.description, coalesce(e.tags, '{}'), e.team_id, e.owner, NULL, ARRAY[e.name], NULL,
      (SELECT count(*) FROM feature_view_entity fve WHERE fve.entity_id = e.id)::int,
      'entity', e.id, e.updated_at,
      setweight(to_tsvector('simple', search_words(e.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(e.tags, '{}'), ' ') || ' ' || coalesce(
           (SELECT string_agg(k.name, ' ') FROM entity_join_key k WHERE k.entity_id = e.id), ''))), 'B')
      || setweight(to_tsvector('simple', search_words(e.description || ' ' || e.owner || ' ' || coalesce(tm.name, '')
           || ' ' || coalesce(tm.slug, ''))), 'C')
    FROM entity e
    LEFT JOIN team tm ON tm.id = e.team_id
    WHERE e.id = ANY (p_ids);

  ELSIF p_kind = 'feature_service' THEN
    INSERT INTO search_document
    SELECT 'feature_service', s.id, s.workspace_id, s.name, s.name, search_words(s.name),
      NULL, NULL, s.description, coalesce(s.tags, '{}'), s.team_id, s.owner, NULL, '{}', NULL,
      (SELECT count(*) FROM model_feature_service m WHERE m.feature_service_id = s.id)::int,
      'feature_service', s.id, s.updated_at,
      setweight(to_tsvector('simple', search_words(s.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(s.tags, '{}'), ' '))), 'B')
      || setweight(to_tsvector('simple', search_words(s.description || ' ' || s.owner || ' ' || coalesce(tm.name, '')
           || ' ' || coalesce(tm.slug, ''))), 'C')
    FROM feature_service s
    LEFT JOIN team tm ON tm.id = s.team_id
    WHERE s.id = ANY (p_ids);

  ELSIF p_kind = 'model' THEN
    INSERT INTO search_document
    SELECT 'model', m.id, m.workspace_id, m.name, m.name, search_words(m.name),
      NULL, NULL, m.description, coalesce(m.tags, '{}'), m.team_id, m.owner, NULL, '{}', NULL, 0,
      'model', m.id, m.updated_at,
      setweight(to_tsvector('simple', search_words(m.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(m.tags, '{}'), ' ') || ' ' || m.endpoint)), 'B')
      || setweight(to_tsvector('simple', search_words(m.description || ' ' || m.owner || ' ' || coalesce(tm.name, '')
           || ' ' || coalesce(tm.slug, ''))), 'C')
    FROM model m
    LEFT JOIN team tm ON tm.id = m.team_id
    WHERE m.id = ANY (p_ids);

  ELSIF p_kind = 'saved_dataset' THEN
    INSERT INTO search_document
    SELECT 'saved_dataset', d.id, d.workspace_id, d.name, d.name, search_words(d.name),
      NULL, NULL, d.description, coalesce(d.tags, '{}'), d.team_id, d.owner, NULL, '{}', NULL,
      (SELECT count(*) FROM model m WHERE m.training_dataset_id = d.id)::int,
      'saved_dataset', d.id, d.updated_at,
      setweight(to_tsvector('simple', search_words(d.name)), 'A')
      || setweight(to_tsvector('simple', search_words(array_to_string(coalesce(d.tags, '{}'), ' '))), 'B')
      || setweight(to_tsvector('simple', search_words(d.description || ' ' || d.owner || ' ' || coalesce(tm.name, '')
           || ' ' || coalesce(tm.slug, ''))), 'C')
      || setweight(to_tsvector('simple', search_words(d.storage)), 'D')
    FROM saved_dataset d
    LEFT JOIN team tm ON tm.id = d.team_id
    WHERE d.id = ANY (p_ids);
  END IF;
END
$$;

-- A feature view's document and its features' (which carry its kind, entities and team).
CREATE FUNCTION search_refresh_views(p_view_ids TEXT[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh('feature_view', p_view_ids);
  PERFORM search_refresh('feature', ARRAY(SELECT id FROM feature WHERE feature_view_id = ANY (p_view_ids)));
END
$$;

-- Every document of a workspace (or of all workspaces), e.g. after a bulk load without triggers.
CREATE FUNCTION search_rebuild(p_workspace_id TEXT) RETURNS INTEGER
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
  SELECT count(*) INTO total FROM search_document WHERE p_workspace_id IS NULL OR workspace_id = p_workspace_id;
  RETURN total;
END
$$;

-- ---------------------------------------------------------------- triggers
-- Statement-level with transition tables: a bulk INSERT of 10,000 features refreshes them in
-- one set-based pass instead of 10,000 single-row ones. INSERT and UPDATE triggers name the
-- new rows "changed"; UPDATE and DELETE triggers name the old rows "removed".

-- Objects whose own columns feed their document.
CREATE FUNCTION search_on_object() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  v_kind "ObjectKind" := TG_ARGV[0]::"ObjectKind";
  ids TEXT[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_document d USING removed r WHERE d.object_kind = v_kind AND d.object_id = r.id;
    IF v_kind = 'model' THEN
      PERFORM search_refresh('saved_dataset', ARRAY(SELECT DISTINCT training_dataset_id FROM removed WHERE training_dataset_id IS NOT NULL));
    ELSIF v_kind = 'feature' THEN
      -- The view's usage counted the deleted features' services (views being deleted are gone).
      PERFORM search_refresh('feature_view', ARRAY(
        SELECT DISTINCT r.feature_view_id FROM removed r JOIN feature_view fv ON fv.id = r.feature_view_id));
    END IF;
    RETURN NULL;
  END IF;
  SELECT array_agg(id) INTO ids FROM changed;
  IF v_kind = 'feature_view' THEN
    PERFORM search_refresh_views(ids);
  ELSIF v_kind = 'entity' AND TG_OP = 'UPDATE' THEN
    -- A renamed entity changes the entity names of its views and their features.
    PERFORM search_refresh('entity', ids);
    PERFORM search_refresh_views(ARRAY(SELECT DISTINCT feature_view_id FROM feature_view_entity WHERE entity_id = ANY (ids)));
  ELSIF v_kind = 'data_source' AND TG_OP = 'UPDATE' THEN
    PERFORM search_refresh('data_source', ids);
    PERFORM search_refresh('feature_view', ARRAY(SELECT DISTINCT feature_view_id FROM feature_view_source WHERE data_source_id = ANY (ids)));
  ELSE
    PERFORM search_refresh(v_kind, ids);
  END IF;
  IF v_kind = 'model' THEN
    PERFORM search_refresh('saved_dataset', ARRAY(SELECT DISTINCT training_dataset_id FROM changed WHERE training_dataset_id IS NOT NULL));
    IF TG_OP = 'UPDATE' THEN
      PERFORM search_refresh('saved_dataset', ARRAY(SELECT DISTINCT training_dataset_id FROM removed WHERE training_dataset_id IS NOT NULL));
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_data_source_ins AFTER INSERT ON data_source REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('data_source');
CREATE TRIGGER search_data_source_upd AFTER UPDATE ON data_source REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('data_source');
CREATE TRIGGER search_data_source_del AFTER DELETE ON data_source REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('data_source');
CREATE TRIGGER search_entity_ins AFTER INSERT ON entity REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('entity');
CREATE TRIGGER search_entity_upd AFTER UPDATE ON entity REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('entity');
CREATE TRIGGER search_entity_del AFTER DELETE ON entity REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('entity');
CREATE TRIGGER search_feature_view_ins AFTER INSERT ON feature_view REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature_view');
CREATE TRIGGER search_feature_view_upd AFTER UPDATE ON feature_view REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature_view');
CREATE TRIGGER search_feature_view_del AFTER DELETE ON feature_view REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature_view');
CREATE TRIGGER search_feature_ins AFTER INSERT ON feature REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature');
CREATE TRIGGER search_feature_upd AFTER UPDATE ON feature REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature');
CREATE TRIGGER search_feature_del AFTER DELETE ON feature REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature');
CREATE TRIGGER search_feature_service_ins AFTER INSERT ON feature_service REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature_service');
CREATE TRIGGER search_feature_service_upd AFTER UPDATE ON feature_service REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature_service');
CREATE TRIGGER search_feature_service_del AFTER DELETE ON feature_service REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('feature_service');
CREATE TRIGGER search_model_ins AFTER INSERT ON model REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('model');
CREATE TRIGGER search_model_upd AFTER UPDATE ON model REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('model');
CREATE TRIGGER search_model_del AFTER DELETE ON model REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('model');
CREATE TRIGGER search_saved_dataset_ins AFTER INSERT ON saved_dataset REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('saved_dataset');
CREATE TRIGGER search_saved_dataset_upd AFTER UPDATE ON saved_dataset REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('saved_dataset');
CREATE TRIGGER search_saved_dataset_del AFTER DELETE ON saved_dataset REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_object('saved_dataset');

-- Link tables: what they change is someone else's document (usage counts, entity names,
-- source names, searchable column and aggregation text).
CREATE FUNCTION search_on_link() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  link TEXT := TG_ARGV[0];
  rows_json JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT coalesce(jsonb_agg(to_jsonb(c)), '[]') INTO rows_json FROM changed c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') INTO rows_json FROM removed r;
  ELSE
    SELECT coalesce(jsonb_agg(x), '[]') INTO rows_json
    FROM (SELECT to_jsonb(c) AS x FROM changed c UNION ALL SELECT to_jsonb(r) FROM removed r) both_sides;
  END IF;

  IF link = 'feature_service_feature' THEN
    -- A cascade from a deleted feature leaves no feature row: its old document names the view.
    PERFORM search_refresh('feature_view', ARRAY(
      SELECT f.feature_view_id FROM feature f
      WHERE f.id IN (SELECT r->>'feature_id' FROM jsonb_array_elements(rows_json) r)
      UNION
      SELECT d.parent_id FROM search_document d
      WHERE d.object_kind = 'feature' AND d.parent_id IS NOT NULL
        AND d.object_id IN (SELECT r->>'feature_id' FROM jsonb_array_elements(rows_json) r)));
    PERFORM search_refresh('feature', ARRAY(SELECT DISTINCT r->>'feature_id' FROM jsonb_array_elements(rows_json) r));
  ELSIF link = 'model_feature_service' THEN
    PERFORM search_refresh('feature_service', ARRAY(SELECT DISTINCT r->>'feature_service_id' FROM jsonb_array_elements(rows_json) r));
    PERFORM search_refresh('feature', ARRAY(
      SELECT DISTINCT sf.feature_id FROM feature_service_feature sf
      WHERE sf.feature_service_id IN (SELECT r->>'feature_service_id' FROM jsonb_array_elements(rows_json) r)));
    PERFORM search_refresh('feature_view', ARRAY(
      SELECT DISTINCT f.feature_view_id FROM feature_service_feature sf JOIN feature f ON f.id = sf.feature_id
      WHERE sf.feature_service_id IN (SELECT r->>'feature_service_id' FROM jsonb_array_elements(rows_json) r)));
  ELSIF link = 'feature_view_entity' THEN
    PERFORM search_refresh('entity', ARRAY(SELECT DISTINCT r->>'entity_id' FROM jsonb_array_elements(rows_json) r));
    PERFORM search_refresh_views(ARRAY(SELECT DISTINCT r->>'feature_view_id' FROM jsonb_array_elements(rows_json) r));
  ELSIF link = 'feature_view_source' THEN
    PERFORM search_refresh('data_source', ARRAY(SELECT DISTINCT r->>'data_source_id' FROM jsonb_array_elements(rows_json) r));
    PERFORM search_refresh('feature_view', ARRAY(SELECT DISTINCT r->>'feature_view_id' FROM jsonb_array_elements(rows_json) r));
  ELSIF link = 'aggregation' THEN
    PERFORM search_refresh('feature_view', ARRAY(SELECT DISTINCT r->>'feature_view_id' FROM jsonb_array_elements(rows_json) r));
  ELSIF link = 'feature_source_column' THEN
    PERFORM search_refresh('feature', ARRAY(SELECT DISTINCT r->>'feature_id' FROM jsonb_array_elements(rows_json) r));
  ELSIF link = 'data_source_column' OR link = 'entity_join_key' THEN
    PERFORM search_refresh(CASE WHEN link = 'data_source_column' THEN 'data_source' ELSE 'entity' END::"ObjectKind",
      ARRAY(SELECT DISTINCT coalesce(r->>'data_source_id', r->>'entity_id') FROM jsonb_array_elements(rows_json) r));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_fsf_ins AFTER INSERT ON feature_service_feature REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_service_feature');
CREATE TRIGGER search_fsf_del AFTER DELETE ON feature_service_feature REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_service_feature');
CREATE TRIGGER search_mfs_ins AFTER INSERT ON model_feature_service REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('model_feature_service');
CREATE TRIGGER search_mfs_del AFTER DELETE ON model_feature_service REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('model_feature_service');
CREATE TRIGGER search_fve_ins AFTER INSERT ON feature_view_entity REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_view_entity');
CREATE TRIGGER search_fve_del AFTER DELETE ON feature_view_entity REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_view_entity');
CREATE TRIGGER search_fvs_ins AFTER INSERT ON feature_view_source REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_view_source');
CREATE TRIGGER search_fvs_del AFTER DELETE ON feature_view_source REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_view_source');
CREATE TRIGGER search_agg_ins AFTER INSERT ON aggregation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('aggregation');
CREATE TRIGGER search_agg_upd AFTER UPDATE ON aggregation REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('aggregation');
CREATE TRIGGER search_agg_del AFTER DELETE ON aggregation REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('aggregation');
CREATE TRIGGER search_fsc_ins AFTER INSERT ON feature_source_column REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_source_column');
CREATE TRIGGER search_fsc_del AFTER DELETE ON feature_source_column REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('feature_source_column');
CREATE TRIGGER search_dsc_ins AFTER INSERT ON data_source_column REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('data_source_column');
CREATE TRIGGER search_dsc_upd AFTER UPDATE ON data_source_column REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('data_source_column');
CREATE TRIGGER search_dsc_del AFTER DELETE ON data_source_column REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('data_source_column');
CREATE TRIGGER search_ejk_ins AFTER INSERT ON entity_join_key REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('entity_join_key');
CREATE TRIGGER search_ejk_upd AFTER UPDATE ON entity_join_key REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('entity_join_key');
CREATE TRIGGER search_ejk_del AFTER DELETE ON entity_join_key REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_on_link('entity_join_key');

-- A renamed team changes the searchable team text of everything it owns.
CREATE FUNCTION search_on_team() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  team_ids TEXT[];
BEGIN
  SELECT array_agg(c.id) INTO team_ids FROM changed c JOIN removed r ON r.id = c.id
  WHERE c.name IS DISTINCT FROM r.name OR c.slug IS DISTINCT FROM r.slug;
  IF team_ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM search_refresh('data_source', ARRAY(SELECT id FROM data_source WHERE team_id = ANY (team_ids)));
  PERFORM search_refresh('entity', ARRAY(SELECT id FROM entity WHERE team_id = ANY (team_ids)));
  PERFORM search_refresh_views(ARRAY(SELECT id FROM feature_view WHERE team_id = ANY (team_ids)));
  PERFORM search_refresh('feature_service', ARRAY(SELECT id FROM feature_service WHERE team_id = ANY (team_ids)));
  PERFORM search_refresh('model', ARRAY(SELECT id FROM model WHERE team_id = ANY (team_ids)));
  PERFORM search_refresh('saved_dataset', ARRAY(SELECT id FROM saved_dataset WHERE team_id = ANY (team_ids)));
  RETURN NULL;
END
$$;

CREATE TRIGGER search_team_upd AFTER UPDATE ON team REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_team();

-- Registries that existed before this migration.
SELECT search_rebuild(NULL);
