import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import {
  costPerDay,
  freshnessSlaSeconds,
  freshnessStatus,
  stalenessSeconds,
  stalenessSeries,
  type FreshnessStatus,
} from "@/lib/monitoring/freshness";
import { combineLatency, overBudget, type LatencyBucket, type LatencyHistogram } from "@/lib/monitoring/latency";
import {
  compareProfiles,
  type Profile,
  type ProfileKind,
  type StatisticName,
  type StatisticValues,
} from "@/lib/monitoring/stats";
import {
  resolveThresholds,
  scoreStatistics,
  type DriftStatus,
  type ThresholdOverride,
  type Thresholds,
} from "@/lib/monitoring/thresholds";
import { DEFAULT_RAW_RETENTION_DAYS, RAW_RETENTION_SETTING, getRawRetentionDays } from "@/lib/data/ingest";
import type { ThresholdFormInput } from "@/lib/validations/monitoring";

/**
 * Dashboard queries for monitoring. Every function is scoped to one workspace and environment,
 * reads hourly or daily rollups for long ranges (never raw minutes), and returns plain
 * serialisable objects (ISO strings for times).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- scope helpers

/**
 * An environment of the workspace by name, else `fallbackId`'s, else the last one (prod); an
 * unknown name is a 400 naming the query parameter it came from.
 */
export async function resolveEnvironment(
  prisma: Db,
  workspaceId: string,
  name: string | null | undefined,
  fallbackId?: string,
  parameter = "env",
): Promise<{ id: string; name: string }> {
  const environments = await prisma.environment.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  if (name) {
    const found = environments.find((env) => env.name === name);
    if (!found) throw new AppError("bad_request", `${parameter}: no environment named "${name}" in this workspace`);
    return found;
  }
  const fallback = environments.find((env) => env.id === fallbackId) ?? environments[environments.length - 1];
  if (!fallback) throw new AppError("not_found", "This workspace has no environments.");
  return fallback;
}

/**
 * Which stored resolution a chart over [from, to] reads: raw minutes up to a day (while they
 * are retained), hourly rollups up to 8 days, daily rollups beyond.
 */
export function bucketSecondsFor(from: Date, to: Date, rawCutoff: Date): 60 | 3600 | 86400 {
  const span = to.getTime() - from.getTime();
  if (span <= 26 * HOUR_MS && from >= rawCutoff) return 60;
  if (span <= 8 * DAY_MS) return 3600;
  return 86400;
}

async function rawCutoff(prisma: Db, now: Date): Promise<Date> {
  const days = await getRawRetentionDays(prisma);
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS);
}

// ---------------------------------------------------------------- freshness

export interface ViewFreshness {
  id: string;
  name: string;
  kind: "batch" | "stream";
  owner: string;
  schedule: string | null;
  slaSeconds: number | null;
  watermark: string | null;
  stalenessSeconds: number | null;
  status: FreshnessStatus;
  lastRunStatus: "running" | "success" | "failed" | null;
  lastRunAt: string | null;
  failedRuns24h: number;
}

/** Every materialised view's freshness now: staleness of its newest landed watermark vs its SLA. */
export async function listViewFreshness(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; now?: Date; featureViewIds?: string[] },
): Promise<ViewFreshness[]> {
  const now = options.now ?? new Date();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const ids = options.featureViewIds ?? null;
  const rows = await prisma.$queryRaw<
    {
      id: string;
      name: string;
      kind: "batch" | "stream";
      owner: string;
      schedule: string | null;
      schedule_seconds: number | null;
      slide_interval_seconds: number | null;
      freshness_sla_seconds: number | null;
      watermark: Date | null;
      last_status: "running" | "success" | "failed" | null;
      last_started: Date | null;
      failed_24h: number;
    }[]
  >`
    SELECT fv.id, fv.name, fv.kind::text AS kind, fv.owner, coalesce(fv.schedule, fv.slide_interval) AS schedule,
           fv.schedule_seconds, fv.slide_interval_seconds, fv.freshness_sla_seconds,
           w.watermark, last.status::text AS last_status, last.started_at AS last_started, coalesce(f.n, 0)::int AS failed_24h
      FROM feature_view fv
      LEFT JOIN LATERAL (
        SELECT max(r.watermark) AS watermark FROM materialization_run r
         WHERE r.feature_view_id = fv.id AND r.environment_id = ${options.environmentId}
           AND r.status = 'success' AND r.ended_at <= ${now}) w ON true
      LEFT JOIN LATERAL (
        SELECT r.status, r.started_at FROM materialization_run r
         WHERE r.feature_view_id = fv.id AND r.environment_id = ${options.environmentId} AND r.started_at <= ${now}
         ORDER BY r.started_at DESC LIMIT 1) last ON true
      LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM materialization_run r
         WHERE r.feature_view_id = fv.id AND r.environment_id = ${options.environmentId}
           AND r.status = 'failed' AND r.started_at >= ${dayAgo}) f ON true
     WHERE fv.workspace_id = ${options.workspaceId} AND fv.kind <> 'on_demand'
       ${onlyIds(Prisma.sql`fv.id`, ids)}
     ORDER BY fv.name`;
  return rows.map((row) => {
    const sla = freshnessSlaSeconds({
      kind: row.kind,
      scheduleSeconds: row.schedule_seconds,
      slideIntervalSeconds: row.slide_interval_seconds,
      freshnessSlaSeconds: row.freshness_sla_seconds,
    });
    const watermark = row.watermark ? new Date(row.watermark) : null;
    const staleness = stalenessSeconds(now, watermark);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      owner: row.owner,
      schedule: row.schedule,
      slaSeconds: sla,
      watermark: watermark?.toISOString() ?? null,
      stalenessSeconds: staleness,
      status: freshnessStatus(staleness, sla),
      lastRunStatus: row.last_status,
      lastRunAt: row.last_started ? new Date(row.last_started).toISOString() : null,
      failedRuns24h: Number(row.failed_24h),
    };
  });
}

