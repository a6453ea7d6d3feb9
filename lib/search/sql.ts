import type { ParsedQuery } from "@/lib/search/query";
import { relevanceBucketSql } from "@/lib/search/ranking";
import {
  HEALTH_EXPR,
  HEALTH_JOINS,
  healthBadgeJoin,
  healthCtes,
  healthEnvironmentSql,
  viewFreshnessSql,
} from "@/lib/search/health-sql";
import type { SearchFilters, SearchSort } from "@/lib/search/types";

export { healthEnvironmentSql, viewFreshnessSql };

/**
 * Builds the parameterised SQL of catalog search over the search_document table. Pure: values
 * only ever travel as bound parameters ($1, $2 ...); the SQL text depends only on which
 * filters are present, never on their values. Teams and environments are named (slug, name)
 * and resolved inside the statement, so a search is one round trip that needs no lookups first.
 */

export interface SearchSqlInput {
  workspaceId: string;
  /** Null or no tokens with empty text: list mode (no text matching). */
  query: ParsedQuery | null;
  filters: SearchFilters;
  sort: SearchSort;
  limit: number;
  offset: number;
  /**
   * Environment whose freshness and drift decide health (by name; no name: the last one, prod).
   * Null: no health at all (no badges, facet or filter).
   */
  health: { environment?: string } | null;
  /** Epoch seconds "now" for freshness. */
  nowEpochSeconds: number;
  /** How many values of the long facets (owner, tag, entity, data type) to return. */
  facetLimit?: number;
}

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ""}`;
  }
}

/** True when the query has words to match; list mode otherwise. */
export function isTextSearch(query: ParsedQuery | null): query is ParsedQuery & { tsquery: string } {
  return query !== null && query.tsquery !== null;
}

/** The effective sort: relevance needs a text query; without one, name order. */
export function effectiveSort(query: ParsedQuery | null, sort: SearchSort): SearchSort {
  return sort === "relevance" && !isTextSearch(query) ? "name" : sort;
}

/**
 * Matching is two-tier. Strict: the full-text query (every word as a prefix, in any field) or
 * an exact name. Fuzzy, for typos and abbreviations: every word as typed or corrected to a word
 * of the registry within a few edits (the search_term lexicon, maxTypoEdits), matched by full
 * text ("logn atempt" -> (logn:* | login) & (atempt:* | attempt | attempts)), or pg_trgm word
 * similarity of the name ("login cnt"). Fuzzy matching runs only when strict matching finds
 * fewer than FUZZY_MIN objects, so broad queries never pay for it, and its hits rank after the
 * strict ones.
 */
export const FUZZY_MIN = 10;

/**
 * From this many strict matches on, a query is broad (a common word such as "eta"): ranking
 * every match by full-text rank would read thousands of documents, and their relevance differs
 * little, so broad matches are ranked by exact name, then usage, then name, which the usage
 * index gives in order without reading the rest (a rank cut).
 */
export const BROAD_MIN = 1000;

interface Conditions {
  /** Filters other than kind and text. */
  where: string[];
  kind: string | null;
  strict: string | null;
  fuzzy: string | null;
  /** Ranking signals of strict and fuzzy matches, fully ranked and past the rank cut. */
  signals: { strict: string; fuzzy: string; broad: string; fuzzyBroad: string };
  /** Lower-case exact names (a text[] parameter), for the index on lower(name). */
  exact: string | null;
  /** CTEs the conditions refer to (the typo-corrected query). */
  ctes: string[];
}

const NO_SIGNALS = `FALSE AS is_exact, FALSE AS is_prefix, 0::real AS text_rank, 0::real AS similarity, FALSE AS is_fuzzy`;

/**
 * CTEs "typo_terms" (the lexicon words near each query word) and "typo_query" (the tsquery of
 * every word as typed or corrected; no row when no word has a correction, so it matches nothing).
 * Lexicon words are plain letters and digits (search_words), quoted with quote_literal anyway.
 */
function typoCtes(input: SearchSqlInput, query: ParsedQuery, params: Params): string[] {
  const ws = params.add(input.workspaceId);
  const words = params.add(query.tokens, "text[]");
  const edits = params.add(query.typoEdits, "int[]");
  return [
    `typo_terms AS (
      SELECT q.i, t.term FROM unnest(${words}, ${edits}) WITH ORDINALITY AS q(word, edits, i)
      JOIN search_term t ON t.workspace_id = ${ws}
        AND char_length(t.term) BETWEEN char_length(q.word) - q.edits AND char_length(q.word) + q.edits
        AND t.term <> q.word AND levenshtein_less_equal(t.term, q.word, q.edits) <= q.edits
      WHERE q.edits > 0
    )`,
    `typo_query AS (
      SELECT to_tsquery('simple', string_agg(alternatives, ' & ' ORDER BY i)) AS tsq
      FROM (SELECT q.i, '(' || quote_literal(q.word) || ':*' || coalesce((SELECT string_agg(' | ' || quote_literal(t.term), '' ORDER BY t.term)
              FROM typo_terms t WHERE t.i = q.i), '') || ')' AS alternatives
            FROM unnest(${words}) WITH ORDINALITY AS q(word, i)) per_word
      HAVING EXISTS (SELECT 1 FROM typo_terms)
    )`,
  ];
}

function conditions(input: SearchSqlInput, params: Params): Conditions {
  const { filters, query } = input;
  const where = [`d.workspace_id = ${params.add(input.workspaceId)}`];
  let strict: string | null = null;
  let fuzzy: string | null = null;
  let exact: string | null = null;
  const ctes: string[] = [];
  const signals = { strict: NO_SIGNALS, fuzzy: NO_SIGNALS, broad: NO_SIGNALS, fuzzyBroad: NO_SIGNALS };
  if (isTextSearch(query)) {
    const tsq = params.add(query.tsquery);
    exact = params.add(query.exactNames, "text[]");
    const prefix = params.add(query.namePrefixPattern);
    strict = `(d.search_vector @@ to_tsquery('simple', ${tsq}) OR lower(d.name) = ANY (${exact}))`;
    const isExact = `(lower(d.name) = ANY (${exact}) OR lower(d.qualified_name) = ANY (${exact})) AS is_exact`;
    const common = `${isExact}, (lower(d.name) LIKE ${prefix}) AS is_prefix`;
    signals.strict = `${common}, ts_rank_cd(d.search_vector, to_tsquery('simple', ${tsq})) AS text_rank, 0::real AS similarity, FALSE AS is_fuzzy`;
    signals.broad = `${isExact}, FALSE AS is_prefix, 0::real AS text_rank, 0::real AS similarity, FALSE AS is_fuzzy`;
    const fuzzyParts: string[] = [];
    let textRank = "0::real";
    let similarity = "0::real";
    if (query.typoEdits.some((edits) => edits > 0)) {
      ctes.push(...typoCtes(input, query, params));
      fuzzyParts.push(`d.search_vector @@ (SELECT tsq FROM typo_query)`);
      textRank = `coalesce(ts_rank_cd(d.search_vector, (SELECT tsq FROM typo_query)), 0)`;
    }
    if (query.trigramText) {
      const trigram = params.add(query.trigramText);
      fuzzyParts.push(`${trigram} <% d.name_text`);
      similarity = `word_similarity(${trigram}, d.name_text)`;
    }
    if (fuzzyParts.length > 0) {
      fuzzy = `(${fuzzyParts.join(" OR ")})`;
      signals.fuzzy = `${common}, ${textRank} AS text_rank, ${similarity} AS similarity, TRUE AS is_fuzzy`;
      signals.fuzzyBroad = `${isExact}, FALSE AS is_prefix, 0::real AS text_rank, 0::real AS similarity, TRUE AS is_fuzzy`;
    }
  }
  if (filters.viewKind) where.push(`d.view_kind = ${params.add(filters.viewKind, '"FeatureViewKind"')}`);
  if (filters.entity !== undefined) where.push(`d.entity_names @> ARRAY[${params.add(filters.entity)}]::text[]`);
  if (filters.team !== undefined) {
    where.push(
      // Uncorrelated (the workspace is a parameter), so it runs once, not per row.
      `d.team_id = (SELECT t.id FROM team t WHERE t.workspace_id = ${params.add(input.workspaceId)} AND t.slug = ${params.add(filters.team)})`,
    );
  }
  if (filters.owner !== undefined) where.push(`d.owner = ${params.add(filters.owner)}`);
  if (filters.tag !== undefined) where.push(`d.tags @> ARRAY[${params.add(filters.tag)}]::text[]`);
  if (filters.dataType !== undefined) where.push(`d.data_type = ${params.add(filters.dataType)}`);
  if (filters.activeEnvironment !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM active_version av JOIN environment e ON e.id = av.environment_id
         WHERE e.workspace_id = d.workspace_id AND e.name = ${params.add(filters.activeEnvironment)}
           AND av.object_kind = d.version_kind AND av.object_id = d.version_object_id)`,
    );
  }
  // Models consume features and are consumed by nothing: they are neither used nor unused.
  if (filters.usage) {
    where.push(`${filters.usage === "used" ? "d.usage_count > 0" : "d.usage_count = 0"} AND d.object_kind <> 'model'`);
  }
  if (filters.health) {
    where.push(input.health ? `${HEALTH_EXPR} = ${params.add(filters.health)}` : "FALSE");
  }
  const kind = filters.kind ? `d.object_kind = ${params.add(filters.kind, '"ObjectKind"')}` : null;
  return { where, kind, strict, fuzzy, signals, exact, ctes };
}

