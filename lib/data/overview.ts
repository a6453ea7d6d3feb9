import "server-only";
import type { Db } from "@/lib/db";
import { freshnessSlaSeconds, freshnessStatus, stalenessSeconds } from "@/lib/monitoring/freshness";
import { psi } from "@/lib/monitoring/stats";
import { DEFAULT_THRESHOLDS } from "@/lib/monitoring/thresholds";

export async function getCatalogCounts(prisma: Db, workspaceId: string) {
  const where = { workspaceId };
  const [features, featureViews, dataSources, entities, featureServices, models, savedDatasets] = await Promise.all([
    prisma.feature.count({ where }),
    prisma.featureView.count({ where }),
    prisma.dataSource.count({ where }),
    prisma.entity.count({ where }),
    prisma.featureService.count({ where }),
    prisma.model.count({ where }),
    prisma.savedDataset.count({ where }),
  ]);
  return { features, featureViews, dataSources, entities, featureServices, models, savedDatasets };
}

export interface HealthSummary {
  staleViews: { id: string; name: string; kind: string; stalenessSeconds: number | null; slaSeconds: number }[];
  servicesOverBudget: { id: string; name: string; p99Ms: number; budgetMs: number }[];
  driftingFeatures: { id: string; name: string; viewName: string; psi: number; comparedWith: "baseline" | "offline" }[];
  openAlerts: number;
}

/** What is unhealthy now in one environment: stale views, slow services, drifting features. */
export async function getHealthSummary(
  prisma: Db,
  workspaceId: string,
  environmentId: string,
  now = new Date(),
): Promise<HealthSummary> {
  const [staleViews, servicesOverBudget, driftingFeatures, openAlerts] = await Promise.all([
    listStaleViews(prisma, workspaceId, environmentId, now),
    listServicesOverBudget(prisma, workspaceId, environmentId, now),
    listDriftingFeatures(prisma, workspaceId, environmentId),
    prisma.alert.count({ where: { workspaceId, environmentId, endedAt: null, acknowledgedAt: null } }),
  ]);
  return { staleViews, servicesOverBudget, driftingFeatures, openAlerts };
}

async function listStaleViews(prisma: Db, workspaceId: string, environmentId: string, now: Date) {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      name: string;
      kind: "batch" | "stream";
      schedule_seconds: number | null;
      slide_interval_seconds: number | null;
      freshness_sla_seconds: number | null;
      watermark: Date | null;
    }[]
  >`
    SELECT fv.id, fv.name, fv.kind::text AS kind, fv.schedule_seconds, fv.slide_interval_seconds,
           fv.freshness_sla_seconds, max(r.watermark) AS watermark
    FROM feature_view fv
    JOIN materialization_run r
      ON r.feature_view_id = fv.id AND r.environment_id = ${environmentId} AND r.status = 'success'
    WHERE fv.workspace_id = ${workspaceId} AND fv.kind <> 'on_demand'
    GROUP BY fv.id`;
  return rows
    .map((row) => {
      const sla = freshnessSlaSeconds({
        kind: row.kind,
        scheduleSeconds: row.schedule_seconds,
        slideIntervalSeconds: row.slide_interval_seconds,
        freshnessSlaSeconds: row.freshness_sla_seconds,
      });
      const staleness = stalenessSeconds(now, row.watermark ? new Date(row.watermark) : null);
      return { row, sla, staleness };
    })
    .filter(({ sla, staleness }) => sla !== null && freshnessStatus(staleness, sla) === "stale")
    .map(({ row, sla, staleness }) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      stalenessSeconds: Number.isFinite(staleness) ? (staleness as number) : null,
      slaSeconds: sla!,
    }))
    .sort((a, b) => (b.stalenessSeconds ?? Infinity) / b.slaSeconds - (a.stalenessSeconds ?? Infinity) / a.slaSeconds);
}

async function listServicesOverBudget(prisma: Db, workspaceId: string, environmentId: string, now: Date) {
  const since = new Date(now.getTime() - 60 * 60 * 1000);
  // Request-weighted mean of per-minute p99s over the last hour: an approximation, labelled so.
  const rows = await prisma.$queryRaw<{ id: string; name: string; budget: number; p99: number | null }[]>`
    SELECT s.id, s.name, s.latency_budget_ms AS budget,
           sum(m.latency_p99_ms * m.request_count) / nullif(sum(m.request_count), 0) AS p99
    FROM feature_service s
    JOIN serving_metric m
      ON m.feature_service_id = s.id AND m.environment_id = ${environmentId}
     AND m.bucket_seconds = 60 AND m.bucket_start >= ${since}
    WHERE s.workspace_id = ${workspaceId}
    GROUP BY s.id`;
  return rows
    .filter((row) => row.p99 !== null && Number(row.p99) > row.budget)
    .map((row) => ({ id: row.id, name: row.name, p99Ms: Number(row.p99), budgetMs: row.budget }))
    .sort((a, b) => b.p99Ms / b.budgetMs - a.p99Ms / a.budgetMs);
}

async function listDriftingFeatures(prisma: Db, workspaceId: string, environmentId: string) {
  // The newest online profile of each feature, and what it is compared with: the training
  // baseline when one exists, else the offline profile of the same window (skew).
  const rows = await prisma.$queryRaw<
    {
      feature_id: string;
      name: string;
      view_name: string;
      online: number[];
      baseline: number[] | null;
      offline: number[] | null;
    }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON (p.feature_id) p.feature_id, p.counts, p.window_start, p.window_end
      FROM feature_profile p
      WHERE p.workspace_id = ${workspaceId} AND p.environment_id = ${environmentId} AND p.source = 'online'
      ORDER BY p.feature_id, p.window_start DESC
    )
    SELECT l.feature_id, f.name, fv.name AS view_name, l.counts AS online,
      (SELECT b.counts FROM feature_profile b
        WHERE b.feature_id = l.feature_id AND b.saved_dataset_id IS NOT NULL
        ORDER BY b.window_start DESC LIMIT 1) AS baseline,
      (SELECT o.counts FROM feature_profile o
        WHERE o.feature_id = l.feature_id AND o.environment_id = ${environmentId} AND o.source = 'offline'
          AND o.window_start = l.window_start AND o.window_end = l.window_end AND o.saved_dataset_id IS NULL
        LIMIT 1) AS offline
    FROM latest l
    JOIN feature f ON f.id = l.feature_id
    JOIN feature_view fv ON fv.id = f.feature_view_id`;
  const alertAt = DEFAULT_THRESHOLDS.psi.alert;
  const drifting: HealthSummary["driftingFeatures"] = [];
  for (const row of rows) {
    const reference = row.baseline ?? row.offline;
    if (!reference || reference.length !== row.online.length || reference.length === 0) continue;
    const score = psi(reference.map(Number), row.online.map(Number));
    if (score > alertAt) {
      drifting.push({
        id: row.feature_id,
        name: row.name,
        viewName: row.view_name,
        psi: score,
        comparedWith: row.baseline ? "baseline" : "offline",
      });
    }
  }
  return drifting.sort((a, b) => b.psi - a.psi);
}
