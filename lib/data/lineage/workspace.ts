import "server-only";
import type { Db } from "@/lib/db";
import { buildLineageGraph } from "@/lib/lineage/build";
import {
  nodeId,
  type LineageGraph,
  type NodeKind,
  type ObjectLevelLinks,
  type RegistryRows,
} from "@/lib/lineage/types";
import type { LineageLevel } from "@/lib/validations/lineage";
import { loadRegistryRows } from "./registry-rows";
import type { LineageEnvironment } from "./root";

export interface WorkspaceLineagePage {
  level: LineageLevel;
  graph: LineageGraph;
  totalNodes: number;
  nextOffset: number | null;
}

/**
 * The whole workspace's lineage (for the overview), in pages of `limit` nodes in graph order
 * (kind, name, id); an edge comes with the page of its later end.
 */
export async function getWorkspaceLineage(
  prisma: Db,
  options: {
    workspaceId: string;
    environment?: LineageEnvironment | null;
    level: LineageLevel;
    limit: number;
    offset: number;
  },
): Promise<WorkspaceLineagePage> {
  const { workspaceId, environment, level, limit, offset } = options;
  const [rows, activeIds] = await Promise.all([
    loadRegistryRows(prisma, { workspaceId, level }),
    environment ? loadActiveIds(prisma, environment.id) : Promise.resolve(null),
  ]);
  const graph = buildLineageGraph(activeIds ? onlyActive(rows, activeIds) : rows);
  const end = offset + limit;
  const order = new Map(graph.nodes.map((node, position) => [node.id, position]));
  const page: LineageGraph = {
    nodes: graph.nodes.slice(offset, end),
    edges: graph.edges.filter((edge) => {
      const later = Math.max(order.get(edge.source)!, order.get(edge.target)!);
      return later >= offset && later < end;
    }),
  };
  const hasMore = graph.nodes.length > end;
  if (hasMore) page.truncated = true;
  return { level, graph: page, totalNodes: graph.nodes.length, nextOffset: hasMore ? end : null };
}

async function loadActiveIds(prisma: Db, environmentId: string): Promise<Set<string>> {
  const rows = await prisma.activeVersion.findMany({
    where: { environmentId },
    select: { objectKind: true, objectId: true },
  });
  return new Set(rows.map((row) => nodeId(row.objectKind, row.objectId)));
}

/** Rows of objects active in the environment; columns and features follow their parents. */
function onlyActive(
  rows: RegistryRows & ObjectLevelLinks,
  activeIds: ReadonlySet<string>,
): RegistryRows & ObjectLevelLinks {
  const isActive = (kind: NodeKind, id: string) => activeIds.has(nodeId(kind, id));
  return {
    ...rows,
    dataSources: rows.dataSources.filter((row) => isActive("data_source", row.id)),
    dataSourceColumns: rows.dataSourceColumns.filter((row) => isActive("data_source", row.dataSourceId)),
    entities: rows.entities.filter((row) => isActive("entity", row.id)),
    featureViews: rows.featureViews.filter((row) => isActive("feature_view", row.id)),
    features: rows.features.filter((row) => isActive("feature_view", row.featureViewId)),
    featureServices: rows.featureServices.filter((row) => isActive("feature_service", row.id)),
    models: rows.models.filter((row) => isActive("model", row.id)),
    savedDatasets: rows.savedDatasets.filter((row) => isActive("saved_dataset", row.id)),
  };
}
