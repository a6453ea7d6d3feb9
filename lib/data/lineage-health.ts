import "server-only";
import { getOpenAlertsByObject } from "@/lib/data/alerts";
import type { Db } from "@/lib/db";
import {
  withOverall,
  type DistributionHealth,
  type FreshnessHealth,
  type LatencyHealth,
  type NodeHealth,
} from "@/lib/lineage/health";
import { nodeId, parseNodeId, type LineageNode } from "@/lib/lineage/types";
import { freshnessSlaSeconds, freshnessStatus, stalenessSeconds } from "@/lib/monitoring/freshness";
import { overBudget } from "@/lib/monitoring/latency";
import { psi } from "@/lib/monitoring/stats";
import { DEFAULT_THRESHOLDS, resolveThresholds, statusFor, type DriftStatus } from "@/lib/monitoring/thresholds";

const HOUR_MS = 3_600_000;
const STATUS_RANK: Record<DriftStatus, number> = { ok: 0, warn: 1, alert: 2 };

interface NodeHealthParts {
  freshness?: FreshnessHealth;
  latency?: LatencyHealth;
  drift?: DistributionHealth;
  skew?: DistributionHealth;
  alerts?: NodeHealth["alerts"];
}

/**
 * Health of the given lineage nodes in one environment, keyed by node id: freshness against
 * the SLA for batch and stream views, request-weighted p99 of the last hour against the
 * budget for services, PSI drift (online vs training baseline) and skew (online vs offline,
 * same window) for features, and open alerts for anything. Feature views also carry the
 * worst drift / skew of their features, and their features' alerts, so the object-level
 * picture shows them. Nodes with nothing measured are left out.
 */
export async function getLineageHealth(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId: string;
    nodes: readonly Pick<LineageNode, "id" | "kind" | "objectId">[];
    now?: Date;
  },
): Promise<Record<string, NodeHealth>> {
  const { workspaceId, environmentId } = options;
  const now = options.now ?? new Date();
  const viewIds = options.nodes.filter((node) => node.kind === "feature_view").map((node) => node.objectId);
  const serviceIds = options.nodes.filter((node) => node.kind === "feature_service").map((node) => node.objectId);
  const featureIds = options.nodes.filter((node) => node.kind === "feature").map((node) => node.objectId);
  const present = new Set(options.nodes.map((node) => node.id));

  const [freshness, latency, distributions, alerts] = await Promise.all([
    viewIds.length
      ? loadFreshness(prisma, { workspaceId, environmentId, viewIds, now })
      : new Map<string, FreshnessHealth>(),
    serviceIds.length
      ? loadLatency(prisma, { workspaceId, environmentId, serviceIds, now })
      : new Map<string, LatencyHealth>(),
    viewIds.length || featureIds.length
      ? loadDistributions(prisma, { workspaceId, environmentId, viewIds, featureIds })
      : [],
    getOpenAlertsByObject(prisma, { workspaceId, environmentId }),
  ]);

  const parts = new Map<string, NodeHealthParts>();
  const partsOf = (id: string) => {
    let entry = parts.get(id);
    if (!entry) parts.set(id, (entry = {}));
    return entry;
  };
  for (const [viewId, health] of freshness) partsOf(nodeId("feature_view", viewId)).freshness = health;
  for (const [serviceId, health] of latency) partsOf(nodeId("feature_service", serviceId)).latency = health;

  // Features: their own scores; views: the worst of their features' scores and how many are off.
  for (const kind of ["drift", "skew"] as const) {
    const perView = new Map<string, DistributionHealth>();
    for (const row of distributions) {
      const score = row[kind];
      if (!score) continue;
      const featureNode = nodeId("feature", row.featureId);
      if (present.has(featureNode)) partsOf(featureNode)[kind] = score;
      const current = perView.get(row.featureViewId);
      const isWorse =
        !current ||
        STATUS_RANK[score.status] > STATUS_RANK[current.status] ||
        (score.status === current.status && score.psi > current.psi);
      const featureCount = (current?.featureCount ?? 0) + (score.status === "ok" ? 0 : 1);
      perView.set(row.featureViewId, isWorse || !current ? { ...score, featureCount } : { ...current, featureCount });
    }
    for (const [viewId, health] of perView) {
      const viewNode = nodeId("feature_view", viewId);
      if (!present.has(viewNode)) continue;
      const { featureCount, ...rest } = health;
      partsOf(viewNode)[kind] = featureCount ? health : rest;
    }
  }

  // Open alerts on the nodes themselves, and feature alerts folded into views shown without their features.
  const featureAlertIds: string[] = [];
  for (const [key, badge] of alerts) {
    if (present.has(key)) {
      partsOf(key).alerts = { count: badge.count, severity: badge.severity };
    }
    const parsed = parseNodeId(key);
    if (parsed?.kind === "feature" && !present.has(key)) featureAlertIds.push(parsed.objectId);
  }
  if (featureAlertIds.length && viewIds.length) {
    const features = await prisma.feature.findMany({
      where: { workspaceId, id: { in: featureAlertIds }, featureViewId: { in: viewIds } },
      select: { id: true, featureViewId: true },
    });
    for (const feature of features) {
      const badge = alerts.get(nodeId("feature", feature.id))!;
      const entry = partsOf(nodeId("feature_view", feature.featureViewId));
      const count = (entry.alerts?.count ?? 0) + badge.count;
      const severity = entry.alerts?.severity === "critical" || badge.severity === "critical" ? "critical" : "warning";
      entry.alerts = { count, severity };
    }
  }

  const result: Record<string, NodeHealth> = {};
  for (const [id, entry] of parts) result[id] = withOverall(entry);
  return result;
}

