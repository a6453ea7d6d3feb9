import { describe, expect, it } from "vitest";

import { buildLineageGraph } from "@/lib/lineage/build";
import {
  downstream,
  findCycles,
  findPath,
  impactOf,
  neighborhood,
  objectLevel,
  upstream,
} from "@/lib/lineage/traverse";
import type { LineageGraph } from "@/lib/lineage/types";

import { fraudRegistry } from "./fixtures";

const graph = buildLineageGraph(fraudRegistry());
const ids = (g: LineageGraph) => g.nodes.map((node) => node.id).sort();

function cyclicGraph(): LineageGraph {
  const rows = fraudRegistry();
  // user_profile -> txn_amount_vs_avg -> user_profile: a view feeding itself through a chain.
  rows.featureViewInputs.push({ featureViewId: "user_profile", inputFeatureViewId: "txn_vs_avg" });
  return buildLineageGraph(rows);
}

describe("neighborhood", () => {
  it("takes one hop in each direction and the edges between the nodes it keeps", () => {
    const sub = neighborhood(graph, "feature_view:user_profile", { up: 1, down: 1 });
    expect(ids(sub)).toEqual(
      [
        "feature_view:user_profile",
        "data_source:txn",
        "entity:user",
        "feature_view:txn_vs_avg",
        "feature:account_age_days",
        "feature:country",
        "feature:avg_30d_spend",
      ].sort(),
    );
    expect(sub.truncated).toBeUndefined();
    for (const edge of sub.edges) {
      expect(ids(sub)).toContain(edge.source);
      expect(ids(sub)).toContain(edge.target);
    }
    // transactions' columns and other views are left out and counted for "expand".
    const txn = sub.nodes.find((node) => node.id === "data_source:txn")!;
    expect(txn.hiddenDownstream).toBe(4); // amount, user_id, ts, merchant_stats
    const view = sub.nodes.find((node) => node.id === "feature_view:user_profile")!;
    expect(view.hiddenUpstream).toBeUndefined();
    expect(view.hiddenDownstream).toBeUndefined();
  });

  it("honours different depths up and down", () => {
    const sub = neighborhood(graph, "feature:avg_30d_spend", { up: 2, down: 0 });
    expect(ids(sub)).toEqual(
      [
        "feature:avg_30d_spend",
        "feature_view:user_profile",
        "column:txn_amount",
        "column:txn_ts",
        "data_source:txn",
        "entity:user",
      ].sort(),
    );
  });

  it("stops at maxNodes, keeps the nearest nodes and says it truncated", () => {
    const sub = neighborhood(graph, "data_source:txn", { up: 0, down: 5, maxNodes: 6 });
    expect(sub.nodes).toHaveLength(6);
    expect(sub.truncated).toBe(true);
    // The 5 one-hop neighbours (3 columns, 2 views) come before anything 2 hops away.
    const oneHop = ["column:txn_amount", "column:txn_user_id", "column:txn_ts"];
    for (const id of [...oneHop, "feature_view:user_profile", "feature_view:merchant_stats"]) {
      expect(ids(sub)).toContain(id);
    }
  });

  it("terminates on cycles", () => {
    const sub = neighborhood(cyclicGraph(), "feature_view:user_profile", { up: 50, down: 50 });
    expect(ids(sub)).toContain("feature_view:txn_vs_avg");
    expect(ids(sub)).toContain("model:detector");
  });

  it("returns an empty graph for an unknown root", () => {
    expect(neighborhood(graph, "feature:nope")).toEqual({ nodes: [], edges: [] });
  });
});

describe("downstream and upstream", () => {
  it("follows edges to the end", () => {
    expect(downstream(graph, "column:txn_amount").sort()).toEqual(
      ["feature:avg_30d_spend", "feature_service:fraud_v3", "model:detector"].sort(),
    );
    expect(upstream(graph, "model:detector")).toContain("data_source:logins_s3");
    expect(upstream(graph, "model:detector")).not.toContain("feature:country");
  });

  it("is cycle-safe and never lists the root", () => {
    const cyclic = cyclicGraph();
    const down = downstream(cyclic, "feature_view:user_profile");
    expect(down).toContain("feature_view:txn_vs_avg");
    expect(down).not.toContain("feature_view:user_profile");
    expect(new Set(down).size).toBe(down.length);
    expect(upstream(cyclic, "feature_view:txn_vs_avg")).toContain("feature_view:user_profile");
  });
});

