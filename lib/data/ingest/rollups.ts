import "server-only";
import type { Engine, RawTx } from "@/lib/db/engine";
import { rollupBuckets, type LatencyBucket } from "@/lib/monitoring/latency";
import { rollupServingRangeInTx } from "@/lib/monitoring/rollups";

export const HOUR_SECONDS = 3600;
export const DAY_SECONDS = 86_400;

export interface RollupGroup {
  serviceId: string;
  environmentId: string;
  start: string;
}

/**
 * Recomputes the coarser buckets of the touched groups from the finer ones: counts add up,
 * percentiles are request-weighted means (approximate, as combineLatency says) unless every
 * finer bucket has a histogram with the same edges, which then merge exactly.
 */
export async function rollupGroupsInTx(
  tx: RawTx,
  groups: RollupGroup[],
  options: { from: number; to: number; hasHistograms: boolean; hasViewTimings: boolean },
): Promise<void> {
  if (groups.length === 0) return;
  const params = [
    groups.map((group) => group.serviceId),
    groups.map((group) => group.environmentId),
    groups.map((group) => group.start),
    options.to,
    options.from,
  ];
  // One index range scan of the unique key per touched group (OFFSET 0 keeps the planner from
  // flattening it into a join that scans every finer row when statistics lag behind bulk inserts).
  const touched = `(SELECT s, e, start::timestamp(3) AS start FROM unnest($1::text[], $2::text[], $3::text[]) AS g(s, e, start)) g
    CROSS JOIN LATERAL (SELECT * FROM serving_metric f WHERE f.feature_service_id = g.s AND f.environment_id = g.e
      AND f.bucket_seconds = $5::int AND f.bucket_start >= g.start AND f.bucket_start < g.start + make_interval(secs => $4::int)
      OFFSET 0) m`;
  await tx.query(
    `INSERT INTO serving_metric
       (workspace_id, feature_service_id, environment_id, bucket_start, bucket_seconds, request_count, error_count,
        latency_p50_ms, latency_p95_ms, latency_p99_ms, histogram, view_timings)
     SELECT min(m.workspace_id), g.s, g.e, g.start, $4::int, sum(m.request_count), sum(m.error_count),
            coalesce(sum(m.latency_p50_ms * m.request_count) / nullif(sum(m.request_count), 0), 0),
            coalesce(sum(m.latency_p95_ms * m.request_count) / nullif(sum(m.request_count), 0), 0),
            coalesce(sum(m.latency_p99_ms * m.request_count) / nullif(sum(m.request_count), 0), 0),
            NULL, NULL
       FROM ${touched}
      GROUP BY g.s, g.e, g.start
     ON CONFLICT (feature_service_id, environment_id, bucket_seconds, bucket_start) DO UPDATE SET
       request_count = EXCLUDED.request_count, error_count = EXCLUDED.error_count,
       latency_p50_ms = EXCLUDED.latency_p50_ms, latency_p95_ms = EXCLUDED.latency_p95_ms,
       latency_p99_ms = EXCLUDED.latency_p99_ms, histogram = NULL, view_timings = NULL`,
    params,
  );
  if (options.hasViewTimings) {
    await tx.query(
      `UPDATE serving_metric r SET view_timings = v.timings
         FROM (SELECT s, e, start, jsonb_object_agg(view_name, p99) AS timings
                 FROM (SELECT g.s, g.e, g.start, kv.key AS view_name,
                              coalesce(sum(kv.value::float8 * m.request_count) / nullif(sum(m.request_count), 0), 0) AS p99
                         FROM ${touched}
                        CROSS JOIN LATERAL jsonb_each_text(m.view_timings) kv
                        WHERE m.view_timings IS NOT NULL
                        GROUP BY g.s, g.e, g.start, kv.key) per_view
                GROUP BY s, e, start) v
        WHERE r.feature_service_id = v.s AND r.environment_id = v.e AND r.bucket_seconds = $4::int
          AND r.bucket_start = v.start`,
      params,
    );
  }
  if (options.hasHistograms) await mergeHistogramRollups(tx, groups, options.from, options.to);
}