export interface FreshnessDetail {
  view: ViewFreshness;
  range: { from: string; to: string; stepSeconds: number };
  staleness: { at: string; stalenessSeconds: number | null }[];
  runs: {
    startedAt: string;
    endedAt: string | null;
    status: "running" | "success" | "failed";
    rowsWritten: number | null;
    watermark: string | null;
    computeSeconds: number | null;
    cost: number | null;
  }[];
  costPerDay: {
    day: string;
    cost: number;
    computeSeconds: number;
    runCount: number;
    maxStalenessSeconds: number | null;
  }[];
  hasCost: boolean;
}

/** Staleness over time against the SLA, the runs timeline, rows written and cost per day. */
export async function getFreshnessDetail(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureViewId: string; from: Date; to: Date; now?: Date },
): Promise<FreshnessDetail | null> {
  const now = options.now ?? new Date();
  const [view] = await listViewFreshness(prisma, { ...options, now, featureViewIds: [options.featureViewId] });
  if (!view) return null;
  const to = options.to > now ? now : options.to;
  const runColumns = {
    status: true,
    startedAt: true,
    endedAt: true,
    watermark: true,
    rowsWritten: true,
    computeSeconds: true,
    cost: true,
  } as const;
  const [[before], runs] = await Promise.all([
    // The newest run that landed before the range sets the staleness at its start.
    prisma.materializationRun.findMany({
      where: {
        featureViewId: view.id,
        environmentId: options.environmentId,
        status: "success",
        endedAt: { lt: options.from },
      },
      orderBy: { endedAt: "desc" },
      take: 1,
      select: runColumns,
    }),
    prisma.materializationRun.findMany({
      where: {
        featureViewId: view.id,
        environmentId: options.environmentId,
        OR: [{ startedAt: { gte: options.from, lte: to } }, { endedAt: { gte: options.from, lte: to } }],
      },
      orderBy: { startedAt: "asc" },
      take: 20_000,
      select: runColumns,
    }),
  ]);
  const span = Math.max(60_000, to.getTime() - options.from.getTime());
  const stepSeconds = Math.max(60, Math.ceil(span / 1000 / 360 / 60) * 60);
  const series = stalenessSeries([...(before ? [before] : []), ...runs], options.from, to, stepSeconds);
  const perDay = costPerDay(runs);
  const maxByDay = new Map<string, number>();
  for (const point of series) {
    if (point.stalenessSeconds === null) continue;
    const day = point.at.toISOString().slice(0, 10);
    maxByDay.set(day, Math.max(maxByDay.get(day) ?? 0, point.stalenessSeconds));
  }
  return {
    view,
    range: { from: options.from.toISOString(), to: to.toISOString(), stepSeconds },
    staleness: series.map((point) => ({ at: point.at.toISOString(), stalenessSeconds: point.stalenessSeconds })),
    runs: runs.map((run) => ({
      startedAt: run.startedAt.toISOString(),
      endedAt: run.endedAt?.toISOString() ?? null,
      status: run.status,
      rowsWritten: run.rowsWritten === null ? null : Number(run.rowsWritten),
      watermark: run.watermark?.toISOString() ?? null,
      computeSeconds: run.computeSeconds,
      cost: run.cost,
    })),
    costPerDay: perDay.map((day) => ({ ...day, maxStalenessSeconds: maxByDay.get(day.day) ?? null })),
    hasCost: runs.some((run) => run.cost !== null || run.computeSeconds !== null),
  };
}

// ---------------------------------------------------------------- serving latency

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
}

/**
 * Every service's traffic, error rate and (approximate) p99 over a window, from the stored
 * resolution that fits it. Services without traffic in the window have null latency.
 */
