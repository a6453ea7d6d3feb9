import "server-only";
import { alertObjectKey, getOpenAlertsByObject } from "@/lib/data/alerts";
import type { Db } from "@/lib/db";
import { freshnessSlaSeconds, freshnessStatus, stalenessSeconds, stalenessSeries } from "@/lib/monitoring/freshness";
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
  const runs = await prisma.materializationRun.findMany({
    where: { featureViewId: view.id, environmentId, startedAt: { gte: new Date(from.getTime() - 30 * 86_400_000) } },
    orderBy: { startedAt: "asc" },
    select: { status: true, endedAt: true, watermark: true },
    take: 20_000,
  });
  const sla = freshnessSlaSeconds(view);
  const series = stalenessSeries(runs, from, now, 3 * 3600);
  const latest = runs.filter((r) => r.status === "success" && r.watermark).at(-1);
  const staleness = stalenessSeconds(now, latest?.watermark ?? null);
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
