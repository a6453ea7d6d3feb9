import "server-only";
import type { Db } from "@/lib/db";
import {
  compare,
  day,
  methodDescription,
  profileKind,
  safeCompare,
  safeThresholds,
  windowKey,
  type Comparison,
  type ProfileRow,
} from "@/lib/monitoring/profiles";
import type { ProfileKind, StatisticName } from "@/lib/monitoring/stats";
import { PROFILE_SELECT, loadReferences } from "./profile-references";

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
