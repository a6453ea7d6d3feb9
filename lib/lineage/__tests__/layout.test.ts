import { describe, expect, it } from "vitest";

import { buildLineageGraph } from "@/lib/lineage/build";
import { layoutLineage, type Point } from "@/lib/lineage/layout";
import { neighborhood } from "@/lib/lineage/traverse";
import type { LineageGraph, NodeKind } from "@/lib/lineage/types";

import { fraudRegistry, largeRegistry, type RegistryRowsDraft } from "./fixtures";

const SIZE = { nodeWidth: 200, nodeHeight: 40, columnGap: 80, rowGap: 10 };

function at(positions: Map<string, Point>, id: string): Point {
  const point = positions.get(id);
  if (!point) throw new Error(`no position for ${id}`);
  return point;
}

function expectNoOverlap(positions: Map<string, Point>): void {
  const columns = new Map<number, number[]>();
  for (const { x, y } of positions.values()) {
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    columns.set(x, [...(columns.get(x) ?? []), y]);
  }
  const xs = [...columns.keys()].sort((a, b) => a - b);
  for (let i = 1; i < xs.length; i++) {
    expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(SIZE.nodeWidth + SIZE.columnGap);
  }
  for (const ys of columns.values()) {
    ys.sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) {
      // Small tolerance for floating point in the incremental spacing.
      expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(SIZE.nodeHeight - 1e-6);
    }
  }
}

/** For each x, the given node ids in top-to-bottom order. */
function columnOrders(positions: Map<string, Point>, ids: Iterable<string>): Map<number, string[]> {
  const columns = new Map<number, string[]>();
  for (const id of ids) {
    const { x } = at(positions, id);
    columns.set(x, [...(columns.get(x) ?? []), id]);
  }
  for (const column of columns.values()) column.sort((a, b) => at(positions, a).y - at(positions, b).y);
  return columns;
}

/** Within every column of `after`, the nodes placed before keep their top-to-bottom order. */
function expectOrderKept(before: Map<string, Point>, after: Map<string, Point>, oldIds: string[]): void {
  for (const column of columnOrders(after, oldIds).values()) {
    const previousOrder = [...column].sort((a, b) => at(before, a).y - at(before, b).y);
    expect(column).toEqual(previousOrder);
  }
}

function kindColumns(graph: LineageGraph, positions: Map<string, Point>): Map<NodeKind, Set<number>> {
  const result = new Map<NodeKind, Set<number>>();
  for (const node of graph.nodes) {
    const set = result.get(node.kind) ?? new Set<number>();
    set.add(at(positions, node.id).x);
    result.set(node.kind, set);
  }
  return result;
}

function countCrossings(graph: LineageGraph, positions: Map<string, Point>): number {
  const edges = graph.edges.map((edge) => [at(positions, edge.source), at(positions, edge.target)] as const);
  let crossings = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [a1, a2] = edges[i]!;
      const [b1, b2] = edges[j]!;
      if (a1.x !== b1.x || a2.x !== b2.x) continue;
      if ((a1.y - b1.y) * (a2.y - b2.y) < 0) crossings++;
    }
  }
  return crossings;
}

function withoutViews(rows: RegistryRowsDraft, viewIds: Set<string>): RegistryRowsDraft {
  const features = new Set(rows.features.filter((f) => viewIds.has(f.featureViewId)).map((f) => f.id));
  return {
    ...rows,
    featureViews: rows.featureViews.filter((row) => !viewIds.has(row.id)),
    features: rows.features.filter((row) => !features.has(row.id)),
  };
}