/** Exact rollups where every finer bucket carries a histogram with the same edges. */
async function mergeHistogramRollups(tx: RawTx, groups: RollupGroup[], from: number, to: number): Promise<void> {
  const rows = await tx.query<{
    s: string;
    e: string;
    start: string;
    bucket_ms: string;
    request_count: number;
    error_count: number;
    p50: number;
    p95: number;
    p99: number;
    histogram: LatencyBucket["histogram"] | string | null;
  }>(
    `SELECT g.s, g.e, g.start_text AS start, (extract(epoch FROM m.bucket_start) * 1000)::int8::text AS bucket_ms,
            m.request_count, m.error_count, m.latency_p50_ms AS p50, m.latency_p95_ms AS p95, m.latency_p99_ms AS p99,
            m.histogram
       FROM (SELECT s, e, start AS start_text, start::timestamp(3) AS start
               FROM unnest($1::text[], $2::text[], $3::text[]) AS g(s, e, start)) g
      CROSS JOIN LATERAL (SELECT * FROM serving_metric f WHERE f.feature_service_id = g.s AND f.environment_id = g.e
        AND f.bucket_seconds = $5::int AND f.bucket_start >= g.start
        AND f.bucket_start < g.start + make_interval(secs => $4::int) OFFSET 0) m`,
    [groups.map((g) => g.serviceId), groups.map((g) => g.environmentId), groups.map((g) => g.start), to, from],
  );
  const byGroup = new Map<string, { group: RollupGroup; buckets: LatencyBucket[] }>();
  for (const row of rows) {
    const key = `${row.s}|${row.e}|${row.start}`;
    const entry = byGroup.get(key) ?? {
      group: { serviceId: row.s, environmentId: row.e, start: row.start },
      buckets: [],
    };
    const histogram = typeof row.histogram === "string" ? JSON.parse(row.histogram) : row.histogram;
    entry.buckets.push({
      bucketStart: new Date(Number(row.bucket_ms)),
      bucketSeconds: from,
      requestCount: row.request_count,
      errorCount: row.error_count,
      p50: row.p50,
      p95: row.p95,
      p99: row.p99,
      histogram,
    });
    byGroup.set(key, entry);
  }
  const updates: { group: RollupGroup; bucket: LatencyBucket }[] = [];
  for (const { group, buckets } of byGroup.values()) {
    const [rolled] = rollupBuckets(buckets, to);
    if (rolled?.histogram) updates.push({ group, bucket: rolled });
  }
  if (updates.length === 0) return;
  await tx.query(
    `UPDATE serving_metric r SET latency_p50_ms = u.p50, latency_p95_ms = u.p95, latency_p99_ms = u.p99,
            histogram = u.histogram::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::text[])
         AS u(s, e, start, p50, p95, p99, histogram)
      WHERE r.feature_service_id = u.s AND r.environment_id = u.e AND r.bucket_seconds = $8::int
        AND r.bucket_start = u.start::timestamp(3)`,
    [
      updates.map((u) => u.group.serviceId),
      updates.map((u) => u.group.environmentId),
      updates.map((u) => u.group.start),
      updates.map((u) => u.bucket.p50),
      updates.map((u) => u.bucket.p95),
      updates.map((u) => u.bucket.p99),
      updates.map((u) => JSON.stringify(u.bucket.histogram)),
      to,
    ],
  );
}

/**
 * Rebuilds the hourly and daily rollups of a whole time range (maintenance, benchmarks), in one
 * transaction. Percentiles are request-weighted means.
 */
export async function rollupServingRange(
  engine: Engine,
  options: { from: Date; to: Date; workspaceId?: string },
): Promise<{ hourly: number; daily: number }> {
  return engine.transaction((tx) => rollupServingRangeInTx(tx, options));
}
