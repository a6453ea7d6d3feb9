import "server-only";
import type { Db } from "@/lib/db";
import { mergeProfiles, type ProfileRow } from "@/lib/monitoring/profiles";

export const PROFILE_SELECT = {
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

/** Training baselines (newest profile with a saved dataset) and pinned windows per feature. */
export async function loadReferences(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureIds: string[] },
) {
  const [baselineRows, pins] = await Promise.all([
    prisma.featureProfile.findMany({
      where: { workspaceId: options.workspaceId, featureId: { in: options.featureIds }, savedDatasetId: { not: null } },
      orderBy: { windowEnd: "desc" },
      select: PROFILE_SELECT,
    }),
    findPins(prisma, options.environmentId, options.featureIds),
  ]);
  const baselines = new Map<string, ProfileRow>();
  for (const row of baselineRows) if (!baselines.has(row.featureId)) baselines.set(row.featureId, row);
  const pinned = await loadPinnedReferences(prisma, {
    environmentId: options.environmentId,
    featureIds: options.featureIds,
    pins,
  });
  const datasetIds = [...new Set(baselineRows.map((row) => row.savedDatasetId!).filter(Boolean))];
  const datasets = datasetIds.length
    ? await prisma.savedDataset.findMany({ where: { id: { in: datasetIds } }, select: { id: true, name: true } })
    : [];
  return { baselines, pinned, datasetNames: new Map(datasets.map((dataset) => [dataset.id, dataset.name])) };
}

type Pin = { featureId: string; windowStart: Date; windowEnd: Date };

function findPins(prisma: Db, environmentId: string, featureIds: string[] | null): Promise<Pin[]> {
  return prisma.driftBaseline.findMany({
    where: { environmentId, ...(featureIds ? { featureId: { in: featureIds } } : {}) },
    select: { featureId: true, windowStart: true, windowEnd: true },
  });
}

/**
 * Pinned drift baselines per feature: the feature's online profiles of the pinned window, merged.
 * Pins are few (set by hand on a feature's page), so this reads only pinned features' profiles.
 */
export async function loadPinnedReferences(
  prisma: Db,
  options: { environmentId: string; featureIds: string[] | null; pins?: Pin[] },
): Promise<Map<string, ProfileRow>> {
  const pins = options.pins ?? (await findPins(prisma, options.environmentId, options.featureIds));
  const pinned = new Map<string, ProfileRow>();
  if (pins.length === 0) return pinned;
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
  return pinned;
}
