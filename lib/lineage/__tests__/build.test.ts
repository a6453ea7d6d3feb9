import { describe, expect, it } from "vitest";

import { buildLineageGraph, indexLineage } from "@/lib/lineage/build";
import { parseNodeId, type LineageGraph } from "@/lib/lineage/types";

import { fraudRegistry } from "./fixtures";

function edgeSet(graph: LineageGraph): Set<string> {
  return new Set(graph.edges.map((edge) => `${edge.source} -${edge.relation}-> ${edge.target}`));
}

describe("parseNodeId", () => {
  it("accepts every kind with a plain id", () => {
    expect(parseNodeId("feature_view:clx3abc")).toEqual({
      kind: "feature_view",
      objectId: "clx3abc",
    });
    expect(parseNodeId("saved_dataset:a.b-c_1")).toEqual({
      kind: "saved_dataset",
      objectId: "a.b-c_1",
    });
  });

  it.each(["", "feature_view", "feature_view:", ":abc", "view:abc", "feature:a b", "feature:a:b", "model:x/../y"])(
    "rejects %j",
    (text) => expect(parseNodeId(text)).toBeNull(),
  );

  it("rejects ids longer than 128 characters", () => {
    expect(parseNodeId(`model:${"a".repeat(128)}`)).not.toBeNull();
    expect(parseNodeId(`model:${"a".repeat(129)}`)).toBeNull();
  });
});

describe("buildLineageGraph", () => {
  const graph = buildLineageGraph(fraudRegistry());

  it("creates one node per registry object with kind, sub-kind and parent", () => {
    expect(graph.nodes).toHaveLength(4 + 6 + 2 + 4 + 7 + 1 + 1 + 1);
    const byId = indexLineage(graph).byId;
    expect(byId.get("data_source:logins")).toMatchObject({
      kind: "data_source",
      subKind: "stream",
      name: "logins",
    });
    expect(byId.get("feature_view:txn_vs_avg")).toMatchObject({
      subKind: "on_demand",
      name: "txn_amount_vs_avg",
    });
    expect(byId.get("column:txn_amount")).toMatchObject({
      parentId: "data_source:txn",
      name: "amount",
    });
    expect(byId.get("feature:avg_30d_spend")).toMatchObject({
      parentId: "feature_view:user_profile",
    });
  });

  it("lets features inherit team and owner from their view unless they have their own", () => {
    const byId = indexLineage(graph).byId;
    expect(byId.get("feature:avg_30d_spend")).toMatchObject({
      owner: "ana@acme.io",
      teamId: "fraud",
    });
    expect(byId.get("feature:txn_count_1d")).toMatchObject({
      owner: "kim@acme.io",
      teamId: "risk",
    });
  });

  it("draws every kind of lineage edge in the direction data flows", () => {
    const edges = edgeSet(graph);
    for (const expected of [
      "data_source:txn -has_column-> column:txn_amount",
      "data_source:logins_s3 -backfills-> data_source:logins",
      "data_source:txn -reads-> feature_view:user_profile",
      "entity:user -keys-> feature_view:user_profile",
      "feature_view:user_profile -input_to-> feature_view:txn_vs_avg",
      "feature_view:user_profile -produces-> feature:avg_30d_spend",
      "column:txn_amount -derives-> feature:avg_30d_spend",
      "feature:avg_30d_spend -served_by-> feature_service:fraud_v3",
      "feature_service:fraud_v3 -consumed_by-> model:detector",
      "saved_dataset:train -trains-> model:detector",
    ]) {
      expect(edges).toContain(expected);
    }
    // 6 columns, 1 backfill, 4 reads, 4 keys, 1 input, 7 produces, 8 derives, 4 served, 1 consumed, 1 trains
    expect(graph.edges).toHaveLength(37);
  });

  it("skips edges whose ends are missing and ignores duplicate rows", () => {
    const rows = fraudRegistry();
    rows.featureViewSources.push({ featureViewId: "user_profile", dataSourceId: "deleted_source" });
    rows.featureServiceFeatures.push({
      featureServiceId: "fraud_v3",
      featureId: "deleted_feature",
    });
    rows.featureServiceFeatures.push({ featureServiceId: "fraud_v3", featureId: "avg_30d_spend" });
    rows.models.push({ id: "orphan", name: "orphan_model", trainingDatasetId: "deleted_dataset" });
    rows.features.push({ id: "stray", featureViewId: "deleted_view", name: "stray" });
    const built = buildLineageGraph(rows);
    expect(built.edges).toHaveLength(37);
    const ids = new Set(built.nodes.map((node) => node.id));
    for (const edge of built.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
    }
    expect(built.nodes.find((node) => node.id === "feature:stray")?.parentId).toBeUndefined();
  });

  it("is deterministic whatever the row order", () => {
    const rows = fraudRegistry();
    for (const list of Object.values(rows)) (list as unknown[]).reverse();
    expect(buildLineageGraph(rows)).toEqual(graph);
    expect(graph.nodes.map((node) => node.kind).slice(0, 5)).toEqual([
      "data_source",
      "data_source",
      "data_source",
      "data_source",
      "column",
    ]);
  });

  it("flags nodes on cycles and only those", () => {
    expect(graph.nodes.some((node) => node.isOnCycle)).toBe(false);
    const rows = fraudRegistry();
    rows.featureViewInputs.push({
      featureViewId: "user_profile",
      inputFeatureViewId: "txn_vs_avg",
    });
    const cyclic = buildLineageGraph(rows);
    expect(cyclic.nodes.filter((node) => node.isOnCycle).map((node) => node.id)).toEqual([
      "feature_view:txn_vs_avg",
      "feature_view:user_profile",
    ]);
  });
});