/**
 * CTEs "strict_docs", "fuzzy_docs" and "docs" (their union, or every filtered document in
 * list mode) with the given columns, for the facet counts (every match counts). `countable` is
 * the condition of rows that count towards FUZZY_MIN (the kind filter, for facets that select
 * every kind).
 */
function docsCtes(c: Conditions, columns: string, from: string, extraWhere: string[], countable: string): string[] {
  const where = [...c.where, ...extraWhere];
  if (!c.strict) return [`docs AS (SELECT ${columns}, ${NO_SIGNALS} FROM ${from} WHERE ${where.join(" AND ")})`];
  const ctes = [
    ...c.ctes,
    `strict_docs AS MATERIALIZED (SELECT ${columns}, ${c.signals.strict} FROM ${from} WHERE ${[...where, c.strict].join(" AND ")})`,
  ];
  if (c.fuzzy) {
    ctes.push(`fuzzy_docs AS (SELECT ${columns}, ${c.signals.fuzzy} FROM ${from}
      WHERE ${[...where, c.fuzzy, `NOT ${c.strict}`].join(" AND ")}
        AND (SELECT count(*) FROM (SELECT 1 FROM strict_docs WHERE ${countable} LIMIT ${FUZZY_MIN}) few) < ${FUZZY_MIN})`);
    ctes.push(`docs AS (SELECT * FROM strict_docs UNION ALL SELECT * FROM fuzzy_docs)`);
  } else {
    ctes.push(`docs AS (SELECT * FROM strict_docs)`);
  }
  return ctes;
}

