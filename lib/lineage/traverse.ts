import {
  findCycleComponents,
  indexLineage,
  inOf,
  KIND_RANK,
  outOf,
  sortGraph,
  type LineageIndex,
} from "@/lib/lineage/build";
import {
  IMPACT_KINDS,
  type Impact,
  type ImpactItem,
  type ImpactKind,
  type LineageEdge,
  type LineageGraph,
  type LineageNode,
} from "@/lib/lineage/types";

export interface NeighborhoodOptions {
  /** Upstream hops (default 1). */
  up?: number;
  /** Downstream hops (default 1). */
  down?: number;
  /** Node limit including the root (default 500). */
  maxNodes?: number;
}

/**
 * The subgraph around a root: nodes up to `up` hops upstream and `down` hops downstream, and
 * every edge between included nodes. Hops are taken nearest first in both directions, so a
 * truncated result keeps the closest nodes. Nodes with neighbours left out carry
 * hiddenUpstream / hiddenDownstream counts.
 */
export function neighborhood(
  graph: LineageGraph,
  rootId: string,
  { up = 1, down = 1, maxNodes = 500 }: NeighborhoodOptions = {},
): LineageGraph {
  const index = indexLineage(graph);
  if (!index.byId.has(rootId)) return { nodes: [], edges: [] };

  const limit = Math.max(1, maxNodes);
  const included = new Set([rootId]);
  let truncated = false;
  // Each direction keeps its own visited set: a node reached upstream may still lead downstream.
  const directions = [
    {
      hops: down,
      next: (id: string) => outOf(index, id),
      seen: new Set([rootId]),
      frontier: [rootId],
    },
    {
      hops: up,
      next: (id: string) => inOf(index, id),
      seen: new Set([rootId]),
      frontier: [rootId],
    },
  ];
  const maxHops = Math.max(up, down);
  for (let hop = 1; hop <= maxHops && !truncated; hop++) {
    for (const direction of directions) {
      if (hop > direction.hops || truncated) continue;
      const frontier: string[] = [];
      for (const id of direction.frontier) {
        for (const neighbour of direction.next(id)) {
          if (direction.seen.has(neighbour)) continue;
          if (!included.has(neighbour)) {
            if (included.size >= limit) {
              truncated = true;
              break;
            }
            included.add(neighbour);
          }
          direction.seen.add(neighbour);
          frontier.push(neighbour);
        }
        if (truncated) break;
      }
      direction.frontier = frontier;
    }
  }

  const result = inducedSubgraph(graph, index, included);
  if (truncated) result.truncated = true;
  return result;
}

function inducedSubgraph(graph: LineageGraph, index: LineageIndex, ids: Set<string>): LineageGraph {
  const nodes: LineageNode[] = [];
  for (const node of graph.nodes) {
    if (!ids.has(node.id)) continue;
    const hiddenDownstream = outOf(index, node.id).filter((id) => !ids.has(id)).length;
    const hiddenUpstream = inOf(index, node.id).filter((id) => !ids.has(id)).length;
    const copy: LineageNode = { ...node };
    delete copy.hiddenDownstream;
    delete copy.hiddenUpstream;
    if (hiddenDownstream > 0) copy.hiddenDownstream = hiddenDownstream;
    if (hiddenUpstream > 0) copy.hiddenUpstream = hiddenUpstream;
    nodes.push(copy);
  }
  const edges = graph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { nodes, edges };
}

function reachable(start: string, next: (id: string) => Iterable<string>, isKnown: (id: string) => boolean): string[] {
  if (!isKnown(start)) return [];
  const seen = new Set([start]);
  const found: string[] = [];
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const neighbour of next(queue[head]!)) {
      if (seen.has(neighbour)) continue;
      seen.add(neighbour);
      found.push(neighbour);
      queue.push(neighbour);
    }
  }
  // A root on a cycle reaches itself; it is not its own dependant.
  return found.filter((id) => id !== start);
}

/** Ids of every node downstream of `id`, nearest first. Cycle-safe. */
export function downstream(graph: LineageGraph, id: string): string[] {
  const index = indexLineage(graph);
  return reachable(
    id,
    (node) => outOf(index, node),
    (node) => index.byId.has(node),
  );
}

/** Ids of every node upstream of `id`, nearest first. Cycle-safe. */
export function upstream(graph: LineageGraph, id: string): string[] {
  const index = indexLineage(graph);
  return reachable(
    id,
    (node) => inOf(index, node),
    (node) => index.byId.has(node),
  );
}

const IMPACT_KIND_SET: ReadonlySet<string> = new Set(IMPACT_KINDS);

function isImpactKind(kind: string): kind is ImpactKind {
  return IMPACT_KIND_SET.has(kind);
}

/**
 * What breaks if `id` changes: the downstream feature views, features, services and models,
 * each counted once however many paths lead to it. On-demand inputs are declared per view, not
 * per feature, so an impacted feature also impacts the views that read its view.
 */
