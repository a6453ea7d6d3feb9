import type { RawTx } from "@/lib/db/engine";

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 86_400;

/**
 * Rebuilds the hourly and daily serving rollups of a time range in two set-based statements:
 * hours from raw minutes, days from hours. Counts add up; percentiles are request-weighted means
 * of the finer buckets (approximate, as lib/monitoring/latency.ts says); a bucket without
 * requests has latency 0. No server-only imports, so the demo loader can run it inside its own
 * transaction; rollupServingRange (lib/data/ingest/rollups.ts) runs it in one of its own.
 */
export async function rollupServingRangeInTx(
  tx: RawTx,
  options: { from: Date; to: Date; workspaceId?: string },
): Promise<{ hourly: number; daily: number }> {
  const counts = { hourly: 0, daily: 0 };
  for (const [source, target, unit] of [
    [60, HOUR_SECONDS, "hour"],
    [HOUR_SECONDS, DAY_SECONDS, "day"],
  ] as const) {
    const from = new Date(Math.floor(options.from.getTime() / (target * 1000)) * target * 1000);
    const rows = await tx.query<{ n: number }>(
      `WITH upserted AS (
         INSERT INTO serving_metric
           (workspace_id, feature_service_id, environment_id, bucket_start, bucket_seconds, request_count,
            error_count, latency_p50_ms, latency_p95_ms, latency_p99_ms)
         SELECT min(workspace_id), feature_service_id, environment_id, date_trunc('${unit}', bucket_start), $3::int,
                sum(request_count), sum(error_count),
                coalesce(sum(latency_p50_ms * request_count) / nullif(sum(request_count), 0), 0),
                coalesce(sum(latency_p95_ms * request_count) / nullif(sum(request_count), 0), 0),
                coalesce(sum(latency_p99_ms * request_count) / nullif(sum(request_count), 0), 0)
           FROM serving_metric
          WHERE bucket_seconds = $4::int AND bucket_start >= $1::timestamp(3) AND bucket_start < $2::timestamp(3)
            AND ($5::text IS NULL OR workspace_id = $5::text)
          GROUP BY feature_service_id, environment_id, date_trunc('${unit}', bucket_start)
         ON CONFLICT (feature_service_id, environment_id, bucket_seconds, bucket_start) DO UPDATE SET
           request_count = EXCLUDED.request_count, error_count = EXCLUDED.error_count,
           latency_p50_ms = EXCLUDED.latency_p50_ms, latency_p95_ms = EXCLUDED.latency_p95_ms,
           latency_p99_ms = EXCLUDED.latency_p99_ms
         RETURNING 1)
       SELECT count(*)::int AS n FROM upserted`,
      [from.toISOString(), options.to.toISOString(), target, source, options.workspaceId ?? null],
    );
    counts[unit === "hour" ? "hourly" : "daily"] = rows[0]?.n ?? 0;
  }
  return counts;
}
