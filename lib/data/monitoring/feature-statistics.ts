import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  profileKind,
  safeCompare,
  safeThresholds,
  statusThresholds,
  type ProfileShape,
} from "@/lib/monitoring/profiles";
import type { ProfileKind, StatisticValues } from "@/lib/monitoring/stats";
import {
  scoreStatistics,
  worstStatus,
  type DriftStatus,
  type ThresholdOverride,
  type Thresholds,
} from "@/lib/monitoring/thresholds";
import { loadPinnedReferences } from "./profile-references";
import { onlyIds } from "./scope";

export interface FeatureStatisticsRow {
  featureId: string;
  name: string;
  featureView: { id: string; name: string; kind: string };
  windowEnd: string;
  kind: ProfileKind;
  skew: { values: StatisticValues; worst: DriftStatus } | null;
  drift: { values: StatisticValues; worst: DriftStatus } | null;
  /** "no_data" when neither skew nor drift could be measured (no reference profile to compare with). */
  worst: FeatureStatisticsStatus;
  /** The largest PSI of the two comparisons, for sorting. */
  psi: number | null;
}

export type FeatureStatisticsStatus = DriftStatus | "no_data";

/** One feature's three profiles, each as `<prefix>_edges`, `<prefix>_categories`, `<prefix>_counts`. */
type StatisticsSqlRow = {
  feature_id: string;
  name: string;
  view_id: string;
  view_name: string;
  view_kind: string;
  window_end: Date;
} & { [column in `${"online" | "offline" | "baseline"}_id`]: string | null } & {
  [column in `${"online" | "offline" | "baseline"}_${"edges" | "categories" | "counts"}`]: unknown[] | null;
};

/**
 * The latest skew and drift statistics of every profiled feature, optionally only those a
 * service or model serves; the worst first. One statement reads, per feature, its newest
 * online profile, the offline profile of the same window and the newest training profile (each
 * an index probe, see migration 0015), so 50,000 features cost one round trip.
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
  const shape = (alias: string, prefix: string) =>
    Prisma.raw(
      `${alias}.id AS ${prefix}_id, ${alias}.bin_edges AS ${prefix}_edges, ${alias}.categories AS ${prefix}_categories, ${alias}.counts AS ${prefix}_counts`,
    );
  const [found, overrides, pinned] = await Promise.all([
    // One statement for every feature: index probes per feature (JIT is off for every session, lib/db/engine.ts).
    prisma.$queryRaw<StatisticsSqlRow[]>`
      SELECT f.id AS feature_id, f.name, fv.id AS view_id, fv.name AS view_name, fv.kind::text AS view_kind,
             o.window_end, ${shape("o", "online")}, ${shape("off", "offline")}, ${shape("b", "baseline")}
        FROM feature f
        JOIN feature_view fv ON fv.id = f.feature_view_id
        CROSS JOIN LATERAL (
          SELECT p.id, p.window_start, p.window_end, p.bin_edges, p.categories, p.counts FROM feature_profile p
           WHERE p.feature_id = f.id AND p.environment_id = ${options.environmentId} AND p.source = 'online'
           ORDER BY p.window_start DESC LIMIT 1) o
        -- Lateral, so it is one probe of the unique key per feature rather than a hash of every offline profile.
        LEFT JOIN LATERAL (
          SELECT off.id, off.bin_edges, off.categories, off.counts FROM feature_profile off
           WHERE off.feature_id = f.id AND off.environment_id = ${options.environmentId} AND off.source = 'offline'
             AND off.window_start = o.window_start AND off.window_end = o.window_end AND off.saved_dataset_id IS NULL
           LIMIT 1) off ON true
        -- The training baseline: the newest profile of a saved dataset, whatever its environment (index from 0015).
        LEFT JOIN LATERAL (
          SELECT t.id, t.bin_edges, t.categories, t.counts FROM feature_profile t
           WHERE t.feature_id = f.id AND t.saved_dataset_id IS NOT NULL
           ORDER BY t.window_end DESC LIMIT 1) b ON true
       WHERE f.workspace_id = ${options.workspaceId} ${onlyIds(Prisma.sql`f.id`, featureIds)}`,
    // The workspace's overrides are few; a join beats an IN list of every profiled feature.
    prisma.$queryRaw<{ featureId: string; statistic: string; warn: number; alert: number }[]>`
      SELECT t.feature_id AS "featureId", t.statistic, t.warn, t.alert
        FROM statistic_threshold t JOIN feature f ON f.id = t.feature_id
       WHERE f.workspace_id = ${options.workspaceId} ${onlyIds(Prisma.sql`f.id`, featureIds)}`,
    loadPinnedReferences(prisma, { environmentId: options.environmentId, featureIds }),
  ]);
  const overridesByFeature = new Map<string, ThresholdOverride[]>();
  for (const override of overrides) {
    const list = overridesByFeature.get(override.featureId) ?? [];
    list.push(override);
    overridesByFeature.set(override.featureId, list);
  }
  // Most features have no override: their thresholds are the defaults of their kind, resolved once.
  const defaults = new Map<ProfileKind, Thresholds>();
  const thresholdsFor = (featureId: string, kind: ProfileKind) => {
    const own = overridesByFeature.get(featureId);
    if (own) return statusThresholds(safeThresholds(own, kind), new Set(own.map((override) => override.statistic)));
    if (!defaults.has(kind)) defaults.set(kind, statusThresholds(safeThresholds([], kind), new Set()));
    return defaults.get(kind)!;
  };
  const rows = found.map((row) => scoreFeature(row, thresholdsFor, pinned.get(row.feature_id)));
  const rank: Record<FeatureStatisticsStatus, number> = { alert: 0, warn: 1, ok: 2, no_data: 3 };
  return rows.sort(
    (a, b) =>
      rank[a.worst] - rank[b.worst] ||
      (b.psi ?? -1) - (a.psi ?? -1) ||
      (a.featureId < b.featureId ? -1 : a.featureId > b.featureId ? 1 : 0),
  );
}

/** The profile a row carries under `prefix`, or null when the LEFT JOIN found none. */
function profileOf(row: StatisticsSqlRow, prefix: "online" | "offline" | "baseline"): ProfileShape | null {
  if (row[`${prefix}_id`] === null) return null;
  return {
    binEdges: (row[`${prefix}_edges`] ?? []) as number[],
    categories: (row[`${prefix}_categories`] ?? []) as string[],
    counts: (row[`${prefix}_counts`] ?? []) as number[],
  };
}

