import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { combineLatency, overBudget, type LatencyBucket, type LatencyHistogram } from "@/lib/monitoring/latency";
import type { FiringAlert } from "@/lib/monitoring/summary";
import { findFiringAlert } from "./firing";
import { bucketSecondsFor, floorTo, onlyIds, rawCutoff } from "./scope";

export interface ServiceLatency {
  id: string;
  name: string;
  owner: string;
  budgetMs: number | null;
  requestCount: number;
  errorCount: number;
  errorRate: number | null;
  /** Request-weighted mean of the buckets' p99: an approximation. */
  p99Ms: number | null;
  isOverBudget: boolean;
  /** Start of the newest per-minute bucket the platform reported (any time before `to`), if any. */
  lastReportedAt: string | null;
}

/**
 * Every service's traffic, error rate and (approximate) p99 over a window, from the stored
 * resolution that fits it. Services without traffic in the window have null latency.
 */
export async function listServiceLatency(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; from: Date; to: Date; serviceIds?: string[]; now?: Date },
): Promise<ServiceLatency[]> {
  const bucketSeconds = bucketSecondsFor(
    options.from,
    options.to,
    await rawCutoff(prisma, options.workspaceId, options.now ?? new Date()),
  );
  const ids = options.serviceIds ?? null;
  const rows = await prisma.$queryRaw<
    {
      id: string;
      name: string;
      owner: string;
      budget: number;
      requests: bigint | null;
      errors: bigint | null;
      p99: number | null;
      last_reported: Date | null;
    }[]
  >`
    SELECT s.id, s.name, s.owner, s.latency_budget_ms AS budget, m.requests, m.errors, m.p99, r.last_reported
      FROM feature_service s
      -- One range of serving_metric's key per service (the table's only index).
      CROSS JOIN LATERAL (
        SELECT sum(request_count) AS requests, sum(error_count) AS errors,
               sum(latency_p99_ms * request_count) / nullif(sum(request_count), 0) AS p99
          FROM serving_metric
         WHERE feature_service_id = s.id AND environment_id = ${options.environmentId}
           AND bucket_seconds = ${bucketSeconds} AND bucket_start >= ${floorTo(options.from, bucketSeconds)}
           AND bucket_start < ${options.to}) m
      -- The newest minute reported: the last entry of the service's range of the key.
      LEFT JOIN LATERAL (
        SELECT bucket_start AS last_reported FROM serving_metric
         WHERE feature_service_id = s.id AND environment_id = ${options.environmentId} AND bucket_seconds = 60
           AND bucket_start < ${options.to}
         ORDER BY bucket_start DESC LIMIT 1) r ON true
     WHERE s.workspace_id = ${options.workspaceId} ${onlyIds(Prisma.sql`s.id`, ids)}
     ORDER BY s.name`;
  return rows.map((row) => {
    const requests = Number(row.requests ?? 0);
    const errors = Number(row.errors ?? 0);
    const p99 = row.p99 === null ? null : Number(row.p99);
    return {
      id: row.id,
      name: row.name,
      owner: row.owner,
      budgetMs: row.budget,
      requestCount: requests,
      errorCount: errors,
      errorRate: requests > 0 ? errors / requests : null,
      p99Ms: p99,
      isOverBudget: overBudget(p99, row.budget),
      lastReportedAt: row.last_reported ? new Date(row.last_reported).toISOString() : null,
    };
  });
}

export interface ServingPoint {
  at: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  errorRate: number | null;
}

export interface ServingDetail {
  service: { id: string; name: string; owner: string; budgetMs: number | null };
  range: { from: string; to: string; bucketSeconds: number };
  points: ServingPoint[];
  summary: ReturnType<typeof combineLatency>;
  /** The worst alert firing on the service now, if any (the summary is never green then). */
  firing: FiringAlert | null;
  /** p99 of each feature view's lookup (request-weighted) and its share of the budget. */
  viewShares: { featureViewId: string | null; name: string; p99Ms: number | null; shareOfBudget: number | null }[];
}