export async function listServiceLatency(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; from: Date; to: Date; serviceIds?: string[]; now?: Date },
): Promise<ServiceLatency[]> {
  const bucketSeconds = bucketSecondsFor(options.from, options.to, await rawCutoff(prisma, options.now ?? new Date()));
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
    }[]
  >`
    SELECT s.id, s.name, s.owner, s.latency_budget_ms AS budget, m.requests, m.errors, m.p99
      FROM feature_service s
      -- One range of serving_metric's key per service (the table's only index).
      CROSS JOIN LATERAL (
        SELECT sum(request_count) AS requests, sum(error_count) AS errors,
               sum(latency_p99_ms * request_count) / nullif(sum(request_count), 0) AS p99
          FROM serving_metric
         WHERE feature_service_id = s.id AND environment_id = ${options.environmentId}
           AND bucket_seconds = ${bucketSeconds} AND bucket_start >= ${floorTo(options.from, bucketSeconds)}
           AND bucket_start < ${options.to}) m
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
  /** p99 of each feature view's lookup (request-weighted) and its share of the budget. */
  viewShares: { featureViewId: string | null; name: string; p99Ms: number | null; shareOfBudget: number | null }[];
}

export async function getServingDetail(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureServiceId: string; from: Date; to: Date; now?: Date },
): Promise<ServingDetail | null> {
  const [service, cutoff] = await Promise.all([
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
    rawCutoff(prisma, options.now ?? new Date()),
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
    viewShares: timingTotals.size > 0 ? viewShares : [],
  };
}

function asHistogram(value: unknown): LatencyHistogram | null {
  if (!value || typeof value !== "object") return null;
  const histogram = value as Partial<LatencyHistogram>;
  return Array.isArray(histogram.edgesMs) && Array.isArray(histogram.counts) ? (histogram as LatencyHistogram) : null;
}

/**
 * `AND <column> IN (...)` when ids are given, nothing otherwise. Built per call rather than as
 * `$ids IS NULL OR ...`, which leaves PostgreSQL a generic plan that is far slower here.
 */
function onlyIds(column: Prisma.Sql, ids: string[] | null): Prisma.Sql {
  return ids ? Prisma.sql`AND ${column} IN (SELECT unnest(${ids}::text[]))` : Prisma.empty;
}

function floorTo(date: Date, seconds: number): Date {
  const size = seconds * 1000;
  return new Date(Math.floor(date.getTime() / size) * size);
}

// ---------------------------------------------------------------- skew and drift

interface ProfileRow {
  id: string;
  featureId: string;
  source: "offline" | "online";
  windowStart: Date;
  windowEnd: Date;
  binEdges: number[];
  categories: string[];
  counts: number[];
  count: bigint;
  nullCount: bigint;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  savedDatasetId: string | null;
}

const PROFILE_SELECT = {
  id: true,
  featureId: true,
  source: true,
  windowStart: true,
  windowEnd: true,
  binEdges: true,
  categories: true,
  counts: true,
  count: true,
  nullCount: true,
  mean: true,
  std: true,
  min: true,
  max: true,
  savedDatasetId: true,
} as const;

export interface ProfileSummary {
  source: "offline" | "online";
  windowStart: string;
  windowEnd: string;
  kind: ProfileKind;
  /** Bin labels ("[0, 10)") or categories, aligned with `counts`. */
  labels: string[];
  binEdges: number[];
  counts: number[];
  shares: number[];
  count: number;
  nullCount: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  savedDatasetName: string | null;
}

export interface Comparison {
  kind: "skew" | "drift";
  /** What the current profile is compared with. */
  reference: string;
  expected: ProfileSummary;
  actual: ProfileSummary;
  values: StatisticValues;
  statuses: Partial<Record<StatisticName, DriftStatus>>;
  worst: DriftStatus;
  /** Why the statistics could not be computed (e.g. bins differ), if so. */
  error: string | null;
  /** Both histograms on one axis: aligned labels with both shares. */
  overlay: { label: string; expected: number; actual: number }[];
}

export interface FeatureDrift {
  feature: {
    id: string;
    name: string;
    valueType: string;
    owner: string;
    featureView: { id: string; name: string; kind: string; owner: string };
  };
  kind: ProfileKind | null;
  thresholds: { statistic: StatisticName; warn: number; alert: number; isOverride: boolean }[];
  method: string;
  skew: Comparison | null;
  drift: Comparison | null;
  baseline: {
    source: "training" | "pinned" | "none";
    description: string;
    pinned: { windowStart: string; windowEnd: string } | null;
  };
  /** Per online window in the range: PSI and JS distance against the baseline and the offline profile. */
  history: {
    windowEnd: string;
    driftPsi: number | null;
    driftJs: number | null;
    skewPsi: number | null;
    skewJs: number | null;
  }[];
  usedBy: { services: { id: string; name: string }[]; models: { id: string; name: string }[] };
}

/** Skew and drift of one feature: every statistic, thresholds, overlaid histograms, history. */
export async function getFeatureDrift(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureId: string; from: Date; to: Date },
): Promise<FeatureDrift | null> {
  const feature = await prisma.feature.findFirst({
    where: { id: options.featureId, workspaceId: options.workspaceId },
    select: {
      id: true,
      name: true,
      valueType: true,
      owner: true,
      featureView: { select: { id: true, name: true, kind: true, owner: true } },
      services: {
        select: {
          featureService: {
            select: {
              id: true,
              name: true,
              models: { select: { model: { select: { id: true, name: true, trainingDatasetId: true } } } },
            },
          },
        },
      },
    },
  });
  if (!feature) return null;
  const [overrides, onlineProfiles, references] = await Promise.all([
    prisma.statisticThreshold.findMany({
      where: { featureId: feature.id },
      select: { statistic: true, warn: true, alert: true },
    }),
    prisma.featureProfile.findMany({
      where: {
        featureId: feature.id,
        environmentId: options.environmentId,
        source: "online",
        windowEnd: { gt: options.from },
        windowStart: { lt: options.to },
      },
      orderBy: { windowStart: "asc" },
      take: 2000,
      select: PROFILE_SELECT,
    }),
    loadReferences(prisma, {
      workspaceId: options.workspaceId,
      environmentId: options.environmentId,
      featureIds: [feature.id],
    }),
  ]);
  let latestOnline = onlineProfiles[onlineProfiles.length - 1] ?? null;
  if (!latestOnline) {
    latestOnline = await prisma.featureProfile.findFirst({
      where: {
        featureId: feature.id,
        environmentId: options.environmentId,
        source: "online",
        windowStart: { lt: options.to },
      },
      orderBy: { windowStart: "desc" },
      select: PROFILE_SELECT,
    });
  }
  const kind: ProfileKind | null = latestOnline ? profileKind(latestOnline) : null;
  const thresholds = safeThresholds(overrides, kind ?? undefined);
  const overrideNames = new Set(overrides.map((o) => o.statistic));
  const baseline = references.baselines.get(feature.id) ?? null;
  const pinned = references.pinned.get(feature.id) ?? null;
  const datasetNames = references.datasetNames;

  const offlineFor = async (online: ProfileRow) =>
    prisma.featureProfile.findFirst({
      where: {
        featureId: feature.id,
        environmentId: options.environmentId,
        source: "offline",
        savedDatasetId: null,
        windowStart: online.windowStart,
        windowEnd: online.windowEnd,
      },
      select: PROFILE_SELECT,
    });
  const latestOffline = latestOnline ? await offlineFor(latestOnline) : null;
  const offlineByWindow = new Map<string, ProfileRow>();
  if (onlineProfiles.length > 0) {
    const offline = await prisma.featureProfile.findMany({
      where: {
        featureId: feature.id,
        environmentId: options.environmentId,
        source: "offline",
        savedDatasetId: null,
        windowEnd: { gt: options.from },
        windowStart: { lt: options.to },
      },
      select: PROFILE_SELECT,
    });
    for (const profile of offline) offlineByWindow.set(windowKey(profile), profile);
  }

  const skew =
    latestOnline && latestOffline
      ? compare(
          "skew",
          "offline profile of the same window",
          latestOffline,
          latestOnline,
          thresholds,
          overrideNames,
          datasetNames,
        )
      : null;
  const driftReference = pinned ?? baseline;
  const drift =
    latestOnline && driftReference
      ? compare(
          "drift",
          pinned
            ? `pinned window ${day(pinned.windowStart)} to ${day(pinned.windowEnd)}`
            : `training profile of ${datasetNames.get(baseline!.savedDatasetId ?? "") ?? "the saved dataset"}`,
          driftReference,
          latestOnline,
          thresholds,
          overrideNames,
          datasetNames,
        )
      : null;

  const history = onlineProfiles.map((online) => {
    const offline = offlineByWindow.get(windowKey(online));
    const driftValues = driftReference ? safeCompare(driftReference, online) : null;
    const skewValues = offline ? safeCompare(offline, online) : null;
    return {
      windowEnd: online.windowEnd.toISOString(),
      driftPsi: driftValues?.psi ?? null,
      driftJs: driftValues?.jsDistance ?? null,
      skewPsi: skewValues?.psi ?? null,
      skewJs: skewValues?.jsDistance ?? null,
    };
  });

  const services = feature.services.map((link) => link.featureService);
  const models = new Map<string, { id: string; name: string }>();
  for (const service of services)
    for (const link of service.models) models.set(link.model.id, { id: link.model.id, name: link.model.name });
  return {
    feature: {
      id: feature.id,
      name: feature.name,
      valueType: feature.valueType,
      owner: feature.owner,
      featureView: feature.featureView,
    },
    kind,
    thresholds: (Object.entries(thresholds) as [StatisticName, { warn: number; alert: number }][]).map(
      ([statistic, value]) => ({
        statistic,
        ...value,
        isOverride: overrideNames.has(statistic),
      }),
    ),
    method: methodDescription(kind, latestOnline),
    skew,
    drift,
    baseline: {
      source: pinned ? "pinned" : baseline ? "training" : "none",
      description: pinned
        ? `Online profiles of the pinned window ${day(pinned.windowStart)} to ${day(pinned.windowEnd)}`
        : baseline
          ? `Training profile of saved dataset ${datasetNames.get(baseline.savedDatasetId ?? "") ?? ""} (${day(baseline.windowStart)} to ${day(baseline.windowEnd)})`
          : "No baseline: no model trained on a profiled saved dataset uses this feature, and no window is pinned.",
      pinned: pinned
        ? { windowStart: pinned.windowStart.toISOString(), windowEnd: pinned.windowEnd.toISOString() }
        : null,
    },
    history,
    usedBy: { services: services.map(({ id, name }) => ({ id, name })), models: [...models.values()] },
  };
}

export interface FeatureStatisticsRow {
  featureId: string;
  name: string;
  featureView: { id: string; name: string; kind: string };
  windowEnd: string;
  kind: ProfileKind;
  skew: { values: StatisticValues; worst: DriftStatus } | null;
  drift: { values: StatisticValues; worst: DriftStatus } | null;
  worst: DriftStatus;
  /** The largest PSI of the two comparisons, for sorting. */
  psi: number | null;
}

/**
 * The latest skew and drift statistics of every profiled feature, optionally only those a
 * service or model serves; the worst first.
 */
export async function listFeatureStatistics(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId: string;
    featureServiceId?: string;
    modelId?: string;
    featureIds?: string[];
  },
): Promise<FeatureStatisticsRow[]> {
  let featureIds = options.featureIds ?? null;
  if (options.featureServiceId || options.modelId) {
    const links = await prisma.featureServiceFeature.findMany({
      where: {
        featureService: {
          workspaceId: options.workspaceId,
          ...(options.featureServiceId ? { id: options.featureServiceId } : {}),
          ...(options.modelId ? { models: { some: { modelId: options.modelId } } } : {}),
        },
      },
      select: { featureId: true },
    });
    const scoped = new Set(links.map((link) => link.featureId));
    featureIds = featureIds ? featureIds.filter((id) => scoped.has(id)) : [...scoped];
  }
  const latest = await prisma.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (p.feature_id) p.id
      FROM feature_profile p
     WHERE p.workspace_id = ${options.workspaceId} AND p.environment_id = ${options.environmentId} AND p.source = 'online'
       ${onlyIds(Prisma.sql`p.feature_id`, featureIds)}
     ORDER BY p.feature_id, p.window_start DESC`;
  if (latest.length === 0) return [];
  const onlineProfiles = await prisma.featureProfile.findMany({
    where: { id: { in: latest.map((row) => row.id) } },
    select: PROFILE_SELECT,
  });
  const ids = onlineProfiles.map((profile) => profile.featureId);
  const [features, overrides, offline, references] = await Promise.all([
    prisma.feature.findMany({
      where: { id: { in: ids }, workspaceId: options.workspaceId },
      select: { id: true, name: true, featureView: { select: { id: true, name: true, kind: true } } },
    }),
    prisma.statisticThreshold.findMany({
      where: { featureId: { in: ids } },
      select: { featureId: true, statistic: true, warn: true, alert: true },
    }),
    prisma.featureProfile.findMany({
      where: {
        environmentId: options.environmentId,
        source: "offline",
        savedDatasetId: null,
        OR: onlineProfiles.map((profile) => ({
          featureId: profile.featureId,
          windowStart: profile.windowStart,
          windowEnd: profile.windowEnd,
        })),
      },
      select: PROFILE_SELECT,
    }),
    loadReferences(prisma, { workspaceId: options.workspaceId, environmentId: options.environmentId, featureIds: ids }),
  ]);
  const featureById = new Map(features.map((feature) => [feature.id, feature]));
  const offlineByFeature = new Map(offline.map((profile) => [`${profile.featureId}|${windowKey(profile)}`, profile]));
  const rows: FeatureStatisticsRow[] = [];
  for (const online of onlineProfiles) {
    const feature = featureById.get(online.featureId);
    if (!feature) continue;
    const kind = profileKind(online);
    const own = overrides.filter((override) => override.featureId === online.featureId);
    const thresholds = statusThresholds(safeThresholds(own, kind), new Set(own.map((override) => override.statistic)));
    const score = (reference: ProfileRow | null | undefined) => {
      if (!reference) return null;
      const values = safeCompare(reference, online);
      return values ? { values, worst: scoreStatistics(values, thresholds).worst } : null;
    };
    const skew = score(offlineByFeature.get(`${online.featureId}|${windowKey(online)}`));
    const drift = score(references.pinned.get(online.featureId) ?? references.baselines.get(online.featureId));
    const psiValues = [skew?.values.psi, drift?.values.psi].filter((value): value is number => value !== undefined);
    rows.push({
      featureId: feature.id,
      name: feature.name,
      featureView: feature.featureView,
      windowEnd: online.windowEnd.toISOString(),
      kind,
      skew,
      drift,
      worst: worstOf([skew?.worst ?? "ok", drift?.worst ?? "ok"]),
      psi: psiValues.length ? Math.max(...psiValues) : null,
    });
  }
  const rank: Record<DriftStatus, number> = { alert: 0, warn: 1, ok: 2 };
  return rows.sort((a, b) => rank[a.worst] - rank[b.worst] || (b.psi ?? -1) - (a.psi ?? -1));
}

