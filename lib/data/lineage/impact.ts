import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildLineageGraph } from "@/lib/lineage/build";
import { impactOf } from "@/lib/lineage/traverse";
import { nodeId, type Impact, type NodeKind } from "@/lib/lineage/types";
import { ARMS } from "./edges";
import { loadRegistryRows } from "./registry-rows";
import { getLineageRoot, type LineageEnvironment } from "./root";
import { ROWS_PER_NODE, groupByKind, walkLineage } from "./walk";

export interface LineageImpact extends Impact {
  truncated: boolean;
  teams: { id: string; name: string }[];
}

const MAX_IMPACT_NODES = 20_000;

/**
 * Everything downstream of one object that breaks if it changes (feature views, features,
 * services, models), at column level and to any depth, with owners and teams to tell.
 */
export async function getLineageImpact(
  prisma: Db,
  options: { workspaceId: string; environment?: LineageEnvironment | null; kind: NodeKind; objectId: string },
): Promise<LineageImpact> {
  const { workspaceId, environment } = options;
  const root = await getLineageRoot(prisma, {
    workspaceId,
    kind: options.kind,
    objectId: options.objectId,
    environment,
  });
  const walked = await walkLineage(prisma, {
    workspaceId,
    environmentId: environment?.id,
    kind: root.kind,
    objectId: root.objectId,
    up: 0,
    // Hops are bounded by the graph itself (UNION stops at revisits of the same depth); this
    // only bounds pathological cycles.
    down: 64,
    arms: ARMS.impact,
    maxRows: MAX_IMPACT_NODES * ROWS_PER_NODE,
  });
  const kept = walked.nodes.slice(0, MAX_IMPACT_NODES);
  const ids = groupByKind(kept);
  // The parent views of reached features carry the view -> on-demand consumer edges impactOf follows.
  if (ids.feature?.length) {
    const parents = await prisma.feature.findMany({
      where: { workspaceId, id: { in: ids.feature } },
      select: { featureViewId: true },
      distinct: ["featureViewId"],
    });
    ids.feature_view = [...new Set([...(ids.feature_view ?? []), ...parents.map((row) => row.featureViewId)])];
  }
  const rows = await loadRegistryRows(prisma, { workspaceId, level: "column", ids });
  const graph = buildLineageGraph(rows);
  const impact = impactOf(graph, nodeId(root.kind, root.objectId));
  if (!impact) throw new AppError("not_found", `No ${root.kind} with id "${root.objectId}" in this workspace.`);
  const teams = impact.teamIds.length
    ? await prisma.team.findMany({
        where: { workspaceId, id: { in: impact.teamIds } },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { ...impact, teams, truncated: walked.isCut || walked.nodes.length > MAX_IMPACT_NODES };
}