describe("impactOf", () => {
  it("lists the views, features, service and model downstream of transactions", () => {
    const impact = impactOf(graph, "data_source:txn")!;
    expect(impact.counts).toEqual({ feature_view: 3, feature: 5, feature_service: 1, model: 1 });
    expect(impact.total).toBe(10);
    expect(impact.items.map((item) => item.name)).toEqual([
      "merchant_stats",
      "txn_amount_vs_avg",
      "user_profile",
      "account_age_days",
      "amount_over_avg",
      "avg_30d_spend",
      "country",
      "txn_count_1d",
      "fraud_scoring_v3",
      "fraud_detector",
    ]);
    expect(impact.items[0]).toEqual({
      id: "feature_view:merchant_stats",
      kind: "feature_view",
      objectId: "merchant_stats",
      name: "merchant_stats",
      owner: "raj@acme.io",
      teamId: "risk",
    });
    expect(impact.owners).toEqual(["ana@acme.io", "kim@acme.io", "ml@acme.io", "raj@acme.io"]);
    expect(impact.teamIds).toEqual(["fraud", "risk"]);
    expect(impact.items.map((item) => item.id)).not.toContain("feature_view:login_activity");
  });

  it("counts an object once however many paths reach it", () => {
    // amount reaches the service through avg_30d_spend and, via user_profile's consumers,
    // through amount_over_avg; the model is reached through both and the training dataset.
    const impact = impactOf(graph, "column:txn_amount")!;
    expect(impact.counts).toEqual({ feature_view: 1, feature: 2, feature_service: 1, model: 1 });
    expect(new Set(impact.items.map((item) => item.id)).size).toBe(impact.items.length);
  });

  it("treats a changed feature as breaking the on-demand views that read its view", () => {
    const impact = impactOf(graph, "feature:country")!;
    expect(impact.items.map((item) => item.id)).toEqual([
      "feature_view:txn_vs_avg",
      "feature:amount_over_avg",
      "feature_service:fraud_v3",
      "model:detector",
    ]);
  });

  it("terminates on a cycle and leaves the root out", () => {
    const impact = impactOf(cyclicGraph(), "feature_view:user_profile")!;
    expect(impact.items.map((item) => item.id)).not.toContain("feature_view:user_profile");
    expect(impact.counts.feature_view).toBe(1);
  });

  it("is null for an unknown node", () => {
    expect(impactOf(graph, "model:nope")).toBeNull();
  });
});

describe("findPath", () => {
  it("finds a shortest directed path", () => {
    expect(findPath(graph, "data_source:txn", "model:detector")).toEqual([
      "data_source:txn",
      "column:txn_amount",
      "feature:avg_30d_spend",
      "feature_service:fraud_v3",
      "model:detector",
    ]);
    expect(findPath(graph, "entity:user", "feature:amount_over_avg")).toEqual([
      "entity:user",
      "feature_view:txn_vs_avg",
      "feature:amount_over_avg",
    ]);
  });

  it("falls back to an undirected path when no directed one exists", () => {
    const path = findPath(graph, "feature:country", "data_source:txn")!;
    expect(path).toEqual(["feature:country", "feature_view:user_profile", "data_source:txn"]);
  });

  it("is null when unconnected or unknown, and the node itself for from = to", () => {
    const rows = fraudRegistry();
    rows.entities.push({ id: "card", name: "card" });
    const withIsland = buildLineageGraph(rows);
    expect(findPath(withIsland, "entity:card", "model:detector")).toBeNull();
    expect(findPath(graph, "entity:user", "model:nope")).toBeNull();
    expect(findPath(graph, "entity:user", "entity:user")).toEqual(["entity:user"]);
  });
});

describe("objectLevel", () => {
  const objects = objectLevel(graph);

  it("folds columns into sources and features into views", () => {
    expect(objects.nodes.some((node) => node.kind === "column" || node.kind === "feature")).toBe(false);
    expect(objects.nodes).toHaveLength(graph.nodes.length - 6 - 7);
  });

  it("re-points edges, drops folded self-edges and de-duplicates", () => {
    const edges = objects.edges.map((edge) => `${edge.source} -${edge.relation}-> ${edge.target}`);
    expect(new Set(edges).size).toBe(edges.length);
    expect(edges).toContain("feature_view:user_profile -served_by-> feature_service:fraud_v3");
    expect(edges).toContain("feature_view:login_activity -served_by-> feature_service:fraud_v3");
    // Column-level "derives" edges duplicate the view's own "reads" edge.
    expect(edges.filter((edge) => edge.startsWith("data_source:txn ") && edge.endsWith("user_profile"))).toEqual([
      "data_source:txn -reads-> feature_view:user_profile",
    ]);
    expect(edges.some((edge) => edge.includes("column:") || edge.includes("feature:"))).toBe(false);
    expect(objects.edges.every((edge) => edge.source !== edge.target)).toBe(true);
    // 1 backfill, 4 reads, 4 keys, 1 input, 3 views -> service, 1 consumed, 1 trains
    expect(objects.edges).toHaveLength(15);
  });

  it("keeps impact at object level", () => {
    const impact = impactOf(objects, "data_source:txn")!;
    expect(impact.counts).toEqual({ feature_view: 3, feature: 0, feature_service: 1, model: 1 });
  });

  it("keeps children whose parent is outside a subgraph", () => {
    const sub = neighborhood(graph, "feature:avg_30d_spend", { up: 1, down: 0 });
    const folded = objectLevel(sub);
    // user_profile is in the subgraph, so the feature folds; the columns' source is not.
    expect(ids(folded)).toEqual(["column:txn_amount", "column:txn_ts", "feature_view:user_profile"]);
    expect(folded.edges.map((edge) => edge.id).sort()).toEqual([
      "column:txn_amount->feature_view:user_profile",
      "column:txn_ts->feature_view:user_profile",
    ]);
  });
});

describe("findCycles", () => {
  it("finds none in an acyclic registry", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("returns the views on an on-demand cycle, including a view reading itself", () => {
    const rows = fraudRegistry();
    rows.featureViewInputs.push({
      featureViewId: "user_profile",
      inputFeatureViewId: "txn_vs_avg",
    });
    rows.featureViewInputs.push({
      featureViewId: "login_activity",
      inputFeatureViewId: "login_activity",
    });
    expect(findCycles(buildLineageGraph(rows))).toEqual([
      ["feature_view:login_activity"],
      ["feature_view:txn_vs_avg", "feature_view:user_profile"],
    ]);
  });
});