/**
 * The CTEs of a page of hits: "docs" holds the candidates of the page. Each tier (strict, then
 * fuzzy when strict finds fewer than FUZZY_MIN) is read and ranked up to BROAD_MIN matches. Below
 * that, those are all its matches; from it on, in relevance order, only
 * the offset + limit most used matches are read (the usage index in order, so the cost does not
 * grow with the number of matches), and for strict matches the exact names (their index).
 */
function hitDocsCtes(
  input: SearchSqlInput,
  c: Conditions,
  from: string,
  where: string[],
  params: Params,
  sort: SearchSort,
): string[] {
  if (!c.strict || !c.exact)
    return [`docs AS (SELECT ${RANK_COLUMNS}, ${NO_SIGNALS} FROM ${from} WHERE ${where.join(" AND ")})`];
  const ctes = [...c.ctes];
  const parts: string[] = [];
  const window = sort === "relevance" ? params.add(input.offset + input.limit, "int") : null;
  const tier = (name: string, condition: string, signals: string, broadSignals: string) => {
    const matching = [...where, condition].join(" AND ");
    if (!window) {
      ctes.push(`${name}_docs AS MATERIALIZED (SELECT ${RANK_COLUMNS}, ${signals} FROM ${from} WHERE ${matching})`);
      parts.push(`${name}_docs`);
      return;
    }
    // Up to BROAD_MIN matches, ranked; reaching BROAD_MIN means broad: those are dropped for the rank cut.
    const size = `(SELECT count(*) FROM ${name}_first)`;
    ctes.push(
      `${name}_first AS MATERIALIZED (SELECT ${RANK_COLUMNS}, ${signals} FROM ${from} WHERE ${matching} LIMIT ${BROAD_MIN})`,
      `${name}_docs AS (SELECT * FROM ${name}_first WHERE ${size} < ${BROAD_MIN})`,
      `${name}_broad AS (SELECT ${RANK_COLUMNS}, ${broadSignals} FROM ${from}
        WHERE ${matching} AND ${size} >= ${BROAD_MIN}
        ORDER BY d.usage_count DESC, d.name COLLATE "C", d.object_kind::text, d.object_id LIMIT ${window})`,
    );
    parts.push(`${name}_docs`, `${name}_broad`);
  };
  tier("strict", `${c.strict} AND NOT (lower(d.name) = ANY (${c.exact}))`, c.signals.strict, c.signals.broad);
  // Exact names by their index, whatever the tier's size.
  ctes.push(`exact_docs AS (SELECT ${RANK_COLUMNS}, ${c.signals.strict} FROM ${from}
    WHERE ${[...where, `lower(d.name) = ANY (${c.exact})`].join(" AND ")})`);
  parts.push("exact_docs");
  if (c.fuzzy) {
    const strictCount = window ? "(SELECT count(*) FROM strict_first)" : "(SELECT count(*) FROM strict_docs)";
    const fewStrict = `${strictCount} + (SELECT count(*) FROM exact_docs) < ${FUZZY_MIN}`;
    tier("fuzzy", `${c.fuzzy} AND NOT ${c.strict} AND ${fewStrict}`, c.signals.fuzzy, c.signals.fuzzyBroad);
  }
  ctes.push(`docs AS (${parts.map((part) => `SELECT * FROM ${part}`).join(" UNION ALL ")})`);
  return ctes;
}

