import type { Params, SearchSqlInput } from "@/lib/search/sql";

/**
 * The health part of catalog search SQL: which environment decides health, a view's freshness
 * as the monitoring pages judge it, and the drifting features (an open statistic alert).
 */

/** The health environment's id as a scalar subquery: by name, else the last in the chain. */
export function healthEnvironmentSql(input: SearchSqlInput, params: Params): string {
  const ws = params.add(input.workspaceId);
  const name = input.health?.environment;
  return `(SELECT e.id FROM environment e WHERE e.workspace_id = ${ws}${name === undefined ? "" : ` AND e.name = ${params.add(name)}`}
    ORDER BY e.position DESC LIMIT 1)`;
}

/**
 * 'stale', 'fresh' or NULL for the feature view aliased `fv`, judged as the monitoring pages do
 * (lib/data/monitoring/freshness.ts with lib/monitoring/freshness.ts): the newest watermark of any
 * successful run that has ended (a running max: backfills may land out of order) against the
 * SLA (an explicit one, else twice the slide interval of a stream view, else twice the schedule).
 */
export function viewFreshnessSql(env: string, now: string): string {
  return `(SELECT CASE WHEN w.watermark IS NULL OR sla.seconds IS NULL THEN NULL
                  WHEN ${now} - extract(epoch FROM w.watermark) > sla.seconds THEN 'stale' ELSE 'fresh' END
     FROM (SELECT max(r.watermark) AS watermark FROM materialization_run r
            WHERE r.feature_view_id = fv.id AND r.environment_id = ${env} AND r.status = 'success'
              AND r.ended_at <= to_timestamp(${now}) AT TIME ZONE 'UTC') w,
          (SELECT coalesce(fv.freshness_sla_seconds,
             CASE WHEN fv.kind = 'stream' AND fv.slide_interval_seconds IS NOT NULL THEN 2 * fv.slide_interval_seconds
                  ELSE 2 * fv.schedule_seconds END) AS seconds) sla)`;
}

export function healthCtes(input: SearchSqlInput, params: Params): string[] {
  if (!input.health) return [];
  const env = healthEnvironmentSql(input, params);
  const ws = params.add(input.workspaceId);
  const now = params.add(input.nowEpochSeconds, "double precision");
  return [
    `view_health AS (
      SELECT fv.id AS view_id, ${viewFreshnessSql(env, now)} AS status
      FROM feature_view fv
      WHERE fv.workspace_id = ${ws} AND fv.kind <> 'on_demand'
    )`,
    `drifting AS (
      SELECT DISTINCT a.object_id FROM alert a JOIN alert_rule m ON m.id = a.rule_id
      WHERE a.workspace_id = ${ws} AND a.environment_id = ${env} AND a.ended_at IS NULL
        AND a.object_kind = 'feature' AND m.kind = 'statistic'
    )`,
  ];
}

export const HEALTH_JOINS = `
  LEFT JOIN view_health vh ON d.object_kind IN ('feature', 'feature_view') AND vh.view_id = d.version_object_id
  LEFT JOIN drifting dr ON d.object_kind = 'feature' AND dr.object_id = d.object_id`;

export const HEALTH_EXPR = `CASE WHEN dr.object_id IS NOT NULL THEN 'drifting' ELSE vh.status END`;

/** The health badge of one page row: drifting (an open statistic alert), else its view's freshness. */
export function healthBadgeJoin(input: SearchSqlInput, params: Params): string {
  const env = healthEnvironmentSql(input, params);
  const now = params.add(input.nowEpochSeconds, "double precision");
  return `LEFT JOIN LATERAL (
    SELECT CASE
      WHEN hit.kind = 'feature' AND EXISTS (
        SELECT 1 FROM alert a JOIN alert_rule m ON m.id = a.rule_id
        WHERE a.object_kind = 'feature' AND a.object_id = hit.id AND a.environment_id = he.id
          AND a.ended_at IS NULL AND m.kind = 'statistic') THEN 'drifting'
      ELSE fresh.status END AS health
    FROM (SELECT ${env} AS id) he
    LEFT JOIN LATERAL (SELECT ${viewFreshnessSql("he.id", now)} AS status
      FROM feature_view fv
      WHERE hit.kind IN ('feature', 'feature_view') AND fv.id = detail.version_object_id
        AND fv.kind <> 'on_demand') fresh ON TRUE
  ) badge ON TRUE`;
}
