import { describe, expect, it } from "vitest";
import { buildLineageGraph } from "@/lib/lineage/build";
import { layoutLineage } from "@/lib/lineage/layout";
import { graphToSvg } from "@/lib/lineage/svg";
import { fraudRegistry } from "./fixtures";

describe("graphToSvg", () => {
  const graph = buildLineageGraph(fraudRegistry());
  const positions = layoutLineage(graph, { nodeWidth: 200, nodeHeight: 40 });

  it("draws every node and edge inside its own bounds", () => {
    const svg = graphToSvg(graph, positions, { nodeWidth: 200, nodeHeight: 40 });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<g>/g)).toHaveLength(graph.nodes.length);
    expect(svg.match(/<path /g)).toHaveLength(graph.edges.length);
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    for (const match of svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="200"/g)) {
      expect(Number(match[1]) + 200).toBeLessThanOrEqual(Number(width));
      expect(Number(match[2]) + 40).toBeLessThanOrEqual(Number(height));
    }
  });

  it("escapes names and colours health and highlights", () => {
    const risky = {
      ...graph,
      nodes: graph.nodes.map((node, i) => (i === 0 ? { ...node, name: `<script>&"x"` } : node)),
    };
    const first = graph.nodes[0]!.id;
    const svg = graphToSvg(risky, positions, {
      nodeWidth: 200,
      nodeHeight: 40,
      health: new Map([[first, "bad"]]),
      highlighted: new Set([first]),
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&#60;script&#62;&#38;&#34;x&#34;");
    expect(svg).toContain('stroke="#dc2626" stroke-width="3"');
  });
});
