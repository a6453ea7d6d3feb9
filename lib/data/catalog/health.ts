import "server-only";
import { alertObjectKey, getOpenAlertsByObject } from "@/lib/data/alerts";
import type { Db } from "@/lib/db";
import {
  freshnessSlaSeconds,
  freshnessStatus,
  stalenessSeconds,
  stalenessSeries,
  type MaterializationRunTiming,
} from "@/lib/monitoring/freshness";
import { jsDistance, psi } from "@/lib/monitoring/stats";
import { resolveThresholds, statusFor, type DriftStatus } from "@/lib/monitoring/thresholds";

export interface SeriesPoint {
  at: string;
  value: number | null;
}

export interface FeatureHealth {
  environment: string;
  freshness: {
    status: "fresh" | "stale" | "unknown";
    stalenessSeconds: number | null;
    slaSeconds: number | null;
    series: SeriesPoint[];
  } | null;
  skew: { statistic: "jsDistance"; latest: number | null; status: DriftStatus | null; series: SeriesPoint[] };
  drift: {
    statistic: "psi";
    latest: number | null;
    status: DriftStatus | null;
    comparedWith: "baseline" | null;
    series: SeriesPoint[];
  };
  alerts: { count: number; severity: "warning" | "critical" } | null;
}

const HEALTH_WINDOW_DAYS = 7;
const SERIES_STEP_SECONDS = 3 * 3600;

/**
 * What a view's freshness needs of its successful runs since `since`, reduced in the database:
 * per step of the series, the newest watermark of the runs that ended within it (as one run that
 * ended at the step's end, which gives stalenessSeries the same answer as every run would), and
 * the watermark of the last run started. A stream view materialized every 15 minutes has ~3,500
 * runs in that window; loading each row took longer than the rest of the page.
 */
export async function landedRunsByStep(
  prisma: Db,
  options: { viewId: string; environmentId: string; since: Date; from: Date; now: Date; stepMs: number },
): Promise<{ byStep: MaterializationRunTiming[]; latestWatermark: Date | null }> {
  const { from, stepMs } = options;
  const rows = await prisma.$queryRaw<{ step: number; watermark_ms: number }[]>`
    WITH runs AS (
      SELECT started_at, ended_at, watermark
        FROM materialization_run
       WHERE feature_view_id = ${options.viewId}
         AND environment_id = ${options.environmentId}
         AND started_at >= ${options.since.toISOString()}::timestamptz AT TIME ZONE 'UTC'
         AND status = 'success'
         AND watermark IS NOT NULL)
    SELECT step, (extract(epoch FROM watermark) * 1000)::float8 AS watermark_ms
      FROM (SELECT greatest(0, ceil(extract(epoch FROM ended_at - ${from.toISOString()}::timestamptz AT TIME ZONE 'UTC')
                                   * 1000 / ${stepMs}::float8))::int AS step,
                   max(watermark) AS watermark
              FROM runs
             WHERE ended_at <= ${options.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
             GROUP BY 1) AS landed
    UNION ALL
    (SELECT -1, (extract(epoch FROM watermark) * 1000)::float8 FROM runs ORDER BY started_at DESC LIMIT 1)`;
  const latest = rows.find((row) => row.step === -1);
  return {
    byStep: rows
      .filter((row) => row.step >= 0)
      .map((row) => ({
        status: "success" as const,
        endedAt: new Date(from.getTime() + row.step * stepMs),
        watermark: new Date(Number(row.watermark_ms)),
      })),
    latestWatermark: latest ? new Date(Number(latest.watermark_ms)) : null,
  };
}

export async function viewFreshnessDetail(
  prisma: Db,
  view: {
    id: string;
    kind: "batch" | "stream" | "on_demand";
    scheduleSeconds: number | null;
    slideIntervalSeconds: number | null;
    freshnessSlaSeconds: number | null;
  },
  environmentId: string,
  now: Date,
): Promise<FeatureHealth["freshness"]> {
  if (view.kind === "on_demand") return null;
  const from = new Date(now.getTime() - HEALTH_WINDOW_DAYS * 86_400_000);
  const runs = await landedRunsByStep(prisma, {
    viewId: view.id,
    environmentId,
    since: new Date(from.getTime() - 30 * 86_400_000),
    from,
    now,
    stepMs: SERIES_STEP_SECONDS * 1000,
  });
  const sla = freshnessSlaSeconds(view);
  const series = stalenessSeries(runs.byStep, from, now, SERIES_STEP_SECONDS);
  const staleness = stalenessSeconds(now, runs.latestWatermark);
  return {
    status: freshnessStatus(staleness, sla),
    stalenessSeconds: staleness,
    slaSeconds: sla,
    series: series.map((p) => ({ at: p.at.toISOString(), value: p.stalenessSeconds })),
  };
}