/** Training baselines (newest profile with a saved dataset) and pinned windows per feature. */
async function loadReferences(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureIds: string[] },
) {
  const [baselineRows, pins] = await Promise.all([
    prisma.featureProfile.findMany({
      where: { workspaceId: options.workspaceId, featureId: { in: options.featureIds }, savedDatasetId: { not: null } },
      orderBy: { windowEnd: "desc" },
      select: PROFILE_SELECT,
    }),
    prisma.driftBaseline.findMany({
      where: { featureId: { in: options.featureIds }, environmentId: options.environmentId },
      select: { featureId: true, windowStart: true, windowEnd: true },
    }),
  ]);
  const baselines = new Map<string, ProfileRow>();
  for (const row of baselineRows) if (!baselines.has(row.featureId)) baselines.set(row.featureId, row);
  const pinned = new Map<string, ProfileRow>();
  if (pins.length > 0) {
    const pinnedProfiles = await prisma.featureProfile.findMany({
      where: {
        environmentId: options.environmentId,
        source: "online",
        OR: pins.map((pin) => ({
          featureId: pin.featureId,
          windowStart: { gte: pin.windowStart },
          windowEnd: { lte: pin.windowEnd },
        })),
      },
      orderBy: { windowStart: "asc" },
      select: PROFILE_SELECT,
    });
    for (const pin of pins) {
      const merged = mergeProfiles(pinnedProfiles.filter((profile) => profile.featureId === pin.featureId));
      if (merged) pinned.set(pin.featureId, { ...merged, windowStart: pin.windowStart, windowEnd: pin.windowEnd });
    }
  }
  const datasetIds = [...new Set(baselineRows.map((row) => row.savedDatasetId!).filter(Boolean))];
  const datasets = datasetIds.length
    ? await prisma.savedDataset.findMany({ where: { id: { in: datasetIds } }, select: { id: true, name: true } })
    : [];
  return { baselines, pinned, datasetNames: new Map(datasets.map((dataset) => [dataset.id, dataset.name])) };
}

