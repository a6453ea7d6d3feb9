import "server-only";
import type { Db } from "@/lib/db";
import { nodeId, type NodeKind } from "@/lib/lineage/types";

export interface LineageSearchHit {
  id: string;
  kind: NodeKind;
  objectId: string;
  name: string;
  detail: string;
}

/** Objects to open the explorer on, by name (features show their view). */
export async function searchLineageObjects(
  prisma: Db,
  options: { workspaceId: string; query: string; limit?: number },
): Promise<LineageSearchHit[]> {
  const query = options.query.trim();
  const limit = options.limit ?? 40;
  const rows = await prisma.$queryRawUnsafe<{ kind: NodeKind; id: string; name: string; detail: string }[]>(
    `SELECT * FROM (
       SELECT 'data_source'::text AS kind, id, name, kind::text AS detail FROM data_source WHERE workspace_id = $1
       UNION ALL SELECT 'entity', id, name, '' FROM entity WHERE workspace_id = $1
       UNION ALL SELECT 'feature_view', id, name, kind::text FROM feature_view WHERE workspace_id = $1
       UNION ALL SELECT 'feature', f.id, f.name, v.name FROM feature f JOIN feature_view v ON v.id = f.feature_view_id
                 WHERE f.workspace_id = $1 AND $2 <> ''
       UNION ALL SELECT 'feature_service', id, name, '' FROM feature_service WHERE workspace_id = $1
       UNION ALL SELECT 'model', id, name, 'v' || version FROM model WHERE workspace_id = $1
       UNION ALL SELECT 'saved_dataset', id, name, '' FROM saved_dataset WHERE workspace_id = $1
     ) o
     WHERE strpos(lower(o.name), lower($2)) > 0
     ORDER BY (lower(o.name) = lower($2)) DESC, (strpos(lower(o.name), lower($2)) = 1) DESC,
              CASE o.kind WHEN 'feature' THEN 1 ELSE 0 END, length(o.name), o.name, o.id
     LIMIT $3`,
    options.workspaceId,
    query,
    limit,
  );
  return rows.map((row) => ({
    id: nodeId(row.kind, row.id),
    kind: row.kind,
    objectId: row.id,
    name: row.name,
    detail: row.detail,
  }));
}

/** Teams of the workspace, for the explorer's team filter and impact lists. */
export async function listLineageTeams(prisma: Db, workspaceId: string): Promise<{ id: string; name: string }[]> {
  return prisma.team.findMany({ where: { workspaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