export async function getServingDetail(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureServiceId: string; from: Date; to: Date; now?: Date },
): Promise<ServingDetail | null> {
  const [service, cutoff, firing] = await Promise.all([
    prisma.featureService.findFirst({
      where: { id: options.featureServiceId, workspaceId: options.workspaceId },
      select: {
        id: true,
        name: true,
        owner: true,
        latencyBudgetMs: true,
        features: { select: { feature: { select: { featureView: { select: { id: true, name: true } } } } } },
      },
    }),
    rawCutoff(prisma, options.workspaceId, options.now ?? new Date()),
    findFiringAlert(prisma, {
      workspaceId: options.workspaceId,
      environmentId: options.environmentId,
      objectKind: "feature_service",
      objectId: options.featureServiceId,
    }),
  ]);
  if (!service) return null;
  const bucketSeconds = bucketSecondsFor(options.from, options.to, cutoff);
  const rows = await prisma.servingMetric.findMany({
    where: {
      featureServiceId: service.id,
      environmentId: options.environmentId,
      bucketSeconds,
      bucketStart: { gte: floorTo(options.from, bucketSeconds), lt: options.to },
    },
    orderBy: { bucketStart: "asc" },
    select: {
      bucketStart: true,
      requestCount: true,
      errorCount: true,
      latencyP50Ms: true,
      latencyP95Ms: true,
      latencyP99Ms: true,
      histogram: true,
      viewTimings: true,
    },
  });
  const buckets: LatencyBucket[] = rows.map((row) => ({
    bucketStart: row.bucketStart,
    bucketSeconds,
    requestCount: row.requestCount,
    errorCount: row.errorCount,
    p50: row.latencyP50Ms,
    p95: row.latencyP95Ms,
    p99: row.latencyP99Ms,
    histogram: asHistogram(row.histogram),
    // Rollups without a histogram were approximated when they were built.
    isApproximate: bucketSeconds > 60 && !row.histogram,
  }));
  const summary = combineLatency(buckets);
  const timingTotals = new Map<string, { weighted: number; requests: number }>();
  for (const row of rows) {
    const timings = row.viewTimings as Record<string, number> | null;
    if (!timings || row.requestCount === 0) continue;
    for (const [name, p99] of Object.entries(timings)) {
      const total = timingTotals.get(name) ?? { weighted: 0, requests: 0 };
      total.weighted += Number(p99) * row.requestCount;
      total.requests += row.requestCount;
      timingTotals.set(name, total);
    }
  }
  const views = new Map<string, string>();
  for (const link of service.features) views.set(link.feature.featureView.name, link.feature.featureView.id);
  const viewShares = [...new Set([...views.keys(), ...timingTotals.keys()])]
    .map((name) => {
      const total = timingTotals.get(name);
      const p99 = total && total.requests > 0 ? total.weighted / total.requests : null;
      return {
        featureViewId: views.get(name) ?? null,
        name,
        p99Ms: p99,
        shareOfBudget: p99 === null || service.latencyBudgetMs === null ? null : p99 / service.latencyBudgetMs,
      };
    })
    .sort((a, b) => (b.p99Ms ?? -1) - (a.p99Ms ?? -1));
  return {
    service: { id: service.id, name: service.name, owner: service.owner, budgetMs: service.latencyBudgetMs },
    range: { from: options.from.toISOString(), to: options.to.toISOString(), bucketSeconds },
    points: rows.map((row) => ({
      at: row.bucketStart.toISOString(),
      p50: row.requestCount > 0 ? row.latencyP50Ms : null,
      p95: row.requestCount > 0 ? row.latencyP95Ms : null,
      p99: row.requestCount > 0 ? row.latencyP99Ms : null,
      requests: row.requestCount,
      // The newest bucket may still be filling: divide by the part of it that has passed.
      requestsPerSecond:
        row.requestCount /
        Math.max(60, Math.min(bucketSeconds, (options.to.getTime() - row.bucketStart.getTime()) / 1000)),
      errors: row.errorCount,
      errorRate: row.requestCount > 0 ? row.errorCount / row.requestCount : null,
    })),
    summary,
    firing,
    viewShares: timingTotals.size > 0 ? viewShares : [],
  };
}

function asHistogram(value: unknown): LatencyHistogram | null {
  if (!value || typeof value !== "object") return null;
  const histogram = value as Partial<LatencyHistogram>;
  return Array.isArray(histogram.edgesMs) && Array.isArray(histogram.counts) ? (histogram as LatencyHistogram) : null;
}
