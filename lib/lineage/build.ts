import {
  nodeId,
  type EdgeRelation,
  type LineageEdge,
  type LineageGraph,
  type LineageNode,
  type NodeKind,
  type ObjectLevelLinks,
  type RegistryRows,
} from "@/lib/lineage/types";

export const KIND_RANK: Record<NodeKind, number> = {
  data_source: 0,
  column: 1,
  entity: 2,
  feature_view: 3,
  feature: 4,
  feature_service: 5,
  saved_dataset: 6,
  model: 7,
};

type NodeFields = Pick<LineageNode, "subKind" | "teamId" | "owner" | "parentId">;

function makeNode(
  kind: NodeKind,
  objectId: string,
  name: string,
  fields: { [K in keyof NodeFields]?: NodeFields[K] | null } = {},
): LineageNode {
  const node: LineageNode = { id: nodeId(kind, objectId), kind, objectId, name };
  // Only set present fields so nodes serialise without nulls and compare cleanly.
  if (fields.subKind) node.subKind = fields.subKind;
  if (fields.teamId) node.teamId = fields.teamId;
  if (fields.owner) node.owner = fields.owner;
  if (fields.parentId) node.parentId = fields.parentId;
  return node;
}

/**
 * Builds the lineage graph from registry rows. Rows may reference objects that are missing
 * (deleted, or outside the caller's scope): such edges are skipped, never invented. Output
 * order is deterministic: nodes by kind, name, id; edges by their ends' node order.
 */