export async function featureHealth(
  prisma: Db,
  options: {
    workspaceId: string;
    featureId: string;
    view: Parameters<typeof viewFreshnessDetail>[1];
    environment: { id: string; name: string };
    now?: Date;
  },
): Promise<FeatureHealth> {
  const { workspaceId, featureId, environment } = options;
  const now = options.now ?? new Date();
  const [freshness, profiles, baseline, overrides, alerts] = await Promise.all([
    viewFreshnessDetail(prisma, options.view, environment.id, now),
    prisma.featureProfile.findMany({
      where: { workspaceId, featureId, environmentId: environment.id, savedDatasetId: null },
      orderBy: { windowStart: "desc" },
      take: 60,
      select: { source: true, windowStart: true, windowEnd: true, counts: true },
    }),
    prisma.featureProfile.findFirst({
      where: { workspaceId, featureId, savedDatasetId: { not: null } },
      orderBy: { windowStart: "desc" },
      select: { counts: true },
    }),
    prisma.statisticThreshold.findMany({ where: { featureId }, select: { statistic: true, warn: true, alert: true } }),
    getOpenAlertsByObject(prisma, {
      workspaceId,
      environmentId: environment.id,
      objects: [
        { kind: "feature", id: featureId },
        { kind: "feature_view", id: options.view.id },
      ],
    }),
  ]);
  let thresholds;
  try {
    thresholds = resolveThresholds(overrides);
  } catch {
    thresholds = resolveThresholds();
  }
  const online = profiles.filter((p) => p.source === "online").reverse();
  const offlineByWindow = new Map(
    profiles
      .filter((p) => p.source === "offline")
      .map((p) => [`${p.windowStart.getTime()}-${p.windowEnd.getTime()}`, p.counts]),
  );
  const comparable = (a: number[] | undefined | null, b: number[]) =>
    Boolean(a && a.length === b.length && a.length > 0);
  const skewSeries: SeriesPoint[] = online.map((p) => {
    const offline = offlineByWindow.get(`${p.windowStart.getTime()}-${p.windowEnd.getTime()}`);
    return {
      at: p.windowEnd.toISOString(),
      value: comparable(offline, p.counts) ? jsDistance(offline!, p.counts) : null,
    };
  });
  const driftSeries: SeriesPoint[] = online.map((p) => ({
    at: p.windowEnd.toISOString(),
    value: comparable(baseline?.counts, p.counts) ? psi(baseline!.counts, p.counts) : null,
  }));
  const lastValue = (series: SeriesPoint[]) => [...series].reverse().find((p) => p.value !== null)?.value ?? null;
  const skewLatest = lastValue(skewSeries);
  const driftLatest = lastValue(driftSeries);
  const keys = [alertObjectKey("feature", featureId), alertObjectKey("feature_view", options.view.id)];
  const badges = keys.map((key) => alerts.get(key)).filter((b) => b !== undefined);
  return {
    environment: environment.name,
    freshness,
    skew: {
      statistic: "jsDistance",
      latest: skewLatest,
      status: skewLatest === null ? null : statusFor("jsDistance", skewLatest, thresholds),
      series: skewSeries,
    },
    drift: {
      statistic: "psi",
      latest: driftLatest,
      status: driftLatest === null ? null : statusFor("psi", driftLatest, thresholds),
      comparedWith: baseline ? "baseline" : null,
      series: driftSeries,
    },
    alerts: badges.length
      ? {
          count: badges.reduce((sum, b) => sum + b.count, 0),
          severity: badges.some((b) => b.severity === "critical") ? "critical" : "warning",
        }
      : null,
  };
}
