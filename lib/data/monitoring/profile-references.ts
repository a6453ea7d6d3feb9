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