export function impactOf(graph: LineageGraph, id: string): Impact | null {
  const index = indexLineage(graph);
  const root = index.byId.get(id);
  if (!root) return null;

  const next = function* (nodeId: string): Generator<string> {
    yield* outOf(index, nodeId);
    const node = index.byId.get(nodeId);
    if (node?.kind !== "feature" || !node.parentId) return;
    for (const consumer of outOf(index, node.parentId)) {
      if (index.byId.get(consumer)?.kind === "feature_view") yield consumer;
    }
  };

  const items: ImpactItem[] = [];
  for (const reachedId of reachable(id, next, () => true)) {
    const node = index.byId.get(reachedId)!;
    if (!isImpactKind(node.kind)) continue;
    const item: ImpactItem = {
      id: node.id,
      kind: node.kind,
      objectId: node.objectId,
      name: node.name,
    };
    if (node.owner) item.owner = node.owner;
    if (node.teamId) item.teamId = node.teamId;
    items.push(item);
  }
  items.sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );

  const counts = { feature_view: 0, feature: 0, feature_service: 0, model: 0 };
  for (const item of items) counts[item.kind]++;
  const distinctSorted = (values: (string | undefined)[]) =>
    [...new Set(values.filter((value): value is string => Boolean(value)))].sort();
  return {
    rootId: root.id,
    rootName: root.name,
    items,
    counts,
    total: items.length,
    owners: distinctSorted(items.map((item) => item.owner)),
    teamIds: distinctSorted(items.map((item) => item.teamId)),
  };
}

/**
 * Node ids of a shortest path from `fromId` to `toId`: following edge directions when
 * possible, otherwise ignoring them (e.g. two features sharing a source column). Null when the
 * nodes are unknown or not connected.
 */
export function findPath(graph: LineageGraph, fromId: string, toId: string): string[] | null {
  const index = indexLineage(graph);
  if (!index.byId.has(fromId) || !index.byId.has(toId)) return null;
  return (
    shortestPath(fromId, toId, (id) => outOf(index, id)) ??
    shortestPath(fromId, toId, (id) => [...outOf(index, id), ...inOf(index, id)])
  );
}

function shortestPath(fromId: string, toId: string, next: (id: string) => readonly string[]): string[] | null {
  const previous = new Map<string, string | null>([[fromId, null]]);
  const queue = [fromId];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (id === toId) {
      const path: string[] = [];
      for (let at: string | null | undefined = id; at; at = previous.get(at)) path.push(at);
      return path.reverse();
    }
    for (const neighbour of next(id)) {
      if (previous.has(neighbour)) continue;
      previous.set(neighbour, id);
      queue.push(neighbour);
    }
  }
  return null;
}

/**
 * The object-level picture: columns fold into their data source and features into their
 * feature view; edges are re-pointed and de-duplicated, and edges folded onto one node vanish.
 * A child whose parent is not in the graph stays as it is.
 */
export function objectLevel(graph: LineageGraph): LineageGraph {
  const index = indexLineage(graph);
  const representative = (node: LineageNode): string =>
    (node.kind === "column" || node.kind === "feature") && node.parentId && index.byId.has(node.parentId)
      ? node.parentId
      : node.id;

  const target = new Map<string, string>();
  const nodes: LineageNode[] = [];
  for (const node of graph.nodes) {
    const to = representative(node);
    target.set(node.id, to);
    if (to === node.id) nodes.push(node);
  }

  const edges = new Map<string, LineageEdge>();
  const folded: LineageEdge[] = [];
  for (const edge of graph.edges) {
    const source = target.get(edge.source);
    const sink = target.get(edge.target);
    if (!source || !sink) continue;
    if (source === edge.source && sink === edge.target) {
      edges.set(edge.id, edge);
    } else if (source !== sink) {
      folded.push({ id: `${source}->${sink}`, source, target: sink, relation: edge.relation });
    }
  }
  // Object-level edges win over folded ones (a source "reads" edge over a column's "derives").
  for (const edge of folded) {
    if (edges.has(edge.id)) continue;
    const sourceKind = index.byId.get(edge.source)!.kind;
    const relation = edge.relation === "derives" && sourceKind === "data_source" ? "reads" : edge.relation;
    edges.set(edge.id, { ...edge, relation });
  }

  const result = sortGraph([...nodes], [...edges.values()]);
  if (graph.truncated) result.truncated = true;
  return result;
}

/**
 * Groups of node ids that form directed cycles (e.g. on-demand views feeding each other),
 * each group in graph order, groups ordered by their first node.
 */
export function findCycles(graph: LineageGraph): string[][] {
  const { order } = indexLineage(graph);
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  return findCycleComponents(graph)
    .map((component) => [...component].sort(byOrder))
    .sort((a, b) => byOrder(a[0]!, b[0]!));
}