/** Sums profiles with the same bins (or categories) into one; null when they do not line up. */
function mergeProfiles(profiles: ProfileRow[]): ProfileRow | null {
  const first = profiles[0];
  if (!first) return null;
  const counts = new Map<string, number>();
  const keys = profileKind(first) === "numeric" ? first.counts.map((_, i) => String(i)) : first.categories;
  for (const profile of profiles) {
    if (profileKind(profile) !== profileKind(first)) return null;
    if (profileKind(first) === "numeric" && !sameNumbers(profile.binEdges, first.binEdges)) return null;
    const profileKeys = profileKind(first) === "numeric" ? profile.counts.map((_, i) => String(i)) : profile.categories;
    profileKeys.forEach((key, i) => counts.set(key, (counts.get(key) ?? 0) + profile.counts[i]!));
  }
  const categories = profileKind(first) === "numeric" ? [] : [...counts.keys()];
  return {
    ...first,
    categories,
    counts:
      profileKind(first) === "numeric"
        ? keys.map((key) => counts.get(key) ?? 0)
        : categories.map((key) => counts.get(key)!),
    count: profiles.reduce((total, profile) => total + profile.count, 0n),
    nullCount: profiles.reduce((total, profile) => total + profile.nullCount, 0n),
    mean: null,
    std: null,
    min: null,
    max: null,
    savedDatasetId: null,
  };
}