async function loadFreshness(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; viewIds: string[]; now: Date },
): Promise<Map<string, FreshnessHealth>> {
  const rows = await prisma.$queryRawUnsafe<
    {
      id: string;
      kind: "batch" | "stream";
      schedule_seconds: number | null;
      slide_interval_seconds: number | null;
      freshness_sla_seconds: number | null;
      watermark: Date | string | null;
    }[]
  >(
    `SELECT fv.id, fv.kind::text AS kind, fv.schedule_seconds, fv.slide_interval_seconds, fv.freshness_sla_seconds,
            (SELECT max(r.watermark) FROM materialization_run r
              WHERE r.feature_view_id = fv.id AND r.environment_id = $2 AND r.status = 'success') AS watermark
       FROM feature_view fv
      WHERE fv.workspace_id = $1 AND fv.kind <> 'on_demand' AND fv.id = ANY($3::text[])`,
    options.workspaceId,
    options.environmentId,
    options.viewIds,
  );
  const health = new Map<string, FreshnessHealth>();
  for (const row of rows) {
    let sla: number | null;
    try {
      sla = freshnessSlaSeconds({
        kind: row.kind,
        scheduleSeconds: row.schedule_seconds,
        slideIntervalSeconds: row.slide_interval_seconds,
        freshnessSlaSeconds: row.freshness_sla_seconds,
      });
    } catch {
      // A malformed schedule in user data: no SLA rather than a failed overlay.
      sla = null;
    }
    const staleness = stalenessSeconds(options.now, row.watermark ? new Date(row.watermark) : null);
    health.set(row.id, { status: freshnessStatus(staleness, sla), stalenessSeconds: staleness, slaSeconds: sla });
  }
  return health;
}

async function loadLatency(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; serviceIds: string[]; now: Date },
): Promise<Map<string, LatencyHealth>> {
  const since = new Date(options.now.getTime() - HOUR_MS);
  // Request-weighted mean of per-minute p99s over the last hour, as the home page computes it.
  const rows = await prisma.$queryRawUnsafe<
    {
      id: string;
      budget: number;
      p99: number | string | null;
      requests: number | string | bigint | null;
      errors: number | string | bigint | null;
    }[]
  >(
    `SELECT s.id, s.latency_budget_ms AS budget,
            sum(m.latency_p99_ms * m.request_count) / nullif(sum(m.request_count), 0) AS p99,
            sum(m.request_count) AS requests, sum(m.error_count) AS errors
       FROM feature_service s
       LEFT JOIN serving_metric m
         ON m.feature_service_id = s.id AND m.environment_id = $2 AND m.bucket_seconds = 60
        AND m.bucket_start >= $4 AND m.bucket_start <= $5
      WHERE s.workspace_id = $1 AND s.id = ANY($3::text[])
      GROUP BY s.id, s.latency_budget_ms`,
    options.workspaceId,
    options.environmentId,
    options.serviceIds,
    since,
    options.now,
  );
  const health = new Map<string, LatencyHealth>();
  for (const row of rows) {
    const p99 = row.p99 === null ? null : Number(row.p99);
    if (p99 === null) continue;
    health.set(row.id, {
      p99Ms: p99,
      budgetMs: row.budget,
      isOverBudget: overBudget(p99, row.budget),
      requestCount: Number(row.requests ?? 0),
      errorCount: Number(row.errors ?? 0),
    });
  }
  return health;
}

