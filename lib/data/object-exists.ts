import "server-only";
import type { Db } from "@/lib/db";
import { CATALOG_KINDS, type CatalogKind } from "@/lib/search/types";

/*
 * Cheap existence checks for the layouts of detail pages. A page under a loading.tsx streams
 * its skeleton with status 200 before it can call notFound(); the segment's layout renders
 * before that boundary, so checking there answers a missing (or another workspace's) id with
 * a real 404. Definition pages also take the object's name for its id (`/catalog/feature_view/
 * user_profile/versions`), as findCurrentDefinition does; features are named only within a view.
 */

// One raw statement: every detail page asks this, and through Prisma each ask cost more in its
// query compiler than in the database.
export async function catalogObjectExists(
  prisma: Db,
  { workspaceId, kind, id }: { workspaceId: string; kind: CatalogKind; id: string },
): Promise<boolean> {
  // Each kind's table has the kind's name; checked, since it is written into the statement.
  if (!CATALOG_KINDS.includes(kind)) return false;
  const byName = kind === "feature" ? "" : " OR name = $2";
  const rows = await prisma.$queryRawUnsafe<{ found: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM ${kind} WHERE workspace_id = $1 AND (id = $2${byName})) AS found`,
    workspaceId,
    id,
  );
  return rows[0]?.found === true;
}

export async function promotionRequestExists(
  prisma: Db,
  { workspaceId, number }: { workspaceId: string; number: number },
): Promise<boolean> {
  return (await prisma.promotionRequest.count({ where: { workspaceId, number } })) > 0;
}