function needsHealth(input: SearchSqlInput): boolean {
  return Boolean(input.filters.health && input.health);
}

/** Columns matching and ordering need; the rest of a hit is read for the page's rows only. */
const RANK_COLUMNS = `d.object_kind, d.object_id, d.object_kind::text AS kind, d.object_id AS id, d.name, d.usage_count,
  d.updated_at`;

/** The rest of a hit, read by primary key for the rows of one page (a data source's type from its row). */
const DETAIL_COLUMNS = `d.qualified_name, d.parent_id, d.parent_name, left(d.description, 240) AS description, d.tags,
  d.team_id, d.owner, d.view_kind::text AS view_kind, d.entity_names, d.data_type, d.version_kind::text AS version_kind,
  d.version_object_id, ds.kind::text AS source_kind, ds.platform AS source_platform`;

/**
 * One page of hits with their ranking signals, in the requested order. Matching and ranking
 * carry only narrow rows (a broad query ranks thousands); the details of the page's rows are
 * then read by primary key, and with health, each row's badge: drifting (an open statistic
 * alert on the feature), else its feature view's freshness (stale / fresh).
 */
export function buildHitsSql(input: SearchSqlInput): SqlStatement {
  const params = new Params();
  const withHealth = needsHealth(input);
  const ctes = withHealth ? healthCtes(input, params) : [];
  const c = conditions(input, params);
  const from = `search_document d${withHealth ? HEALTH_JOINS : ""}`;
  const sort = effectiveSort(input.query, input.sort);
  ctes.push(...hitDocsCtes(input, c, from, c.kind ? [...c.where, c.kind] : c.where, params, sort));
  const order = orderBy(sort);
  ctes.push(`page AS (SELECT * FROM docs
    ORDER BY ${order}
    LIMIT ${params.add(input.limit, "int")} OFFSET ${params.add(input.offset, "int")})`);
  const sql = `WITH ${ctes.join(",\n")}
  SELECT hit.kind, hit.id, hit.name, hit.usage_count, hit.updated_at, hit.is_exact, hit.is_prefix, hit.text_rank,
    hit.similarity, hit.is_fuzzy, detail.*, ${input.health ? "badge.health" : "NULL::text AS health"}
  FROM page hit
  CROSS JOIN LATERAL (SELECT ${DETAIL_COLUMNS} FROM search_document d
    LEFT JOIN data_source ds ON d.object_kind = 'data_source' AND ds.id = d.object_id
    WHERE d.object_kind = hit.object_kind AND d.object_id = hit.object_id) detail
  ${input.health ? healthBadgeJoin(input, params) : ""}
  ORDER BY ${order}`;
  return { sql, params: params.values };
}

function orderBy(sort: SearchSort): string {
  switch (sort) {
    case "relevance":
      return `is_exact DESC, is_fuzzy, ${relevanceBucketSql()} DESC, usage_count DESC, name COLLATE "C", kind, id`;
    case "updated":
      return `updated_at DESC, name COLLATE "C", kind, id`;
    case "usage":
      return `usage_count DESC, name COLLATE "C", kind, id`;
    case "name":
      return `name COLLATE "C", kind, id`;
  }
}

/**
 * Facet counts, one statement: (facet, value, count) rows. The kind facet counts every kind
 * under the other filters (so tabs show what each kind would hold); the other facets count
 * within the selected kind. The matching documents are read once: one GROUPING SETS aggregate
 * (hashed, a few thousand groups at most) gives every facet's groups, and the array facets
 * (tags, entities) and environments are expanded from those groups rather than from each row.
 */