function compare(
  kind: "skew" | "drift",
  reference: string,
  expected: ProfileRow,
  actual: ProfileRow,
  thresholds: Thresholds,
  overrideNames: ReadonlySet<string>,
  datasetNames: Map<string, string>,
): Comparison {
  let values: StatisticValues = {};
  let error: string | null = null;
  try {
    values = compareProfiles(toProfile(expected), toProfile(actual));
  } catch (caught) {
    error = caught instanceof RangeError ? caught.message : "The profiles cannot be compared.";
  }
  const { statuses } = scoreStatistics(values, thresholds);
  const { worst } = scoreStatistics(values, statusThresholds(thresholds, overrideNames));
  const expectedSummary = summarize(expected, datasetNames);
  const actualSummary = summarize(actual, datasetNames);
  return {
    kind,
    reference,
    expected: expectedSummary,
    actual: actualSummary,
    values,
    statuses,
    worst,
    error,
    overlay: overlay(expectedSummary, actualSummary),
  };
}

function safeCompare(expected: ProfileRow, actual: ProfileRow): StatisticValues | null {
  try {
    return compareProfiles(toProfile(expected), toProfile(actual));
  } catch {
    return null;
  }
}

function safeThresholds(overrides: ThresholdOverride[], kind?: ProfileKind): Thresholds {
  try {
    return resolveThresholds(overrides, kind);
  } catch {
    // A stored override that no longer validates falls back to the defaults rather than a 500.
    return resolveThresholds([], kind);
  }
}

/**
 * The thresholds that decide a feature's overall status. The chi-square p-value counts only when
 * the owner set a threshold for it: over millions of rows it flags differences too small to
 * matter, so by default it is shown but does not raise the feature's status.
 */
function statusThresholds(thresholds: Thresholds, overrideNames: ReadonlySet<string>): Thresholds {
  if (overrideNames.has("chi2PValue")) return thresholds;
  const { chi2PValue: _ignored, ...rest } = thresholds;
  return rest;
}

function toProfile(row: ProfileRow): Profile {
  return profileKind(row) === "numeric"
    ? { kind: "numeric", binEdges: row.binEdges, counts: row.counts }
    : { kind: "categorical", categories: row.categories, counts: row.counts };
}

function profileKind(row: Pick<ProfileRow, "binEdges">): ProfileKind {
  return row.binEdges.length > 0 ? "numeric" : "categorical";
}

function summarize(row: ProfileRow, datasetNames: Map<string, string>): ProfileSummary {
  const kind = profileKind(row);
  const total = row.counts.reduce((sum, value) => sum + value, 0);
  return {
    source: row.source,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    kind,
    labels:
      kind === "numeric"
        ? row.counts.map((_, i) => `[${compact(row.binEdges[i]!)}, ${compact(row.binEdges[i + 1]!)})`)
        : row.categories,
    binEdges: row.binEdges,
    counts: row.counts,
    shares: row.counts.map((value) => (total > 0 ? value / total : 0)),
    count: Number(row.count),
    nullCount: Number(row.nullCount),
    mean: row.mean,
    std: row.std,
    min: row.min,
    max: row.max,
    savedDatasetName: row.savedDatasetId ? (datasetNames.get(row.savedDatasetId) ?? null) : null,
  };
}

function overlay(expected: ProfileSummary, actual: ProfileSummary): Comparison["overlay"] {
  if (expected.kind === "numeric") {
    if (!sameNumbers(expected.binEdges, actual.binEdges)) return [];
    return expected.labels.map((label, i) => ({
      label,
      expected: expected.shares[i] ?? 0,
      actual: actual.shares[i] ?? 0,
    }));
  }
  const labels = [...new Set([...expected.labels, ...actual.labels])];
  const share = (summary: ProfileSummary, label: string) => summary.shares[summary.labels.indexOf(label)] ?? 0;
  return labels.map((label) => ({ label, expected: share(expected, label), actual: share(actual, label) }));
}

