import "server-only";
import type { Db } from "@/lib/db";
import type { CatalogKind } from "@/lib/search/types";

/*
 * Cheap existence checks for the layouts of detail pages. A page under a loading.tsx streams
 * its skeleton with status 200 before it can call notFound(); the segment's layout renders
 * before that boundary, so checking there answers a missing (or another workspace's) id with
 * a real 404. Definition pages also take the object's name for its id (`/catalog/feature_view/
 * user_profile/versions`), as findCurrentDefinition does; features are named only within a view.
 */

export async function catalogObjectExists(
  prisma: Db,
  { workspaceId, kind, id }: { workspaceId: string; kind: CatalogKind; id: string },
): Promise<boolean> {
  const where = { workspaceId, OR: [{ id }, { name: id }] };
  switch (kind) {
    case "feature":
      return (await prisma.feature.count({ where: { id, workspaceId } })) > 0;
    case "feature_view":
      return (await prisma.featureView.count({ where })) > 0;
    case "data_source":
      return (await prisma.dataSource.count({ where })) > 0;
    case "entity":
      return (await prisma.entity.count({ where })) > 0;
    case "feature_service":
      return (await prisma.featureService.count({ where })) > 0;
    case "model":
      return (await prisma.model.count({ where })) > 0;
    case "saved_dataset":
      return (await prisma.savedDataset.count({ where })) > 0;
  }
}

export async function promotionRequestExists(
  prisma: Db,
  { workspaceId, number }: { workspaceId: string; number: number },
): Promise<boolean> {
  return (await prisma.promotionRequest.count({ where: { workspaceId, number } })) > 0;
}
