import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { NodeKind } from "@/lib/lineage/types";

const OBJECT_TABLES: Record<Exclude<NodeKind, "column">, string> = {
  data_source: "data_source",
  entity: "entity",
  feature_view: "feature_view",
  feature: "feature",
  feature_service: "feature_service",
  model: "model",
  saved_dataset: "saved_dataset",
};

export interface LineageEnvironment {
  id: string;
  name: string;
}

export interface LineageRoot {
  kind: NodeKind;
  objectId: string;
  name: string;
  /** The data source of a column, the feature view of a feature. */
  parent?: { kind: NodeKind; objectId: string };
}

/**
 * The root object, checked to be in the workspace (and active in the environment). Anything
 * else is a 404, so ids from other workspaces are indistinguishable from unknown ones.
 */
export async function getLineageRoot(
  prisma: Db,
  options: { workspaceId: string; kind: NodeKind; objectId: string; environment?: LineageEnvironment | null },
): Promise<LineageRoot> {
  const { workspaceId, kind, objectId, environment } = options;
  let row: { name: string; parent_id: string | null } | undefined;
  if (kind === "column") {
    [row] = await prisma.$queryRawUnsafe<{ name: string; parent_id: string }[]>(
      `SELECT c.name, c.data_source_id AS parent_id FROM data_source_column c JOIN data_source s ON s.id = c.data_source_id
        WHERE c.id = $1 AND s.workspace_id = $2`,
      objectId,
      workspaceId,
    );
  } else {
    const parent = kind === "feature" ? "feature_view_id" : "NULL::text";
    [row] = await prisma.$queryRawUnsafe<{ name: string; parent_id: string | null }[]>(
      `SELECT name, ${parent} AS parent_id FROM ${OBJECT_TABLES[kind]} WHERE id = $1 AND workspace_id = $2`,
      objectId,
      workspaceId,
    );
  }
  if (!row) throw new AppError("not_found", `No ${kind.replace("_", " ")} with id "${objectId}" in this workspace.`);
  const root: LineageRoot = { kind, objectId, name: row.name };
  if (row.parent_id)
    root.parent = { kind: kind === "column" ? "data_source" : "feature_view", objectId: row.parent_id };

  if (environment) {
    const pinned = root.parent ?? { kind, objectId };
    const activeRow = await prisma.activeVersion.findFirst({
      where: {
        environmentId: environment.id,
        objectKind: pinned.kind as Exclude<NodeKind, "column">,
        objectId: pinned.objectId,
      },
      select: { versionId: true },
    });
    if (!activeRow) {
      throw new AppError("not_found", `"${root.name}" has no active version in ${environment.name}.`);
    }
  }
  return root;
}