function methodDescription(kind: ProfileKind | null, profile: ProfileRow | null): string {
  if (!kind || !profile) return "No online profile yet.";
  if (kind === "numeric") {
    const edges = profile.binEdges;
    return `Numeric: ${profile.counts.length} shared bins from ${compact(edges[0]!)} to ${compact(edges[edges.length - 1]!)}; statistics on bin shares as STATS.md defines them (empty bins count 1e-4 in PSI; Wasserstein at bin centres).`;
  }
  return `Categorical: ${profile.categories.length} categories aligned by name (a category missing on one side counts 0); chi-square test of independence without continuity correction.`;
}

function worstOf(statuses: DriftStatus[]): DriftStatus {
  return statuses.includes("alert") ? "alert" : statuses.includes("warn") ? "warn" : "ok";
}

function windowKey(profile: { windowStart: Date; windowEnd: Date }): string {
  return `${profile.windowStart.getTime()}|${profile.windowEnd.getTime()}`;
}

function sameNumbers(left: number[], right: number[]): boolean {
  return left.length === right.length && left.every((value, i) => value === right[i]);
}

function compact(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- thresholds and baselines

/** Replaces a feature's threshold overrides (audited); `reset` statistics go back to the defaults. */
export async function saveThresholdOverrides(
  prisma: Db,
  input: ThresholdFormInput & { workspaceId: string },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const feature = await tx.feature.findFirst({
      where: { id: input.featureId, workspaceId: input.workspaceId },
      select: { id: true, name: true, featureView: { select: { name: true } } },
    });
    if (!feature) throw new AppError("not_found", "No such feature in this workspace.");
    const before = await tx.statisticThreshold.findMany({
      where: { featureId: feature.id },
      select: { statistic: true, warn: true, alert: true },
    });
    for (const statistic of input.reset)
      await tx.statisticThreshold.deleteMany({ where: { featureId: feature.id, statistic } });
    for (const threshold of input.thresholds) {
      if (input.reset.includes(threshold.statistic)) continue;
      await tx.statisticThreshold.upsert({
        where: { featureId_statistic: { featureId: feature.id, statistic: threshold.statistic } },
        create: { featureId: feature.id, ...threshold },
        update: { warn: threshold.warn, alert: threshold.alert },
      });
    }
    const after = await tx.statisticThreshold.findMany({
      where: { featureId: feature.id },
      select: { statistic: true, warn: true, alert: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "feature.thresholds.update",
      objectKind: "feature",
      objectId: feature.id,
      objectName: `${feature.featureView.name}:${feature.name}`,
      before,
      after,
    });
  });
}

/** Pins (or with null, unpins) the window whose online profiles are the feature's drift baseline. */
export async function setDriftBaseline(
  prisma: Db,
  input: { workspaceId: string; featureId: string; environmentId: string; window: { start: Date; end: Date } | null },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const feature = await tx.feature.findFirst({
      where: { id: input.featureId, workspaceId: input.workspaceId },
      select: { id: true, name: true },
    });
    const environment = await tx.environment.findFirst({
      where: { id: input.environmentId, workspaceId: input.workspaceId },
      select: { id: true },
    });
    if (!feature || !environment) throw new AppError("not_found", "No such feature or environment in this workspace.");
    const key = { featureId_environmentId: { featureId: feature.id, environmentId: environment.id } };
    if (input.window) {
      if (input.window.end <= input.window.start)
        throw new AppError("unprocessable", "The window must end after it starts.", {
          fields: [{ path: "windowEnd", message: "Must be after the start" }],
        });
      const data = {
        windowStart: input.window.start,
        windowEnd: input.window.end,
        pinnedById: actor.userId ?? null,
        pinnedAt: new Date(),
      };
      await tx.driftBaseline.upsert({
        where: key,
        create: { featureId: feature.id, environmentId: environment.id, ...data },
        update: data,
      });
    } else {
      await tx.driftBaseline.deleteMany({ where: { featureId: feature.id, environmentId: environment.id } });
    }
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: input.window ? "feature.drift_baseline.pin" : "feature.drift_baseline.unpin",
      objectKind: "feature",
      objectId: feature.id,
      objectName: feature.name,
      after: input.window
        ? { windowStart: input.window.start.toISOString(), windowEnd: input.window.end.toISOString() }
        : null,
    });
  });
}

// ---------------------------------------------------------------- monitors and retention

export const DEFAULT_MONITORS = [
  {
    name: "Feature view freshness within SLA",
    kind: "freshness",
    objectKind: "feature_view",
    statistic: null,
    threshold: null,
  },
  {
    name: "Serving p99 within latency budget",
    kind: "latency_p99",
    objectKind: "feature_service",
    statistic: null,
    threshold: null,
  },
  {
    name: "Serving error rate below 1%",
    kind: "error_rate",
    objectKind: "feature_service",
    statistic: null,
    threshold: 0.01,
  },
  { name: "Feature drift or skew (PSI)", kind: "statistic", objectKind: "feature", statistic: "psi", threshold: null },
] as const;

export async function listMonitors(prisma: Db, options: { workspaceId: string }) {
  const monitors = await prisma.monitor.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      objectKind: true,
      objectId: true,
      statistic: true,
      threshold: true,
      enabled: true,
      createdAt: true,
    },
  });
  const open = await prisma.alert.groupBy({
    by: ["monitorId"],
    where: { workspaceId: options.workspaceId, endedAt: null },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((row) => [row.monitorId, row._count._all]));
  return monitors.map((monitor) => ({
    ...monitor,
    createdAt: monitor.createdAt.toISOString(),
    openAlerts: openBy.get(monitor.id) ?? 0,
  }));
}

