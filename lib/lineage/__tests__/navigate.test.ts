import { describe, expect, it } from "vitest";
import { buildLineageGraph } from "@/lib/lineage/build";
import { layoutLineage } from "@/lib/lineage/layout";
import { nextSelection } from "@/lib/lineage/navigate";
import { fraudRegistry } from "./fixtures";

describe("nextSelection", () => {
  const graph = buildLineageGraph(fraudRegistry());
  const positions = layoutLineage(graph);

  it("starts at the top-left node", () => {
    const first = nextSelection(graph, positions, null, "ArrowRight")!;
    const point = positions.get(first)!;
    for (const other of positions.values())
      expect(other.x > point.x || (other.x === point.x && other.y >= point.y)).toBe(true);
  });

  it("moves along edges downstream and upstream", () => {
    const right = nextSelection(graph, positions, "feature_view:user_profile", "ArrowRight")!;
    expect(graph.edges.some((edge) => edge.source === "feature_view:user_profile" && edge.target === right)).toBe(true);
    const left = nextSelection(graph, positions, "feature_view:user_profile", "ArrowLeft")!;
    expect(graph.edges.some((edge) => edge.target === "feature_view:user_profile" && edge.source === left)).toBe(true);
    expect(nextSelection(graph, positions, "model:detector", "ArrowRight")).toBeNull();
  });

  it("moves up and down within a column, stopping at its ends", () => {
    const start = "feature_view:user_profile";
    const down = nextSelection(graph, positions, start, "ArrowDown");
    const up = nextSelection(graph, positions, start, "ArrowUp");
    for (const id of [down, up].filter((id): id is string => id !== null)) {
      expect(positions.get(id)!.x).toBe(positions.get(start)!.x);
    }
    expect(down !== null || up !== null).toBe(true);
    if (down) expect(nextSelection(graph, positions, down, "ArrowUp")).toBe(start);
  });
});
