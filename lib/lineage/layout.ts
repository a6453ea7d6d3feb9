import { indexLineage, outOf, stronglyConnected } from "@/lib/lineage/build";
import type { LineageGraph, NodeKind } from "@/lib/lineage/types";

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Positions from the previous render; nodes found here keep their order in each column. */
  previous?: ReadonlyMap<string, Point>;
  nodeWidth?: number;
  nodeHeight?: number;
  columnGap?: number;
  rowGap?: number;
}

/**
 * Column of each kind, left to right. Feature views take 1 + (longest on-demand input chain)
 * columns, so everything after them is offset by that depth.
 */
const BASE_COLUMN: Record<NodeKind, number> = {
  column: 0,
  data_source: 1,
  entity: 1,
  feature_view: 2,
  feature: 3,
  feature_service: 4,
  saved_dataset: 4,
  model: 5,
};

const SWEEPS = 3;

/**
 * Left-to-right layered layout (top-left corner of each node). The registry already says what
 * the layers are, so layering costs one pass by kind instead of a general-purpose ranking;
 * barycenter sweeps then order each column to reduce crossings. Empty columns are dropped.
 */
export function layoutLineage(graph: LineageGraph, options: LayoutOptions = {}): Map<string, Point> {
  const { previous, nodeWidth = 220, nodeHeight = 44, columnGap = 120, rowGap = 16 } = options;
  const pitch = nodeHeight + rowGap;
  const count = graph.nodes.length;
  const positions = new Map<string, Point>();
  if (count === 0) return positions;

  const index = indexLineage(graph);
  const nodeIds = graph.nodes.map((node) => node.id);
  const { order } = index;

  // Undirected neighbour lists by node position, for the sweeps.
  const neighbours: number[][] = nodeIds.map(() => []);
  for (const edge of graph.edges) {
    const a = order.get(edge.source);
    const b = order.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }

  const layerOf = assignLayers(graph, index);
  // A loop, not Math.max(...): spreading a huge array can overflow the argument limit.
  const layerCount = layerOf.reduce((max, layer) => Math.max(max, layer), 0) + 1;
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  // Initial order: graph order (kind, name), with columns and features grouped under their parent.
  const groupKey = graph.nodes.map((node, i) => {
    const parent = node.parentId === undefined ? undefined : order.get(node.parentId);
    return parent ?? i;
  });
  const initial = nodeIds.map((_, i) => i).sort((a, b) => groupKey[a]! - groupKey[b]! || a - b);
  for (const i of initial) layers[layerOf[i]!]!.push(i);

  const y = new Float64Array(count);
  const oldIds = previous ? nodeIds.filter((id) => previous.has(id)) : [];
  if (previous && oldIds.length > 0) {
    placeAround(previous, nodeIds, neighbours, layers, y, pitch);
  } else {
    orderBySweeps(layers, layerOf, neighbours, y, pitch);
    const tallest = Math.max(...layers.map((layer) => layer.length));
    for (const layer of layers) {
      const offset = ((tallest - layer.length) * pitch) / 2;
      layer.forEach((node, rank) => (y[node] = offset + rank * pitch));
    }
  }

  let shiftX = 0;
  if (previous && oldIds.length > 0) {
    // Keep the old nodes' columns where they were when a column appears or disappears on the left.
    const shifts = new Map<number, number>();
    for (const id of oldIds) {
      const shift = previous.get(id)!.x - layerOf[order.get(id)!]! * (nodeWidth + columnGap);
      shifts.set(shift, (shifts.get(shift) ?? 0) + 1);
    }
    let best = 0;
    for (const [shift, votes] of shifts) {
      if (votes > best) [best, shiftX] = [votes, shift];
    }
  }

  nodeIds.forEach((id, i) => {
    positions.set(id, { x: shiftX + layerOf[i]! * (nodeWidth + columnGap), y: y[i]! });
  });
  return positions;
}

/** Column of each node (by node position), with empty columns removed. */
function assignLayers(graph: LineageGraph, index: ReturnType<typeof indexLineage>): number[] {
  const viewIds = graph.nodes.filter((node) => node.kind === "feature_view").map((node) => node.id);
  const isView = (id: string) => index.byId.get(id)?.kind === "feature_view";
  const viewSuccessors = (id: string) => outOf(index, id).filter(isView);

  // Longest path over view -> view edges on the condensation, so cycles share one depth.
  const components = stronglyConnected(viewIds, viewSuccessors).reverse();
  const componentOf = new Map<string, number>();
  components.forEach((component, c) => component.forEach((id) => componentOf.set(id, c)));
  const depth = new Array<number>(components.length).fill(0);
  components.forEach((component, c) => {
    for (const id of component) {
      for (const next of viewSuccessors(id)) {
        const d = componentOf.get(next)!;
        if (d !== c) depth[d] = Math.max(depth[d]!, depth[c]! + 1);
      }
    }
  });
  const viewDepth = depth.reduce((max, d) => Math.max(max, d), 0);

  const raw = graph.nodes.map((node) => {
    const base = BASE_COLUMN[node.kind];
    if (node.kind === "feature_view") return base + depth[componentOf.get(node.id)!]!;
    return base < BASE_COLUMN.feature_view ? base : base + viewDepth;
  });
  const used = [...new Set(raw)].sort((a, b) => a - b);
  const compact = new Map(used.map((layer, i) => [layer, i]));
  return raw.map((layer) => compact.get(layer)!);
}