export function buildLineageGraph(rows: RegistryRows & ObjectLevelLinks): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const add = (node: LineageNode) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  };

  const sources = new Map(rows.dataSources.map((row) => [row.id, row]));
  const views = new Map(rows.featureViews.map((row) => [row.id, row]));

  for (const row of rows.dataSources) {
    add(makeNode("data_source", row.id, row.name, { subKind: row.kind, ...ownership(row) }));
  }
  for (const row of rows.dataSourceColumns) {
    const source = sources.get(row.dataSourceId);
    // Columns and features have no team of their own; they inherit it so impact lists say whom to tell.
    add(
      makeNode("column", row.id, row.name, {
        parentId: source ? nodeId("data_source", source.id) : null,
        ...ownership(source),
      }),
    );
  }
  for (const row of rows.entities) add(makeNode("entity", row.id, row.name, ownership(row)));
  for (const row of rows.featureViews) {
    add(makeNode("feature_view", row.id, row.name, { subKind: row.kind, ...ownership(row) }));
  }
  for (const row of rows.features) {
    const view = views.get(row.featureViewId);
    add(
      makeNode("feature", row.id, row.name, {
        parentId: view ? nodeId("feature_view", view.id) : null,
        teamId: view?.teamId,
        owner: row.owner || view?.owner,
      }),
    );
  }
  for (const row of rows.featureServices) {
    add(makeNode("feature_service", row.id, row.name, ownership(row)));
  }
  for (const row of rows.models) add(makeNode("model", row.id, row.name, ownership(row)));
  for (const row of rows.savedDatasets) {
    add(makeNode("saved_dataset", row.id, row.name, ownership(row)));
  }

  const edges = new Map<string, LineageEdge>();
  const link = (source: string, target: string, relation: EdgeRelation) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    const id = `${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { id, source, target, relation });
  };

  for (const row of rows.dataSources) {
    if (row.batchSourceId) {
      link(nodeId("data_source", row.batchSourceId), nodeId("data_source", row.id), "backfills");
    }
  }
  for (const row of rows.dataSourceColumns) {
    link(nodeId("data_source", row.dataSourceId), nodeId("column", row.id), "has_column");
  }
  for (const row of rows.featureViewSources) {
    link(nodeId("data_source", row.dataSourceId), nodeId("feature_view", row.featureViewId), "reads");
  }
  for (const row of rows.featureViewEntities) {
    link(nodeId("entity", row.entityId), nodeId("feature_view", row.featureViewId), "keys");
  }
  for (const row of rows.featureViewInputs) {
    link(nodeId("feature_view", row.inputFeatureViewId), nodeId("feature_view", row.featureViewId), "input_to");
  }
  for (const row of rows.features) {
    link(nodeId("feature_view", row.featureViewId), nodeId("feature", row.id), "produces");
  }
  for (const row of rows.featureSourceColumns) {
    link(nodeId("column", row.columnId), nodeId("feature", row.featureId), "derives");
  }
  for (const row of rows.featureServiceFeatures) {
    link(nodeId("feature", row.featureId), nodeId("feature_service", row.featureServiceId), "served_by");
  }
  for (const row of rows.featureViewServices ?? []) {
    link(nodeId("feature_view", row.featureViewId), nodeId("feature_service", row.featureServiceId), "served_by");
  }
  for (const row of rows.savedDatasetFeatures ?? []) {
    link(nodeId("feature", row.featureId), nodeId("saved_dataset", row.savedDatasetId), "saved_in");
  }
  for (const row of rows.featureViewSavedDatasets ?? []) {
    link(nodeId("feature_view", row.featureViewId), nodeId("saved_dataset", row.savedDatasetId), "saved_in");
  }
  for (const row of rows.savedDatasets) {
    if (row.featureServiceId) {
      link(nodeId("feature_service", row.featureServiceId), nodeId("saved_dataset", row.id), "saved_in");
    }
  }
  for (const row of rows.modelFeatureServices) {
    link(nodeId("feature_service", row.featureServiceId), nodeId("model", row.modelId), "consumed_by");
  }
  for (const row of rows.models) {
    if (row.trainingDatasetId) {
      link(nodeId("saved_dataset", row.trainingDatasetId), nodeId("model", row.id), "trains");
    }
  }

  const graph = sortGraph([...nodes.values()], [...edges.values()]);
  for (const component of findCycleComponents(graph)) {
    for (const id of component) nodes.get(id)!.isOnCycle = true;
  }
  return graph;
}

function ownership(row: { owner?: string | null; teamId?: string | null } | undefined): {
  owner?: string | null;
  teamId?: string | null;
} {
  return row ? { owner: row.owner, teamId: row.teamId } : {};
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts nodes by kind, name, id and edges by their ends' positions in that order. */
export function sortGraph(nodes: LineageNode[], edges: LineageEdge[]): LineageGraph {
  nodes.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareText(a.name, b.name) || compareText(a.id, b.id));
  const order = new Map(nodes.map((node, index) => [node.id, index]));
  edges.sort((a, b) => order.get(a.source)! - order.get(b.source)! || order.get(a.target)! - order.get(b.target)!);
  return { nodes, edges };
}

/** Adjacency maps for traversal; built once per graph object and cached. */
export interface LineageIndex {
  byId: Map<string, LineageNode>;
  /** Node id -> position in graph.nodes. */
  order: Map<string, number>;
  /** Node id -> downstream neighbour ids (edge targets). */
  out: Map<string, string[]>;
  /** Node id -> upstream neighbour ids (edge sources). */
  in: Map<string, string[]>;
}

const EMPTY: readonly string[] = [];
const indexCache = new WeakMap<LineageGraph, LineageIndex>();

/** Graphs are treated as immutable: the index is cached by object identity. */
export function indexLineage(graph: LineageGraph): LineageIndex {
  const cached = indexCache.get(graph);
  if (cached) return cached;
  const byId = new Map<string, LineageNode>();
  const order = new Map<string, number>();
  const out = new Map<string, string[]>();
  const inbound = new Map<string, string[]>();
  graph.nodes.forEach((node, index) => {
    byId.set(node.id, node);
    order.set(node.id, index);
    out.set(node.id, []);
    inbound.set(node.id, []);
  });
  for (const edge of graph.edges) {
    const targets = out.get(edge.source);
    const sources = inbound.get(edge.target);
    if (!targets || !sources) continue;
    targets.push(edge.target);
    sources.push(edge.source);
  }
  const index = { byId, order, out, in: inbound };
  indexCache.set(graph, index);
  return index;
}

export function outOf(index: LineageIndex, id: string): readonly string[] {
  return index.out.get(id) ?? EMPTY;
}

export function inOf(index: LineageIndex, id: string): readonly string[] {
  return index.in.get(id) ?? EMPTY;
}

/**
 * Strongly connected components (iterative Tarjan, so deep chains cannot overflow the stack).
 * Components come out in reverse topological order: every component after those it reaches.
 */
export function stronglyConnected(ids: readonly string[], successors: (id: string) => readonly string[]): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const start of ids) {
    if (indexOf.has(start)) continue;
    const work: { id: string; next: number }[] = [{ id: start, next: 0 }];
    indexOf.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = successors(frame.id);
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!indexOf.has(w)) {
          indexOf.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, indexOf.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

/** Components that contain a cycle: more than one node, or a node with an edge to itself. */
export function findCycleComponents(graph: LineageGraph): string[][] {
  const index = indexLineage(graph);
  const ids = graph.nodes.map((node) => node.id);
  return stronglyConnected(ids, (id) => outOf(index, id)).filter(
    (component) => component.length > 1 || outOf(index, component[0]!).includes(component[0]!),
  );
}