/** Skew (vs the offline profile of the same window) and drift (vs the pinned window, else the training profile). */
function scoreFeature(
  row: StatisticsSqlRow,
  thresholdsFor: (featureId: string, kind: ProfileKind) => Thresholds,
  pinned: ProfileShape | undefined,
): FeatureStatisticsRow {
  const online = profileOf(row, "online")!;
  const kind = profileKind(online);
  const thresholds = thresholdsFor(row.feature_id, kind);
  const score = (reference: ProfileShape | null | undefined) => {
    if (!reference) return null;
    const values = safeCompare(reference, online);
    return values ? { values, worst: scoreStatistics(values, thresholds).worst } : null;
  };
  const skew = score(profileOf(row, "offline"));
  const drift = score(pinned ?? profileOf(row, "baseline"));
  const psiValues = [skew?.values.psi, drift?.values.psi].filter((value): value is number => value !== undefined);
  return {
    featureId: row.feature_id,
    name: row.name,
    featureView: { id: row.view_id, name: row.view_name, kind: row.view_kind },
    windowEnd: new Date(row.window_end).toISOString(),
    kind,
    skew,
    drift,
    worst: skew || drift ? worstStatus([skew?.worst ?? "ok", drift?.worst ?? "ok"]) : "no_data",
    psi: psiValues.length ? Math.max(...psiValues) : null,
  };
}

export interface FeatureStatisticsFilters {
  services: { id: string; name: string }[];
  models: { id: string; name: string }[];
}

/** The services and models the skew & drift list can be narrowed to, by name. */
export async function listFeatureStatisticsFilters(prisma: Db, workspaceId: string): Promise<FeatureStatisticsFilters> {
  const [services, models] = await Promise.all([
    prisma.featureService.findMany({
      where: { workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.model.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { services, models };
}