/** Alternating barycenter sweeps; y holds centred ranks so columns of any height compare. */
function orderBySweeps(
  layers: number[][],
  layerOf: number[],
  neighbours: number[][],
  y: Float64Array,
  pitch: number,
): void {
  const place = (layer: number[]) => {
    const middle = (layer.length - 1) / 2;
    layer.forEach((node, rank) => (y[node] = (rank - middle) * pitch));
  };
  layers.forEach(place);
  const key = new Float64Array(y.length);

  const sweepLayer = (layer: number[], from: number, isBefore: boolean) => {
    for (const node of layer) {
      let sum = 0;
      let n = 0;
      for (const other of neighbours[node]!) {
        const otherLayer = layerOf[other]!;
        if (isBefore ? otherLayer < from : otherLayer > from) {
          sum += y[other]!;
          n++;
        }
      }
      // Nodes without neighbours on that side hold their place.
      key[node] = n > 0 ? sum / n : y[node]!;
    }
    layer.sort((a, b) => key[a]! - key[b]! || y[a]! - y[b]!);
    place(layer);
  };

  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let l = 1; l < layers.length; l++) sweepLayer(layers[l]!, l, true);
    for (let l = layers.length - 2; l >= 0; l--) sweepLayer(layers[l]!, l, false);
  }
}

/**
 * Incremental placement: old nodes keep their order (by previous y) and stay near their
 * previous y; new nodes go to the barycenter of their placed neighbours.
 */
function placeAround(
  previous: ReadonlyMap<string, Point>,
  nodeIds: string[],
  neighbours: number[][],
  layers: number[][],
  y: Float64Array,
  pitch: number,
): void {
  const known = new Uint8Array(nodeIds.length);
  const isOld = new Uint8Array(nodeIds.length);
  nodeIds.forEach((id, i) => {
    const point = previous.get(id);
    if (point) {
      y[i] = point.y;
      known[i] = 1;
      isOld[i] = 1;
    }
  });
  // New nodes spread outwards from placed ones, one hop per round (Jacobi, so order-independent).
  for (let round = 0; round < 8; round++) {
    const settled: [number, number][] = [];
    for (let i = 0; i < nodeIds.length; i++) {
      if (known[i]) continue;
      let sum = 0;
      let n = 0;
      for (const other of neighbours[i]!) {
        if (known[other]) {
          sum += y[other]!;
          n++;
        }
      }
      if (n > 0) settled.push([i, sum / n]);
    }
    if (settled.length === 0) break;
    for (const [i, value] of settled) {
      y[i] = value;
      known[i] = 1;
    }
  }

  for (const layer of layers) {
    const old = layer.filter((i) => isOld[i]).sort((a, b) => y[a]! - y[b]!);
    const placed = layer.filter((i) => !isOld[i] && known[i]).sort((a, b) => y[a]! - y[b]!);
    const stray = layer.filter((i) => !known[i]);
    // Merge by y, old first on ties, so the old nodes' relative order cannot change.
    const merged: number[] = [];
    let a = 0;
    let b = 0;
    while (a < old.length || b < placed.length) {
      const takeOld = b >= placed.length || (a < old.length && y[old[a]!]! <= y[placed[b]!]!);
      merged.push(takeOld ? old[a++]! : placed[b++]!);
    }
    let bottom = merged.length > 0 ? y[merged[merged.length - 1]!]! : 0;
    for (const i of stray) y[i] = bottom += pitch;
    merged.push(...stray);
    layer.splice(0, layer.length, ...merged);
    spaceOut(layer, y, pitch);
  }
}

/**
 * Moves a column's nodes as little as possible (least squares) so consecutive nodes are at
 * least `pitch` apart without changing their order: isotonic regression by pool-adjacent-violators.
 */
function spaceOut(layer: number[], y: Float64Array, pitch: number): void {
  const blockMean: number[] = [];
  const blockSize: number[] = [];
  layer.forEach((node, rank) => {
    let mean = y[node]! - rank * pitch;
    let size = 1;
    while (blockMean.length > 0 && blockMean[blockMean.length - 1]! > mean) {
      const lastSize = blockSize.pop()!;
      const lastMean = blockMean.pop()!;
      mean = (lastMean * lastSize + mean * size) / (lastSize + size);
      size += lastSize;
    }
    blockMean.push(mean);
    blockSize.push(size);
  });
  let rank = 0;
  blockMean.forEach((mean, block) => {
    for (let k = 0; k < blockSize[block]!; k++, rank++) y[layer[rank]!] = mean + rank * pitch;
  });
}
