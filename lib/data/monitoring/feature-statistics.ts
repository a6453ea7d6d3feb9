import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  profileKind,
  safeCompare,
  safeThresholds,
  statusThresholds,
  windowKey,
  type ProfileRow,
} from "@/lib/monitoring/profiles";
import type { ProfileKind, StatisticValues } from "@/lib/monitoring/stats";
import { scoreStatistics, worstStatus, type DriftStatus } from "@/lib/monitoring/thresholds";
import { PROFILE_SELECT, loadReferences } from "./profile-references";
import { onlyIds } from "./scope";

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
      worst: worstStatus([skew?.worst ?? "ok", drift?.worst ?? "ok"]),
      psi: psiValues.length ? Math.max(...psiValues) : null,
    });
  }
  const rank: Record<DriftStatus, number> = { alert: 0, warn: 1, ok: 2 };
  return rows.sort((a, b) => rank[a.worst] - rank[b.worst] || (b.psi ?? -1) - (a.psi ?? -1));
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