interface DistributionRow {
  featureId: string;
  featureViewId: string;
  drift?: { status: DriftStatus; psi: number; alertLevel: number };
  skew?: { status: DriftStatus; psi: number; alertLevel: number };
}

async function loadDistributions(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; viewIds: string[]; featureIds: string[] },
): Promise<DistributionRow[]> {
  // The newest online profile of each feature; drift compares it with the newest training
  // baseline, skew with the offline profile of the same window.
  const rows = await prisma.$queryRawUnsafe<
    {
      feature_id: string;
      feature_view_id: string;
      online: number[];
      baseline: number[] | null;
      offline: number[] | null;
    }[]
  >(
    `WITH wanted AS (
       SELECT f.id, f.feature_view_id FROM feature f
        WHERE f.workspace_id = $1 AND (f.feature_view_id = ANY($3::text[]) OR f.id = ANY($4::text[]))
     ), latest AS (
       SELECT DISTINCT ON (p.feature_id) p.feature_id, p.counts, p.window_start, p.window_end
         FROM feature_profile p JOIN wanted w ON w.id = p.feature_id
        WHERE p.environment_id = $2 AND p.source = 'online' AND p.saved_dataset_id IS NULL
        ORDER BY p.feature_id, p.window_start DESC
     )
     SELECT l.feature_id, w.feature_view_id, l.counts AS online,
       (SELECT b.counts FROM feature_profile b
         WHERE b.feature_id = l.feature_id AND b.saved_dataset_id IS NOT NULL
         ORDER BY b.window_start DESC LIMIT 1) AS baseline,
       (SELECT o.counts FROM feature_profile o
         WHERE o.feature_id = l.feature_id AND o.environment_id = $2 AND o.source = 'offline'
           AND o.window_start = l.window_start AND o.window_end = l.window_end AND o.saved_dataset_id IS NULL
         LIMIT 1) AS offline
       FROM latest l JOIN wanted w ON w.id = l.feature_id`,
    options.workspaceId,
    options.environmentId,
    options.viewIds,
    options.featureIds,
  );
  if (rows.length === 0) return [];
  const overrides = await prisma.statisticThreshold.findMany({
    where: { featureId: { in: rows.map((row) => row.feature_id) }, statistic: "psi" },
    select: { featureId: true, statistic: true, warn: true, alert: true },
  });
  const overridesByFeature = new Map(overrides.map((row) => [row.featureId, row]));

  return rows.map((row) => {
    let thresholds = resolveThresholds();
    const override = overridesByFeature.get(row.feature_id);
    if (override) {
      try {
        thresholds = resolveThresholds([override]);
      } catch {
        // Bounds in the wrong order: keep the defaults rather than fail the overlay.
      }
    }
    const alertLevel = thresholds.psi?.alert ?? DEFAULT_THRESHOLDS.psi.alert;
    const online = row.online.map(Number);
    const score = (reference: number[] | null) => {
      if (!reference || reference.length !== online.length || online.length === 0) return undefined;
      const value = psi(reference.map(Number), online);
      return Number.isFinite(value)
        ? { status: statusFor("psi", value, thresholds), psi: value, alertLevel }
        : undefined;
    };
    const result: DistributionRow = { featureId: row.feature_id, featureViewId: row.feature_view_id };
    const drift = score(row.baseline);
    const skew = score(row.offline);
    if (drift) result.drift = drift;
    if (skew) result.skew = skew;
    return result;
  });
}