export async function createMonitor(
  prisma: Db,
  input: {
    workspaceId: string;
    name: string;
    kind: "freshness" | "latency_p99" | "error_rate" | "statistic";
    objectId?: string;
    statistic?: StatisticName;
    threshold?: number;
  },
  actor: Actor,
) {
  const objectKind =
    input.kind === "freshness" ? "feature_view" : input.kind === "statistic" ? "feature" : "feature_service";
  return prisma.$transaction(async (tx) => {
    if (input.objectId) {
      const exists =
        objectKind === "feature_view"
          ? await tx.featureView.count({ where: { id: input.objectId, workspaceId: input.workspaceId } })
          : objectKind === "feature"
            ? await tx.feature.count({ where: { id: input.objectId, workspaceId: input.workspaceId } })
            : await tx.featureService.count({ where: { id: input.objectId, workspaceId: input.workspaceId } });
      if (!exists)
        throw new AppError("unprocessable", "objectId: no such object in this workspace", {
          fields: [{ path: "objectId", message: "Unknown object" }],
        });
    }
    const monitor = await tx.monitor.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        kind: input.kind,
        objectKind,
        objectId: input.objectId ?? null,
        statistic: input.kind === "statistic" ? (input.statistic ?? "psi") : null,
        threshold: input.threshold ?? null,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "monitor.create",
      objectKind: "monitor",
      objectId: monitor.id,
      objectName: monitor.name,
      after: input,
    });
    return monitor;
  });
}

export async function setMonitorEnabled(
  prisma: Db,
  input: { workspaceId: string; monitorId: string; enabled: boolean },
  actor: Actor,
) {
  await prisma.$transaction(async (tx) => {
    const monitor = await tx.monitor.findFirst({
      where: { id: input.monitorId, workspaceId: input.workspaceId },
      select: { id: true, name: true, enabled: true },
    });
    if (!monitor) throw new AppError("not_found", "No such rule in this workspace.");
    await tx.monitor.update({ where: { id: monitor.id }, data: { enabled: input.enabled } });
    // A disabled rule's alerts end now: nothing watches their condition any more.
    if (!input.enabled)
      await tx.alert.updateMany({ where: { monitorId: monitor.id, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: input.enabled ? "monitor.enable" : "monitor.disable",
      objectKind: "monitor",
      objectId: monitor.id,
      objectName: monitor.name,
      before: { enabled: monitor.enabled },
      after: { enabled: input.enabled },
    });
  });
}

export async function getRetentionSettings(prisma: Db) {
  return { rawRetentionDays: await getRawRetentionDays(prisma), defaultRawRetentionDays: DEFAULT_RAW_RETENTION_DAYS };
}

export async function setRawRetentionDays(prisma: Db, input: { workspaceId: string; days: number }, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSetting.findUnique({ where: { key: RAW_RETENTION_SETTING }, select: { value: true } });
    await tx.appSetting.upsert({
      where: { key: RAW_RETENTION_SETTING },
      create: { key: RAW_RETENTION_SETTING, value: String(input.days) },
      update: { value: String(input.days) },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "setting.update",
      objectKind: "app_setting",
      objectName: RAW_RETENTION_SETTING,
      before: before ? { value: before.value } : null,
      after: { value: String(input.days) },
    });
  });
}

// ---------------------------------------------------------------- overview

export interface MonitoringOverview {
  environment: { id: string; name: string };
  staleViews: ViewFreshness[];
  servicesOverBudget: ServiceLatency[];
  servicesWithErrors: ServiceLatency[];
  unhealthyFeatures: FeatureStatisticsRow[];
  counts: { views: number; services: number; features: number };
}

/** What is unhealthy now: stale views, services over budget or erroring, skewed or drifting features. */
export async function getMonitoringOverview(
  prisma: Db,
  options: { workspaceId: string; environment: { id: string; name: string }; now?: Date },
): Promise<MonitoringOverview> {
  const now = options.now ?? new Date();
  const scope = { workspaceId: options.workspaceId, environmentId: options.environment.id };
  const [views, services, features] = await Promise.all([
    listViewFreshness(prisma, { ...scope, now }),
    listServiceLatency(prisma, { ...scope, from: new Date(now.getTime() - HOUR_MS), to: now, now }),
    listFeatureStatistics(prisma, scope),
  ]);
  return {
    environment: options.environment,
    staleViews: views
      .filter((view) => view.status === "stale")
      .sort(
        (a, b) => (b.stalenessSeconds ?? 0) / (b.slaSeconds ?? 1) - (a.stalenessSeconds ?? 0) / (a.slaSeconds ?? 1),
      ),
    servicesOverBudget: services
      .filter((service) => service.isOverBudget)
      .sort((a, b) => (b.p99Ms ?? 0) / (b.budgetMs ?? 1) - (a.p99Ms ?? 0) / (a.budgetMs ?? 1)),
    servicesWithErrors: services.filter((service) => (service.errorRate ?? 0) > DEFAULT_ERROR_RATE),
    unhealthyFeatures: features.filter((feature) => feature.worst === "alert"),
    counts: { views: views.length, services: services.length, features: features.length },
  };
}

export const DEFAULT_ERROR_RATE = 0.01;
