import type { RawTx } from "@/lib/db/engine";
import type { DemoProfile, DemoRun, ServingSeries } from "@/lib/demo/monitoring";
import { newId, type LoadedIds } from "@/lib/demo/ids";

const SERVING_CHUNK = 20_000;

/* The 30 days of monitoring history, written with set-based inserts in one raw transaction. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function insertRuns(tx: RawTx, ids: LoadedIds, runs: DemoRun[]): Promise<number> {
  for (let offset = 0; offset < runs.length; offset += SERVING_CHUNK) {
    const chunk = runs.slice(offset, offset + SERVING_CHUNK);
    await tx.query(
      `INSERT INTO materialization_run
         (id, workspace_id, feature_view_id, environment_id, status, started_at, ended_at, rows_written, watermark, compute_seconds, cost)
       SELECT u.id, $1, u.view_id, u.env_id, u.status::"RunStatus", u.started_at::timestamp(3), u.ended_at::timestamp(3),
              u.rows_written, u.watermark::timestamp(3), u.compute_seconds, u.cost
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[], $9::text[], $10::float8[], $11::float8[])
           AS u(id, view_id, env_id, status, started_at, ended_at, rows_written, watermark, compute_seconds, cost)`,
      [
        ids.workspaceId,
        chunk.map(() => newId()),
        chunk.map((run) => ids.viewIds.get(run.view)!),
        chunk.map((run) => ids.envIds[run.env]),
        chunk.map((run) => run.status),
        chunk.map((run) => iso(run.startedAt)),
        chunk.map((run) => iso(run.endedAt)),
        chunk.map((run) => run.rowsWritten),
        chunk.map((run) => iso(run.watermark)),
        chunk.map((run) => run.computeSeconds),
        chunk.map((run) => run.cost),
      ],
    );
  }
  return runs.length;
}

export async function insertServingSeries(tx: RawTx, ids: LoadedIds, series: ServingSeries): Promise<number> {
  const total = series.requests.length;
  for (let offset = 0; offset < total; offset += SERVING_CHUNK) {
    const end = Math.min(total, offset + SERVING_CHUNK);
    const minutes: number[] = [];
    for (let i = offset; i < end; i++) minutes.push(i);
    await tx.query(
      `INSERT INTO serving_metric
         (workspace_id, feature_service_id, environment_id, bucket_start, bucket_seconds,
          request_count, error_count, latency_p50_ms, latency_p95_ms, latency_p99_ms)
       SELECT $1, $2, $3, $4::timestamp(3) + make_interval(mins => u.m), 60, u.r, u.e, u.p50, u.p95, u.p99
         FROM unnest($5::int[], $6::int[], $7::int[], $8::float8[], $9::float8[], $10::float8[]) AS u(m, r, e, p50, p95, p99)`,
      [
        ids.workspaceId,
        ids.serviceIds.get(series.service)!,
        ids.envIds[series.env],
        iso(series.startMs),
        minutes,
        series.requests.slice(offset, end),
        series.errors.slice(offset, end),
        series.p50.slice(offset, end),
        series.p95.slice(offset, end),
        series.p99.slice(offset, end),
      ],
    );
  }
  return total;
}

function pgArray(values: (number | string)[], quote: boolean): string {
  return `{${values.map((value) => (quote ? `"${String(value).replace(/["\\]/g, "\\$&")}"` : String(value))).join(",")}}`;
}

export async function insertProfiles(tx: RawTx, ids: LoadedIds, profiles: DemoProfile[]): Promise<number> {
  const chunkSize = 5_000;
  for (let offset = 0; offset < profiles.length; offset += chunkSize) {
    const chunk = profiles.slice(offset, offset + chunkSize);
    await tx.query(
      `INSERT INTO feature_profile
         (id, workspace_id, feature_id, environment_id, source, window_start, window_end, bin_edges, categories, counts,
          count, null_count, mean, std, min, max, quantiles, saved_dataset_id)
       SELECT u.id, $1, u.feature_id, u.env_id, u.source::"ProfileSource", u.window_start::timestamp(3), u.window_end::timestamp(3),
              u.bin_edges::float8[], u.categories::text[], u.counts::float8[], u.count, u.null_count,
              u.mean, u.std, u.min, u.max, u.quantiles::jsonb, u.saved_dataset_id
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                     $11::int8[], $12::int8[], $13::float8[], $14::float8[], $15::float8[], $16::float8[], $17::text[], $18::text[])
           AS u(id, feature_id, env_id, source, window_start, window_end, bin_edges, categories, counts,
                count, null_count, mean, std, min, max, quantiles, saved_dataset_id)`,
      [
        ids.workspaceId,
        chunk.map(() => newId()),
        chunk.map((profile) => ids.featureIds.get(profile.feature)!),
        chunk.map((profile) => ids.envIds[profile.env]),
        chunk.map((profile) => profile.source),
        chunk.map((profile) => iso(profile.windowStart)),
        chunk.map((profile) => iso(profile.windowEnd)),
        chunk.map((profile) => pgArray(profile.binEdges, false)),
        chunk.map((profile) => pgArray(profile.categories, true)),
        chunk.map((profile) => pgArray(profile.counts, false)),
        chunk.map((profile) => profile.count),
        chunk.map((profile) => profile.nullCount),
        chunk.map((profile) => profile.mean),
        chunk.map((profile) => profile.std),
        chunk.map((profile) => profile.min),
        chunk.map((profile) => profile.max),
        chunk.map((profile) => (profile.quantiles ? JSON.stringify(profile.quantiles) : null)),
        chunk.map((profile) => (profile.savedDataset ? ids.datasetIds.get(profile.savedDataset)! : null)),
      ],
    );
  }
  return profiles.length;
}
