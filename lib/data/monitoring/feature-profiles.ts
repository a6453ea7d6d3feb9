import "server-only";
import type { Db } from "@/lib/db";
import type { ProfileRow } from "@/lib/monitoring/profiles";
import { PROFILE_SELECT } from "./profile-references";

/** Profiles a feature page reads for its trend. */
export const PROFILE_HISTORY_LENGTH = 14;

/**
 * The latest `limit` online profiles of each of `featureIds` in one environment, newest first
 * per feature, read for all the features at once (one ranked query, then the rows by id).
 * Training baselines (profiles of a saved dataset) are not serving data and are left out.
 */
export async function listLatestFeatureProfiles(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; featureIds: string[]; limit?: number },
): Promise<Map<string, ProfileRow[]>> {
  const byFeature = new Map<string, ProfileRow[]>();
  if (options.featureIds.length === 0) return byFeature;
  const limit = Math.max(1, Math.min(options.limit ?? PROFILE_HISTORY_LENGTH, 100));
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT p.id, row_number() OVER (PARTITION BY p.feature_id ORDER BY p.window_end DESC, p.window_start DESC) AS n
        FROM feature_profile p
       WHERE p.workspace_id = ${options.workspaceId} AND p.environment_id = ${options.environmentId}
         AND p.source = 'online' AND p.saved_dataset_id IS NULL
         AND p.feature_id IN (SELECT unnest(${options.featureIds}::text[]))) ranked
     WHERE n <= ${limit}`;
  if (ranked.length === 0) return byFeature;
  const rows = await prisma.featureProfile.findMany({
    where: { id: { in: ranked.map((row) => row.id) } },
    orderBy: [{ featureId: "asc" }, { windowEnd: "desc" }, { windowStart: "desc" }],
    select: PROFILE_SELECT,
  });
  for (const row of rows) {
    const list = byFeature.get(row.featureId) ?? [];
    list.push(row);
    byFeature.set(row.featureId, list);
  }
  return byFeature;
}
