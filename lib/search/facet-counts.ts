import {
  healthEnvironmentSql,
  Params,
  viewFreshnessSql,
  type SearchSqlInput,
  type SqlStatement,
} from "@/lib/search/sql";

/**
 * Facet counts of the catalog's unfiltered lists read from the counts kept by the search
 * triggers (search_facet_delta, migration 0011) instead of aggregating every document. Pure:
 * builds the statement and shapes its rows; lib/data/search-counts.ts runs it.
 */

/** Owner, tag, entity and data type show their most frequent values only, as the full aggregate does. */
const TOP_FACETS = new Set(["owner", "tag", "entity", "dataType"]);

/** Kept counts answer lists without search text whose only filter is the kind. */
export function keptCountsApply(input: SearchSqlInput): boolean {
  const { kind, ...others } = input.filters;
  void kind;
  return input.query === null && Object.values(others).every((value) => value === undefined);
}

/**
 * (facet, value, n) rows: the kind facet over every kind, the others within the selected kind.
 * Two more rows, facet "_rows" and "_groups", tell the reader when the appended deltas are worth
 * compacting. The "view" facet (one count per feature view) is read only for health. Models are
 * left out of the usage facet: they consume features and nothing consumes them.
 */
export function buildKeptFacetsSql(input: SearchSqlInput): SqlStatement {
  const params = new Params();
  const ws = params.add(input.workspaceId);
  const kind = params.add(input.filters.kind ?? null, "text");
  const sql = `WITH kept AS MATERIALIZED (
      SELECT object_kind, facet, value, sum(n)::int AS n, count(*) AS raw FROM search_facet_delta
      WHERE workspace_id = ${ws} AND facet <> 'view' GROUP BY 1, 2, 3 HAVING sum(n) <> 0)
    SELECT 'kind' AS facet, object_kind::text AS value, n FROM kept WHERE facet = 'kind'
    UNION ALL SELECT facet, value, sum(n)::int AS n FROM kept
      WHERE facet <> 'kind' AND (${kind} IS NULL OR object_kind::text = ${kind})
        AND NOT (facet = 'usage' AND object_kind = 'model') GROUP BY 1, 2
    UNION ALL SELECT '_rows', '', sum(raw)::int FROM kept
    UNION ALL SELECT '_groups', '', count(*)::int FROM kept`;
  return { sql, params: params.values };
}

/**
 * The health facet of the same lists, judged now: each feature view's freshness in the health
 * environment (as the full aggregate does) applied to its documents, counted from the kept "view"
 * facet, with drifting features (an open statistic alert) counted as drifting instead. Its cost
 * grows with the number of feature views, so the reader caches it briefly.
 */
export function buildKeptHealthSql(input: SearchSqlInput): SqlStatement {
  const params = new Params();
  const ws = params.add(input.workspaceId);
  const kind = params.add(input.filters.kind ?? null, "text");
  const env = healthEnvironmentSql(input, params);
  const now = params.add(input.nowEpochSeconds, "double precision");
  const sql = `WITH per_view AS (SELECT value AS view_id, sum(n)::int AS n FROM search_facet_delta
      WHERE workspace_id = ${ws} AND facet = 'view' AND (${kind} IS NULL OR object_kind::text = ${kind})
      GROUP BY 1 HAVING sum(n) > 0),
    view_health AS (SELECT fv.id AS view_id, ${viewFreshnessSql(env, now)} AS status
      FROM feature_view fv WHERE fv.id IN (SELECT view_id FROM per_view) AND fv.kind <> 'on_demand'),
    drifting AS (SELECT d.version_object_id AS view_id, count(DISTINCT d.object_id)::int AS n
      FROM alert a JOIN alert_rule m ON m.id = a.rule_id
      JOIN search_document d ON d.object_kind = 'feature' AND d.object_id = a.object_id
      WHERE a.workspace_id = ${ws} AND a.environment_id = ${env} AND a.ended_at IS NULL
        AND a.object_kind = 'feature' AND m.kind = 'statistic' AND (${kind} IS NULL OR ${kind} = 'feature')
      GROUP BY 1)
    SELECT 'health' AS facet, status AS value, sum(n)::int AS n FROM (
      SELECT vh.status, pv.n - coalesce(dr.n, 0) AS n FROM per_view pv
      JOIN view_health vh ON vh.view_id = pv.view_id LEFT JOIN drifting dr ON dr.view_id = pv.view_id
      UNION ALL SELECT 'drifting', n FROM drifting) h
    WHERE status IS NOT NULL GROUP BY 2 HAVING sum(n) > 0`;
  return { sql, params: params.values };
}

export interface KeptFacetRow {
  facet: string;
  value: string;
  n: number;
}

/** Facet rows as the full aggregate gives them (top values of the long facets), and whether to compact. */
export function shapeKeptFacetRows(
  rows: KeptFacetRow[],
  facetLimit = 25,
): { rows: KeptFacetRow[]; shouldCompact: boolean } {
  const meta = (facet: string) => Number(rows.find((row) => row.facet === facet)?.n ?? 0);
  const byFacet = new Map<string, KeptFacetRow[]>();
  for (const row of rows) {
    if (row.facet.startsWith("_") || Number(row.n) <= 0) continue;
    const list = byFacet.get(row.facet) ?? [];
    list.push({ facet: row.facet, value: row.value, n: Number(row.n) });
    byFacet.set(row.facet, list);
  }
  const shaped: KeptFacetRow[] = [];
  for (const [facet, list] of byFacet) {
    if (!TOP_FACETS.has(facet)) {
      shaped.push(...list);
      continue;
    }
    list.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    shaped.push(...list.slice(0, facetLimit));
  }
  // Every write appends a few rows; once they outnumber the counts they add up to, fold them.
  return { rows: shaped, shouldCompact: meta("_rows") > 2 * meta("_groups") + 1_000 };
}

/** Folds a workspace's deltas into one row per count (concurrent folds each fold what they deleted). */
export function buildCompactCountsSql(workspaceId: string): SqlStatement {
  return {
    sql: `WITH gone AS (DELETE FROM search_facet_delta WHERE workspace_id = $1 RETURNING object_kind, facet, value, n)
      INSERT INTO search_facet_delta (workspace_id, object_kind, facet, value, n)
      SELECT $1, object_kind, facet, value, sum(n)::int FROM gone GROUP BY 2, 3, 4 HAVING sum(n) <> 0`,
    params: [workspaceId],
  };
}