describe("layoutLineage on the fraud registry", () => {
  const graph = buildLineageGraph(fraudRegistry());
  const positions = layoutLineage(graph, SIZE);

  it("places every node, kinds in columns left to right", () => {
    expect(positions.size).toBe(graph.nodes.length);
    const x = (id: string) => at(positions, id).x;
    const columns = kindColumns(graph, positions);
    const only = (kind: NodeKind) => {
      const xs = [...columns.get(kind)!];
      expect(xs).toHaveLength(1);
      return xs[0]!;
    };
    const column = only("column");
    const source = only("data_source");
    const feature = only("feature");
    const service = only("feature_service");
    const model = only("model");
    expect(only("entity")).toBe(source);
    expect(only("saved_dataset")).toBe(service);
    expect(column).toBeLessThan(source);
    expect(x("feature_view:user_profile")).toBeGreaterThan(source);
    expect(x("feature_view:login_activity")).toBe(x("feature_view:user_profile"));
    // The on-demand view reads user_profile, so it sits one sub-column further right.
    expect(x("feature_view:txn_vs_avg")).toBeGreaterThan(x("feature_view:user_profile"));
    expect(feature).toBeGreaterThan(x("feature_view:txn_vs_avg"));
    expect(service).toBeGreaterThan(feature);
    expect(model).toBeGreaterThan(service);
  });

  it("never overlaps two nodes", () => {
    expectNoOverlap(positions);
  });

  it("groups features next to their views", () => {
    // login_activity's features must not be interleaved with user_profile's.
    const features = columnOrders(
      positions,
      graph.nodes.filter((n) => n.kind === "feature").map((n) => n.id),
    );
    const order = [...features.values()][0]!.map((id) => graph.nodes.find((n) => n.id === id)!.parentId);
    const runs = order.filter((parent, i) => i === 0 || parent !== order[i - 1]);
    expect(runs).toHaveLength(new Set(order).size);
  });

  it("is deterministic", () => {
    expect(layoutLineage(graph, SIZE)).toEqual(positions);
  });

  it("lays out an on-demand cycle without hanging, both views in one column", () => {
    const rows = fraudRegistry();
    rows.featureViewInputs.push({
      featureViewId: "user_profile",
      inputFeatureViewId: "txn_vs_avg",
    });
    const cyclic = layoutLineage(buildLineageGraph(rows), SIZE);
    expect(at(cyclic, "feature_view:user_profile").x).toBe(at(cyclic, "feature_view:txn_vs_avg").x);
    expectNoOverlap(cyclic);
  });

  it("orders columns to remove avoidable crossings", () => {
    // By name, service "alpha" (reading zeta's feature) sits above "beta" (reading aardvark's):
    // the two edges cross until the sweeps reorder.
    const rows: RegistryRowsDraft = {
      ...fraudRegistry(),
      featureServices: [],
      featureServiceFeatures: [],
      models: [],
      modelFeatureServices: [],
      savedDatasets: [],
    };
    rows.featureViews = [
      { id: "v1", name: "aardvark", kind: "batch" },
      { id: "v2", name: "zeta", kind: "batch" },
    ];
    rows.features = [
      { id: "f1", featureViewId: "v1", name: "f" },
      { id: "f2", featureViewId: "v2", name: "f" },
    ];
    rows.featureServices = [
      { id: "s1", name: "alpha" },
      { id: "s2", name: "beta" },
    ];
    rows.featureServiceFeatures = [
      { featureServiceId: "s1", featureId: "f2" },
      { featureServiceId: "s2", featureId: "f1" },
    ];
    const small = buildLineageGraph({
      ...rows,
      featureViewSources: [],
      featureViewEntities: [],
      featureViewInputs: [],
      featureSourceColumns: [],
    });
    expect(countCrossings(small, layoutLineage(small, SIZE))).toBe(0);
    expect(countCrossings(graph, positions)).toBeLessThanOrEqual(2);
  });
});