export function buildFacetsSql(input: SearchSqlInput): SqlStatement {
  const params = new Params();
  const ctes = healthCtes(input, params);
  const withHealth = ctes.length > 0;
  const c = conditions(input, params);
  const limit = params.add(input.facetLimit ?? 25, "int");
  // Health is counted per feature view group (freshness is the view's), not joined to every row;
  // only drift is per feature. The row joins stay for the health filter alone.
  const healthColumns = withHealth
    ? `(d.object_kind = 'feature' AND d.object_id IN (SELECT object_id FROM drifting)) AS drifting,
      d.object_kind IN ('feature', 'feature_view') AS has_health`
    : `FALSE AS drifting, FALSE AS has_health`;
  const columns = `d.object_kind, d.view_kind, d.team_id, d.owner, d.data_type,
      CASE WHEN d.object_kind <> 'model' THEN d.usage_count > 0 END AS used, d.tags,
      d.entity_names, d.version_kind, d.version_object_id, ${healthColumns}, ${c.kind ?? "TRUE"} AS kind_ok`;
  const from = `search_document d${needsHealth(input) ? HEALTH_JOINS : ""}`;
  ctes.push(...docsCtes(c, columns, from, [], "kind_ok"));
  // Each grouped column belongs to exactly one grouping set, so GROUPING(column) = 0 marks its rows.
  const sets: [string, string][] = [
    ["kind", "object_kind"],
    ["viewKind", "view_kind"],
    ["team", "team_id"],
    ["owner", "owner"],
    ["dataType", "data_type"],
    ["usage", "used"],
    ["tag", "tags"],
    ["entity", "entity_names"],
    ["env", "version_object_id"],
  ];
  const groupingSets = sets.map(([facet, column]) => {
    if (facet === "kind") return `(${column})`;
    // Environments and health share the groups of versioned objects (a feature view and its features).
    if (facet === "env") return `(kind_ok, version_kind, ${column}, has_health, drifting)`;
    return `(kind_ok, ${column})`;
  });
  ctes.push(`grouped AS MATERIALIZED (
    SELECT object_kind, view_kind, team_id, owner, data_type, used, tags, entity_names, version_kind, version_object_id,
      drifting, has_health, kind_ok, ${sets.map(([facet, column]) => `GROUPING(${column}) = 0 AS in_${facet}`).join(", ")},
      count(*)::int AS n
    FROM docs
    GROUP BY GROUPING SETS (${groupingSets.join(", ")})
  )`);
  const scoped = (facet: string) => `grouped WHERE in_${facet} AND kind_ok`;
  const top = (facet: string, expression: string, from: string, filter = "TRUE") =>
    `(SELECT '${facet}' AS facet, ${expression} AS value, sum(n)::int AS n FROM ${from} AND ${filter}
      GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${limit})`;
  const all = (facet: string, expression: string, from: string, filter = "TRUE") =>
    `(SELECT '${facet}' AS facet, ${expression} AS value, sum(n)::int AS n FROM ${from} AND ${filter} GROUP BY 2)`;
  const parts = [
    all("kind", "object_kind::text", "grouped WHERE in_kind"),
    all("viewKind", "view_kind::text", scoped("viewKind"), "view_kind IS NOT NULL"),
    all("team", "team_id", scoped("team"), "team_id IS NOT NULL"),
    top("owner", "owner", scoped("owner"), "owner <> ''"),
    top("dataType", "data_type", scoped("dataType"), "data_type IS NOT NULL"),
    all("usage", "CASE WHEN used THEN 'used' ELSE 'unused' END", scoped("usage"), "used IS NOT NULL"),
    top("tag", "t", `grouped, unnest(tags) AS t WHERE in_tag AND kind_ok`),
    top("entity", "e", `grouped, unnest(entity_names) AS e WHERE in_entity AND kind_ok`),
    all(
      "env",
      "av.environment_id",
      `grouped s JOIN active_version av ON av.object_kind = s.version_kind AND av.object_id = s.version_object_id
        WHERE s.in_env AND s.kind_ok`,
    ),
  ];
  if (withHealth) {
    parts.push(`(SELECT 'health' AS facet, status AS value, sum(n)::int AS n FROM (
      SELECT CASE WHEN s.drifting THEN 'drifting' ELSE vh.status END AS status, s.n
      FROM grouped s LEFT JOIN view_health vh ON vh.view_id = s.version_object_id
      WHERE s.in_env AND s.kind_ok AND s.has_health) h
    WHERE status IS NOT NULL GROUP BY 2)`);
  }
  const sql = `WITH ${ctes.join(",\n")}
  ${parts.join("\nUNION ALL ")}`;
  return { sql, params: params.values };
}
