import "server-only";
import type { Db } from "@/lib/db";
import { buildLineageGraph, indexLineage, inOf, outOf, sortGraph } from "@/lib/lineage/build";
import { nodeId, type LineageGraph, type NodeKind, type RegistryRows } from "@/lib/lineage/types";
import type { LineageLevel } from "@/lib/validations/lineage";
import { ARMS } from "./edges";
import { loadRegistryRows } from "./registry-rows";
import { getLineageRoot, type LineageEnvironment } from "./root";
import { ROWS_PER_NODE, countNeighbours, groupByKind, walkLineage } from "./walk";

export interface FocusedLineage {
  rootId: string;
  level: LineageLevel;
  graph: LineageGraph;
  /** Offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

const MAX_WALK_ROWS = 200_000;

/**
 * The lineage around one object, `up` / `down` hops (object or column level), nearest nodes
 * first, at most `limit` nodes per page. Every node carries its registry-wide neighbour
 * counts and hidden counts relative to the nodes up to this page; an edge comes with the page
 * of its later end, so the union of pages is the whole window.
 */
export async function getFocusedLineage(
  prisma: Db,
  options: {
    workspaceId: string;
    environment?: LineageEnvironment | null;
    kind: NodeKind;
    objectId: string;
    up: number;
    down: number;
    level: LineageLevel;
    limit: number;
    offset: number;
  },
): Promise<FocusedLineage> {
  const { workspaceId, environment, level, limit, offset } = options;
  const root = await getLineageRoot(prisma, {
    workspaceId,
    kind: options.kind,
    objectId: options.objectId,
    environment,
  });
  // At object level a column stands for its data source and a feature for its feature view.
  const focus = level === "object" && root.parent ? root.parent : { kind: root.kind, objectId: root.objectId };
  const arms = ARMS[level];
  const cap = offset + limit;
  const maxRows = Math.min(MAX_WALK_ROWS, (cap + 1) * ROWS_PER_NODE);
  const walked = await walkLineage(prisma, {
    workspaceId,
    environmentId: environment?.id,
    kind: focus.kind,
    objectId: focus.objectId,
    up: options.up,
    down: options.down,
    arms,
    maxRows,
  });
  const hasMore = walked.nodes.length > cap || walked.isCut;
  const kept = walked.nodes.slice(0, cap);
  const rows = await loadRegistryRows(prisma, { workspaceId, level, ids: groupByKind(kept) });
  const whole = buildLineageGraph(rows);
  const page = kept.slice(offset);
  const counts = await countNeighbours(prisma, {
    workspaceId,
    environmentId: environment?.id,
    nodes: page,
    arms,
  });

  await fillParents(prisma, workspaceId, whole, rows);

  const rank = new Map(kept.map((node, index) => [nodeId(node.kind, node.id), index]));
  const index = indexLineage(whole);
  const inPage = (id: string) => (rank.get(id) ?? -1) >= offset;
  const nodes = whole.nodes
    .filter((node) => inPage(node.id))
    .map((node) => {
      const count = counts.get(node.id) ?? { up: 0, down: 0, upIds: [], downIds: [] };
      const copy = { ...node, upstreamCount: count.up, downstreamCount: count.down };
      if (count.upIds.length) copy.upstreamIds = count.upIds;
      if (count.downIds.length) copy.downstreamIds = count.downIds;
      const hiddenUp = count.up - inOf(index, node.id).length;
      const hiddenDown = count.down - outOf(index, node.id).length;
      if (hiddenUp > 0) copy.hiddenUpstream = hiddenUp;
      if (hiddenDown > 0) copy.hiddenDownstream = hiddenDown;
      return copy;
    });
  const edges = whole.edges.filter(
    (edge) => Math.max(rank.get(edge.source) ?? -1, rank.get(edge.target) ?? -1) >= offset,
  );
  const graph = sortGraph(nodes, edges);
  if (hasMore) graph.truncated = true;
  return {
    rootId: nodeId(focus.kind, focus.objectId),
    level,
    graph,
    nextOffset: hasMore && walked.nodes.length > cap ? cap : null,
  };
}

/**
 * A window may hold a column without its data source or a feature without its view: the
 * node still names its parent (for links and folding) and inherits the parent's team and
 * owner, so team filters and impact lists stay right.
 */
async function fillParents(prisma: Db, workspaceId: string, graph: LineageGraph, rows: RegistryRows): Promise<void> {
  const orphans = graph.nodes.filter((node) => (node.kind === "column" || node.kind === "feature") && !node.parentId);
  if (orphans.length === 0) return;
  const sourceOfColumn = new Map(rows.dataSourceColumns.map((row) => [row.id, row.dataSourceId]));
  const viewOfFeature = new Map(rows.features.map((row) => [row.id, row.featureViewId]));
  const parentOf = (node: (typeof orphans)[number]) =>
    node.kind === "column" ? sourceOfColumn.get(node.objectId) : viewOfFeature.get(node.objectId);
  const sourceIds = orphans.filter((node) => node.kind === "column").map(parentOf);
  const viewIds = orphans.filter((node) => node.kind === "feature").map(parentOf);
  const select = { id: true, owner: true, teamId: true } as const;
  const [sources, views] = await Promise.all([
    prisma.dataSource.findMany({ where: { workspaceId, id: { in: sourceIds.filter(Boolean) as string[] } }, select }),
    prisma.featureView.findMany({ where: { workspaceId, id: { in: viewIds.filter(Boolean) as string[] } }, select }),
  ]);
  const parents = new Map([...sources, ...views].map((row) => [row.id, row]));
  for (const node of orphans) {
    const parentObjectId = parentOf(node);
    const parent = parentObjectId ? parents.get(parentObjectId) : undefined;
    if (!parentObjectId || !parent) continue;
    node.parentId = nodeId(node.kind === "column" ? "data_source" : "feature_view", parentObjectId);
    if (parent.teamId && !node.teamId) node.teamId = parent.teamId;
    if (parent.owner && !node.owner) node.owner = parent.owner;
  }
}
