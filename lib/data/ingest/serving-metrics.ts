import "server-only";
import type { RawTx } from "@/lib/db/engine";
import { AppError } from "@/lib/errors";
import { percentileFromHistogram } from "@/lib/monitoring/latency";
import type { ServingMetricItem } from "@/lib/validations/monitoring";
import { ingest, type IngestContext, type IngestOutcome, type IngestStore } from "./batch";
import { NameResolver } from "./names";
import { DAY_SECONDS, HOUR_SECONDS, rollupGroupsInTx, type RollupGroup } from "./rollups";
import { numberArrayLiteral } from "./sql-arrays";

const HOUR_MS = HOUR_SECONDS * 1000;
const UNIQUE_VIOLATION = "23505";
const DAY_MS = DAY_SECONDS * 1000;

export async function ingestServingMetrics(
  store: IngestStore,
  context: IngestContext,
  items: ServingMetricItem[],
): Promise<IngestOutcome> {
  return ingest(store, context, "serving_metrics", items, async () => {
    const resolver = await NameResolver.load(store.engine, context.workspaceId, {
      featureServices: items.map((item) => item.featureService),
    });
    const batch = servingColumns(items, resolver);
    resolver.throwIfUnknown();
    if (batch.duplicate) {
      const { index, first } = batch.duplicate;
      throw new AppError(
        "unprocessable",
        `items[${index}] repeats items[${first}]; send each bucketStart once per batch.`,
        {
          fields: [{ path: `items[${index}].bucketStart`, message: `Duplicate of items[${first}]` }],
        },
      );
    }
    const { hours, days, histograms, viewTimings } = batch;
    const hasHistograms = histograms !== null;
    const hasViewTimings = viewTimings !== null;
    return {
      touched: { kind: "feature_service" as const, ids: batch.serviceIds, environmentIds: batch.environmentIds },
      result: { rollups: { hourly: hours.length, daily: days.length } },
      write: async (tx: RawTx) => {
        // Batches for the same services take turns (in id order, so never deadlock). Without
        // this, two concurrent batches for one hour would each roll it up without the other's
        // uncommitted minutes, and the later commit would overwrite the hour with a partial sum.
        await tx.query("SELECT 1 FROM feature_service WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE", [
          batch.serviceIds,
        ]);
        // Ids travel once each ($2, $3) and rows refer to them by position, which keeps the
        // parameters of a 10,000-point batch small to encode and to parse. Positions follow
        // the ids' order, so sorting by them inserts in key order (neighbouring index pages).
        const insert = (onConflict: string) =>
          tx.query(
            `INSERT INTO serving_metric
               (workspace_id, feature_service_id, environment_id, bucket_start, bucket_seconds, request_count,
                error_count, latency_p50_ms, latency_p95_ms, latency_p99_ms, histogram, view_timings)
             SELECT $1, ($2::text[])[u.service], ($3::text[])[u.env],
                    'epoch'::timestamp(3) + u.ms * interval '1 millisecond', 60, u.requests, u.errors,
                    u.p50, u.p95, u.p99, ${hasHistograms ? "u.histogram::jsonb" : "NULL"}, ${hasViewTimings ? "u.view_timings::jsonb" : "NULL"}
               FROM unnest($4::int4[], $5::int4[], $6::int8[], $7::int4[], $8::int4[], $9::float8[], $10::float8[],
                           $11::float8[], $12::text[], $13::text[])
                 AS u(service, env, ms, requests, errors, p50, p95, p99, histogram, view_timings)
              ORDER BY u.service, u.env, u.ms
             ${onConflict}`,
            [
              context.workspaceId,
              batch.serviceIds,
              batch.environmentIds,
              numberArrayLiteral(batch.service),
              numberArrayLiteral(batch.environment),
              numberArrayLiteral(batch.bucketMs),
              numberArrayLiteral(batch.requests),
              numberArrayLiteral(batch.errors),
              numberArrayLiteral(batch.p50),
              numberArrayLiteral(batch.p95),
              numberArrayLiteral(batch.p99),
              // Columns no item uses are sent as empty arrays (unnest pads them with nulls).
              histograms ?? [],
              viewTimings ?? [],
            ],
          );
        // Most batches bring new minutes: a plain INSERT is a fifth cheaper than an upsert.
        // Re-sent minutes (a retry without an Idempotency-Key, a corrected bucket) hit the
        // key, and the batch is written again as an upsert that replaces them, so nothing is
        // ever double-counted.
        await tx.exec("SAVEPOINT new_minutes");
        try {
          await insert("");
          await tx.exec("RELEASE SAVEPOINT new_minutes");
        } catch (error) {
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
          await tx.exec("ROLLBACK TO SAVEPOINT new_minutes");
          await insert(
            `ON CONFLICT (feature_service_id, environment_id, bucket_seconds, bucket_start) DO UPDATE SET
               request_count = EXCLUDED.request_count, error_count = EXCLUDED.error_count,
               latency_p50_ms = EXCLUDED.latency_p50_ms, latency_p95_ms = EXCLUDED.latency_p95_ms,
               latency_p99_ms = EXCLUDED.latency_p99_ms, histogram = EXCLUDED.histogram,
               view_timings = EXCLUDED.view_timings`,
          );
        }
        await rollupGroupsInTx(tx, hours, { from: 60, to: HOUR_SECONDS, hasHistograms, hasViewTimings });
        await rollupGroupsInTx(tx, days, { from: HOUR_SECONDS, to: DAY_SECONDS, hasHistograms, hasViewTimings });
      },
    };
  });
}

