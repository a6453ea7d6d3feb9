import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  costPerDay,
  freshnessSlaSeconds,
  freshnessStatus,
  stalenessSeconds,
  stalenessSeries,
  type FreshnessStatus,
} from "@/lib/monitoring/freshness";
import type { FiringAlert } from "@/lib/monitoring/summary";
import { findFiringAlert } from "./firing";
import { DAY_MS, onlyIds } from "./scope";

export interface ViewFreshness {
  id: string;
  name: string;
  kind: "batch" | "stream";
  owner: string;
  schedule: string | null;
  slaSeconds: number | null;
  watermark: string | null;
  stalenessSeconds: number | null;
  /** "not_deployed": the view is deployed to other environments, not this one (never stale here). */
  status: FreshnessStatus | "not_deployed";
  lastRunStatus: "running" | "success" | "failed" | null;
  lastRunAt: string | null;
  failedRuns24h: number;
}

/**
 * Every materialised view's freshness now: staleness of its newest landed watermark vs its SLA.
 * Views not deployed to the environment are left out (unless `includeUndeployed`, for a view's
 * own page): a view with an active version elsewhere but not here has nothing to keep fresh here,
 * whatever runs it once had. A view outside the promotion workflow (no active version anywhere)
 * is judged wherever its runs arrive.
 */
export async function listViewFreshness(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId: string;
    now?: Date;
    featureViewIds?: string[];
    includeUndeployed?: boolean;
  },
): Promise<ViewFreshness[]> {
  const now = options.now ?? new Date();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const ids = options.featureViewIds ?? null;
  const isDeployed = Prisma.sql`(EXISTS (SELECT 1 FROM active_version av WHERE av.environment_id = ${options.environmentId}
      AND av.object_kind = 'feature_view' AND av.object_id = fv.id)
    OR NOT EXISTS (SELECT 1 FROM active_version av WHERE av.object_kind = 'feature_view' AND av.object_id = fv.id))`;
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
      is_deployed: boolean;
    }[]
  >`
    SELECT fv.id, fv.name, fv.kind::text AS kind, fv.owner, coalesce(fv.schedule, fv.slide_interval) AS schedule,
           fv.schedule_seconds, fv.slide_interval_seconds, fv.freshness_sla_seconds,
           w.watermark, last.status::text AS last_status, last.started_at AS last_started, coalesce(f.n, 0)::int AS failed_24h,
           ${isDeployed} AS is_deployed
      FROM feature_view fv
      LEFT JOIN LATERAL (
        -- The newest landed watermark: the first entry of materialization_run_landed_idx (0015).
        SELECT r.watermark FROM materialization_run r
         WHERE r.feature_view_id = fv.id AND r.environment_id = ${options.environmentId}
           AND r.status = 'success' AND r.watermark IS NOT NULL AND r.ended_at <= ${now}
         ORDER BY r.watermark DESC LIMIT 1) w ON true
      LEFT JOIN LATERAL (
        SELECT r.status, r.started_at FROM materialization_run r
         WHERE r.feature_view_id = fv.id AND r.environment_id = ${options.environmentId} AND r.started_at <= ${now}
         ORDER BY r.started_at DESC LIMIT 1) last ON true
      LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM materialization_run r
         WHERE r.feature_view_id = fv.id AND r.environment_id = ${options.environmentId}
           AND r.status = 'failed' AND r.started_at >= ${dayAgo}) f ON true
     WHERE fv.workspace_id = ${options.workspaceId} AND fv.kind <> 'on_demand'
       ${onlyIds(Prisma.sql`fv.id`, ids)} ${options.includeUndeployed ? Prisma.empty : Prisma.sql`AND ${isDeployed}`}
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
      status: row.is_deployed ? freshnessStatus(staleness, sla) : "not_deployed",
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
  /** The worst alert firing on the view now, if any. */
  firing: FiringAlert | null;
}

/** Staleness over time against the SLA, the runs timeline, rows written and cost per day. */
export async function getFreshnessDetail(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureViewId: string; from: Date; to: Date; now?: Date },
): Promise<FreshnessDetail | null> {
  const now = options.now ?? new Date();
  const [view] = await listViewFreshness(prisma, {
    ...options,
    now,
    featureViewIds: [options.featureViewId],
    includeUndeployed: true,
  });
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
  const [[before], runs, firing] = await Promise.all([
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
    findFiringAlert(prisma, {
      workspaceId: options.workspaceId,
      environmentId: options.environmentId,
      objectKind: "feature_view",
      objectId: view.id,
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
    firing,
  };
}
