import { indexLineage, inOf, outOf, sortGraph } from "@/lib/lineage/build";
import type { EdgeRelation, LineageEdge, LineageGraph, LineageNode, NodeKind } from "@/lib/lineage/types";

const RELATIONS: Partial<Record<`${NodeKind}>${NodeKind}`, EdgeRelation>> = {
  "data_source>column": "has_column",
  "data_source>data_source": "backfills",
  "data_source>feature_view": "reads",
  "entity>feature_view": "keys",
  "feature_view>feature_view": "input_to",
  "feature_view>feature": "produces",
  "column>feature": "derives",
  "feature>feature_service": "served_by",
  "feature_view>feature_service": "served_by",
  "feature_service>model": "consumed_by",
  "saved_dataset>model": "trains",
  "feature>saved_dataset": "saved_in",
  "feature_view>saved_dataset": "saved_in",
  "feature_service>saved_dataset": "saved_in",
};

/** The relation of an edge between two kinds; the kinds alone decide it. */
export function relationBetween(source: NodeKind, target: NodeKind): EdgeRelation | null {
  return RELATIONS[`${source}>${target}`] ?? null;
}

/**
 * Union of graph windows (the focused answer plus each expansion), de-duplicated. Hidden
 * neighbour counts are recounted against the union from each node's registry-wide
 * upstreamCount / downstreamCount, so a node stops offering "expand" once all its neighbours
 * are on screen.
 */
export function mergeGraphs(graphs: readonly LineageGraph[]): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  let truncated = false;
  for (const graph of graphs) {
    truncated ||= graph.truncated === true;
    for (const node of graph.nodes) {
      const seen = nodes.get(node.id);
      if (!seen) {
        nodes.set(node.id, { ...node });
        continue;
      }
      // Windows fetched at different times may disagree; the larger count keeps "expand" available.
      if (node.upstreamCount !== undefined) seen.upstreamCount = Math.max(seen.upstreamCount ?? 0, node.upstreamCount);
      if (node.downstreamCount !== undefined) {
        seen.downstreamCount = Math.max(seen.downstreamCount ?? 0, node.downstreamCount);
      }
    }
    for (const edge of graph.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  // Windows fetched separately may each hold one end of an edge: rebuild it from the neighbour ids.
  for (const node of nodes.values()) {
    for (const target of node.downstreamIds ?? []) link(node.id, target);
    for (const source of node.upstreamIds ?? []) link(source, node.id);
  }
  function link(source: string, target: string) {
    const id = `${source}->${target}`;
    const from = nodes.get(source);
    const to = nodes.get(target);
    if (edges.has(id) || !from || !to) return;
    const relation = relationBetween(from.kind, to.kind);
    if (relation) edges.set(id, { id, source, target, relation });
  }
  const presentEdges = [...edges.values()].filter((edge) => nodes.has(edge.source) && nodes.has(edge.target));
  const merged = sortGraph([...nodes.values()], presentEdges);
  const index = indexLineage(merged);
  for (const node of merged.nodes) {
    delete node.hiddenUpstream;
    delete node.hiddenDownstream;
    if (node.upstreamCount !== undefined) {
      const hidden = node.upstreamCount - inOf(index, node.id).length;
      if (hidden > 0) node.hiddenUpstream = hidden;
    }
    if (node.downstreamCount !== undefined) {
      const hidden = node.downstreamCount - outOf(index, node.id).length;
      if (hidden > 0) node.hiddenDownstream = hidden;
    }
  }
  if (truncated) merged.truncated = true;
  return merged;
}

export interface GraphFilter {
  /** Kinds to show; empty shows all. */
  kinds?: readonly NodeKind[];
  /** Team ids to show; empty shows all. Nodes without a team are hidden by a team filter. */
  teamIds?: readonly string[];
  /** Always shown (the root, the selection). */
  keep?: ReadonlySet<string>;
}

/** The nodes passing the filter and the edges between them (graph order kept). */
export function filterGraph(graph: LineageGraph, { kinds = [], teamIds = [], keep }: GraphFilter): LineageGraph {
  if (kinds.length === 0 && teamIds.length === 0) return graph;
  const kindSet = new Set<string>(kinds);
  const teamSet = new Set(teamIds);
  const nodes = graph.nodes.filter(
    (node) =>
      keep?.has(node.id) ||
      ((kindSet.size === 0 || kindSet.has(node.kind)) &&
        (teamSet.size === 0 || (node.teamId !== undefined && teamSet.has(node.teamId)))),
  );
  const ids = new Set(nodes.map((node) => node.id));
  const result: LineageGraph = {
    nodes,
    edges: graph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
  };
  if (graph.truncated) result.truncated = true;
  return result;
}

/**
 * Nodes whose name contains every word of the query (case-insensitive), exact and prefix
 * matches first, then graph order. At most `limit`.
 */
export function searchNodes(graph: LineageGraph, query: string, limit = 20): LineageNode[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const whole = words.join(" ");
  const scored: { node: LineageNode; score: number; order: number }[] = [];
  graph.nodes.forEach((node, order) => {
    const name = node.name.toLowerCase();
    if (!words.every((word) => name.includes(word))) return;
    const score = name === whole ? 0 : name.startsWith(whole) ? 1 : 2;
    scored.push({ node, score, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((entry) => entry.node);
}