describe("layoutLineage with previous positions", () => {
  const graph = buildLineageGraph(fraudRegistry());

  it("keeps already placed nodes in order and in their columns when the user expands", () => {
    const before = neighborhood(graph, "feature_view:user_profile", { up: 1, down: 1 });
    const first = layoutLineage(before, SIZE);
    const after = neighborhood(graph, "feature_view:user_profile", { up: 2, down: 2 });
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    const second = layoutLineage(after, { ...SIZE, previous: first });

    const oldIds = before.nodes.map((node) => node.id);
    for (const id of oldIds) expect(at(second, id).x).toBe(at(first, id).x);
    expect(columnOrders(second, oldIds)).toEqual(columnOrders(first, oldIds));
    expectOrderKept(first, second, oldIds);
    expectNoOverlap(second);
    // The new service lands beside the features it serves, not at the bottom.
    const service = at(second, "feature_service:fraud_v3").y;
    const served = ["feature:account_age_days", "feature:avg_30d_spend", "feature:amount_over_avg"].map(
      (id) => at(second, id).y,
    );
    expect(service).toBeGreaterThanOrEqual(Math.min(...served) - SIZE.nodeHeight);
    expect(service).toBeLessThanOrEqual(Math.max(...served) + SIZE.nodeHeight);
  });

  it("follows the previous order even where a fresh layout would choose another", () => {
    const fresh = layoutLineage(graph, SIZE);
    const mirrored = new Map([...fresh].map(([id, { x, y }]) => [id, { x, y: 0 - y }]));
    const again = layoutLineage(graph, { ...SIZE, previous: mirrored });
    const ids = graph.nodes.map((node) => node.id);
    const freshOrder = columnOrders(fresh, ids);
    const againOrder = columnOrders(again, ids);
    for (const [x, column] of freshOrder) expect(againOrder.get(x)).toEqual([...column].reverse());
    // Nothing had to move: the previous picture was already valid.
    for (const id of ids) expect(at(again, id)).toEqual(at(mirrored, id));
  });
});

describe("layoutLineage on a large registry", () => {
  const rows = largeRegistry();
  const graph = buildLineageGraph(rows);

  it("lays out ~6,900 nodes / ~12,800 edges with columns in order and no overlaps", () => {
    expect(graph.nodes.length).toBeGreaterThan(6_500);
    expect(graph.edges.length).toBeGreaterThan(12_000);

    layoutLineage(graph, SIZE); // warm-up, so the timing below excludes JIT compilation
    const started = performance.now();
    const positions = layoutLineage(graph, SIZE);
    const elapsed = performance.now() - started;
    console.log(`layout: ${graph.nodes.length} nodes, ${graph.edges.length} edges in ${elapsed.toFixed(1)} ms`);

    expect(positions.size).toBe(graph.nodes.length);
    expectNoOverlap(positions);
    const columns = kindColumns(graph, positions);
    const xs = (kind: NodeKind) => [...columns.get(kind)!];
    const order: NodeKind[][] = [
      ["column"],
      ["data_source", "entity"],
      ["feature_view"],
      ["feature"],
      ["feature_service", "saved_dataset"],
      ["model"],
    ];
    for (let i = 1; i < order.length; i++) {
      const left = Math.max(...order[i - 1]!.flatMap(xs));
      const right = Math.min(...order[i]!.flatMap(xs));
      expect(right).toBeGreaterThan(left);
    }
    // On-demand chains: every view sits right of the views it reads.
    for (const edge of graph.edges) {
      if (edge.relation === "input_to") {
        expect(at(positions, edge.target).x).toBeGreaterThan(at(positions, edge.source).x);
      }
    }
    expect(columns.get("feature_view")!.size).toBeGreaterThan(2);
  });

  it("keeps the order of existing nodes when views are added to a large picture", () => {
    const added = new Set(rows.featureViews.slice(100, 120).map((row) => row.id));
    const smaller = buildLineageGraph(withoutViews(rows, added));
    const first = layoutLineage(smaller, SIZE);
    const started = performance.now();
    const second = layoutLineage(graph, { ...SIZE, previous: first });
    console.log(`incremental layout: ${(performance.now() - started).toFixed(1)} ms`);

    const oldIds = smaller.nodes.map((node) => node.id);
    expectOrderKept(first, second, oldIds);
    const moved = oldIds.filter((id) => at(second, id).x !== at(first, id).x);
    expect(moved.length).toBeLessThan(oldIds.length / 20);
    expectNoOverlap(second);
  });
});
