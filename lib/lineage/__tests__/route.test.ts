import { describe, expect, it } from "vitest";
import type { Point } from "@/lib/lineage/layout";
import { freeLane, routedPath, routeEdges } from "@/lib/lineage/route";
import type { LineageGraph, LineageNode } from "@/lib/lineage/types";

const W = 100;
const H = 40;
const node = (id: string): LineageNode => ({ id, kind: "feature", objectId: id, name: id }) as LineageNode;

/** Three columns 200 apart; the middle one has nodes at y 0, 60 and 120 (gaps 40-60 and 100-120). */
function graph(): { graph: LineageGraph; positions: Map<string, Point> } {
  const positions = new Map<string, Point>([
    ["a", { x: 0, y: 60 }],
    ["m1", { x: 200, y: 0 }],
    ["m2", { x: 200, y: 60 }],
    ["m3", { x: 200, y: 120 }],
    ["b", { x: 400, y: 60 }],
    ["c", { x: 400, y: 200 }],
  ]);
  const edges = [
    { id: "a->m2", source: "a", target: "m2" },
    { id: "a->b", source: "a", target: "b" },
    { id: "a->c", source: "a", target: "c" },
  ];
  return {
    graph: { nodes: [...positions.keys()].map(node), edges } as unknown as LineageGraph,
    positions,
  };
}

/** Whether a horizontal run at y over a column touches any of its nodes. */
const touches = (tops: number[], y: number) => tops.some((top) => y >= top && y <= top + H);

describe("routeEdges", () => {
  it("routes an edge that skips a column through a gap of that column, not through its nodes", () => {
    const { graph: g, positions } = graph();
    const routes = routeEdges(g, positions, { nodeWidth: W, nodeHeight: H });
    // a (centre y 80) to b (centre y 80): the straight line would run through m2 (60-100).
    const route = routes.get("a->b")!;
    expect(route).toHaveLength(2);
    expect(route.map((point) => point.x)).toEqual([200, 300]);
    expect(route[0]!.y).toBe(route[1]!.y);
    expect(touches([0, 60, 120], route[0]!.y)).toBe(false);
    expect([50, 110]).toContain(route[0]!.y);
  });

  it("leaves edges between neighbouring columns as plain curves", () => {
    const { graph: g, positions } = graph();
    const routes = routeEdges(g, positions, { nodeWidth: W, nodeHeight: H });
    expect(routes.has("a->m2")).toBe(false);
    // A line that already passes the column in a gap keeps its plain curve.
    const free = new Map(positions).set("b", { x: 400, y: 0 });
    expect(routeEdges(g, free, { nodeWidth: W, nodeHeight: H }).has("a->b")).toBe(false);
  });

  it("goes round the column when the nearest free lane is below it", () => {
    const { graph: g, positions } = graph();
    // a (centre 80) to c (centre 220) crosses the middle column at y 150, inside m3 (120-160).
    const routes = routeEdges(g, positions, { nodeWidth: W, nodeHeight: H });
    expect(routes.get("a->c")).toEqual([
      { x: 200, y: 172 },
      { x: 300, y: 172 },
    ]);
  });
});

describe("freeLane", () => {
  it("keeps a free y, else takes the nearest gap or goes round the column", () => {
    const tops = [0, 60, 120];
    expect(freeLane(tops, 50, H, 4)).toBe(50);
    expect(freeLane(tops, 70, H, 4)).toBe(50);
    expect(freeLane(tops, 95, H, 4)).toBe(110);
    expect(freeLane(tops, 150, H, 4)).toBe(172);
    expect(freeLane(tops, 5, H, 4)).toBe(-12);
  });

  it("skips gaps too narrow for the clearance", () => {
    expect(freeLane([0, 44], 30, H, 4)).toBe(-12);
    expect(freeLane([0, 44], 60, H, 4)).toBe(96);
  });
});

describe("routedPath", () => {
  it("curves between columns and runs straight along each lane", () => {
    expect(
      routedPath(
        { x: 0, y: 0 },
        [
          { x: 100, y: 50 },
          { x: 200, y: 50 },
        ],
        { x: 300, y: 0 },
      ),
    ).toBe("M0,0 C50,0 50,50 100,50 L200,50 C250,50 250,0 300,0");
  });
});