/** A serving batch as parallel columns, with services and environments as 1-based positions. */
interface ServingColumns {
  serviceIds: string[];
  environmentIds: string[];
  service: number[];
  environment: number[];
  bucketMs: number[];
  requests: number[];
  errors: number[];
  p50: number[];
  p95: number[];
  p99: number[];
  /** Null when no item has one. */
  histograms: (string | null)[] | null;
  viewTimings: (string | null)[] | null;
  hours: RollupGroup[];
  days: RollupGroup[];
  /** The first repeated bucket, if any. */
  duplicate: { index: number; first: number } | null;
}

/**
 * One pass over the batch: resolves names, derives percentiles from histograms, finds repeated
 * buckets and the hours and days to roll up. Keys are numbers, not strings: this loop runs for
 * every ingested point.
 */
function servingColumns(items: ServingMetricItem[], resolver: NameResolver): ServingColumns {
  const columns: ServingColumns = {
    serviceIds: [],
    environmentIds: [],
    service: [],
    environment: [],
    bucketMs: [],
    requests: [],
    errors: [],
    p50: [],
    p95: [],
    p99: [],
    histograms: items.some((item) => item.histogram) ? [] : null,
    viewTimings: items.some((item) => item.viewTimings) ? [] : null,
    hours: [],
    days: [],
    duplicate: null,
  };
  const position = (ids: string[], known: Map<string, number>, id: string) => {
    let at = known.get(id);
    if (at === undefined) {
      at = ids.push(id);
      known.set(id, at);
    }
    return at;
  };
  const servicePositions = new Map<string, number>();
  const environmentPositions = new Map<string, number>();
  // Per service and environment: first item index by bucket, and the hour and day starts touched.
  const pairs = new Map<number, { buckets: Map<number, number>; hours: Set<number>; days: Set<number> }>();
  items.forEach((item, index) => {
    const service = position(columns.serviceIds, servicePositions, resolver.featureService(item.featureService, index));
    const environment = position(
      columns.environmentIds,
      environmentPositions,
      resolver.environment(item.environment, index),
    );
    const ms = item.bucketStart.getTime();
    const pairKey = service * 65_536 + environment;
    let pair = pairs.get(pairKey);
    if (!pair) {
      pair = { buckets: new Map(), hours: new Set(), days: new Set() };
      pairs.set(pairKey, pair);
    }
    const first = pair.buckets.get(ms);
    if (first !== undefined) columns.duplicate ??= { index, first };
    else pair.buckets.set(ms, index);
    pair.hours.add(Math.floor(ms / HOUR_MS) * HOUR_MS);
    pair.days.add(Math.floor(ms / DAY_MS) * DAY_MS);

    columns.service.push(service);
    columns.environment.push(environment);
    columns.bucketMs.push(ms);
    columns.requests.push(item.requestCount);
    columns.errors.push(item.errorCount);
    if (item.p50Ms !== undefined && item.p95Ms !== undefined && item.p99Ms !== undefined) {
      columns.p50.push(item.p50Ms);
      columns.p95.push(item.p95Ms);
      columns.p99.push(item.p99Ms);
    } else {
      // Percentiles derived from the histogram (an empty bucket has no latency: 0).
      const { edgesMs, counts } = item.histogram!;
      columns.p50.push(percentileFromHistogram(edgesMs, counts, 0.5) ?? 0);
      columns.p95.push(percentileFromHistogram(edgesMs, counts, 0.95) ?? 0);
      columns.p99.push(percentileFromHistogram(edgesMs, counts, 0.99) ?? 0);
    }
    columns.histograms?.push(item.histogram ? JSON.stringify(item.histogram) : null);
    columns.viewTimings?.push(item.viewTimings ? JSON.stringify(item.viewTimings) : null);
  });
  for (const [pairKey, pair] of pairs) {
    const serviceId = columns.serviceIds[Math.floor(pairKey / 65_536) - 1]!;
    const environmentId = columns.environmentIds[(pairKey % 65_536) - 1]!;
    for (const start of pair.hours)
      columns.hours.push({ serviceId, environmentId, start: new Date(start).toISOString() });
    for (const start of pair.days)
      columns.days.push({ serviceId, environmentId, start: new Date(start).toISOString() });
  }
  inIdOrder(columns.serviceIds, columns.service);
  inIdOrder(columns.environmentIds, columns.environment);
  return columns;
}

/** Sorts the ids and renumbers the 1-based positions that refer to them. */
function inIdOrder(ids: string[], positions: number[]): void {
  const sorted = [...ids].sort();
  const positionOf = new Map(sorted.map((id, index) => [id, index + 1]));
  const renumbered = ids.map((id) => positionOf.get(id)!);
  for (let i = 0; i < positions.length; i++) positions[i] = renumbered[positions[i]! - 1]!;
  ids.splice(0, ids.length, ...sorted);
}
