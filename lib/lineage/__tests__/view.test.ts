import { describe, expect, it } from "vitest";
import { buildLineageGraph } from "@/lib/lineage/build";
import { neighborhood } from "@/lib/lineage/traverse";
import type { LineageGraph } from "@/lib/lineage/types";
import { filterGraph, mergeGraphs, searchNodes } from "@/lib/lineage/view";
import { fraudRegistry } from "./fixtures";

const graph = buildLineageGraph(fraudRegistry());

/** A window as the API returns it: nodes carry their registry-wide neighbour counts. */
function window(rootId: string, up: number, down: number): LineageGraph {
  const sub = neighborhood(graph, rootId, { up, down });
  for (const node of sub.nodes) {
    node.upstreamCount = graph.edges.filter((edge) => edge.target === node.id).length;
    node.downstreamCount = graph.edges.filter((edge) => edge.source === node.id).length;
  }
  return sub;
}

describe("mergeGraphs", () => {
  it("unions windows and recounts hidden neighbours against the union", () => {
    const base = window("feature_view:user_profile", 1, 1);
    expect(base.nodes.find((node) => node.id === "data_source:txn")?.hiddenDownstream).toBeGreaterThan(0);
    const expansion = window("data_source:txn", 0, 1);
    const merged = mergeGraphs([base, expansion]);
    const txn = merged.nodes.find((node) => node.id === "data_source:txn")!;
    expect(txn.hiddenDownstream).toBeUndefined();
    const ids = new Set(merged.nodes.map((node) => node.id));
    for (const node of [...base.nodes, ...expansion.nodes]) expect(ids.has(node.id)).toBe(true);
    expect(new Set(merged.edges.map((edge) => edge.id)).size).toBe(merged.edges.length);
    for (const edge of merged.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it("collapsing is merging without the expansion: the counts come back", () => {
    const base = window("feature_view:user_profile", 1, 1);
    const merged = mergeGraphs([base]);
    expect(merged.nodes.map((node) => [node.id, node.hiddenUpstream, node.hiddenDownstream])).toEqual(
      base.nodes.map((node) => [node.id, node.hiddenUpstream, node.hiddenDownstream]),
    );
  });

  it("keeps the truncation flag of any window", () => {
    const merged = mergeGraphs([window("feature_view:user_profile", 1, 1), { nodes: [], edges: [], truncated: true }]);
    expect(merged.truncated).toBe(true);
  });
});

describe("filterGraph", () => {
  it("keeps nodes of the chosen kinds and teams, the kept ids, and edges between survivors", () => {
    const filtered = filterGraph(graph, {
      kinds: ["feature_view", "data_source"],
      teamIds: ["fraud"],
      keep: new Set(["model:detector"]),
    });
    expect(filtered.nodes.every((node) => node.id === "model:detector" || node.teamId === "fraud")).toBe(true);
    expect(filtered.nodes.some((node) => node.kind === "feature")).toBe(false);
    expect(filtered.nodes.map((node) => node.id)).toContain("model:detector");
    const ids = new Set(filtered.nodes.map((node) => node.id));
    expect(filtered.edges.every((edge) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
  });

  it("returns the graph itself without filters", () => {
    expect(filterGraph(graph, {})).toBe(graph);
  });
});

describe("searchNodes", () => {
  it("matches every word, exact and prefix matches first", () => {
    const hits = searchNodes(graph, "USER");
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]!.name.toLowerCase()).toBe("user");
    expect(hits.every((node) => node.name.toLowerCase().includes("user"))).toBe(true);
    expect(searchNodes(graph, "  ")).toEqual([]);
    expect(searchNodes(graph, "no such thing")).toEqual([]);
  });
});
