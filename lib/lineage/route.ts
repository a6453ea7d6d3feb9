import type { Point } from "@/lib/lineage/layout";
import type { LineageGraph } from "@/lib/lineage/types";

/**
 * Edge routes around nodes. The layout puts nodes in columns; an edge that skips columns (a data
 * source straight to a feature service, say) would be drawn through the nodes of the columns in
 * between. Such an edge is routed through a free lane of each column it crosses: the gap between
 * two nodes nearest to its straight line, or above / below the column. Pure.
 */

export interface RouteOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Clearance kept between a route and a node's border. */
  clearance?: number;
}

/** Waypoints per edge id, left to right, for edges that cross other columns; other edges need none. */
export function routeEdges(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point>,
  { nodeWidth, nodeHeight, clearance = 4 }: RouteOptions,
): Map<string, Point[]> {
  const routes = new Map<string, Point[]>();
  // Node tops per column x, sorted: one pass, then each crossing is a binary search.
  const byColumn = new Map<number, number[]>();
  for (const point of positions.values()) {
    const column = byColumn.get(point.x) ?? [];
    column.push(point.y);
    byColumn.set(point.x, column);
  }
  for (const tops of byColumn.values()) tops.sort((a, b) => a - b);
  const columnXs = [...byColumn.keys()].sort((a, b) => a - b);

  for (const edge of graph.edges) {
    const source = positions.get(edge.source);
    const target = positions.get(edge.target);
    if (!source || !target || target.x <= source.x + nodeWidth) continue;
    const start = { x: source.x + nodeWidth, y: source.y + nodeHeight / 2 };
    const end = { x: target.x, y: target.y + nodeHeight / 2 };
    const crossed = columnXs.filter((x) => x > source.x && x < target.x);
    if (crossed.length === 0) continue;
    const points: Point[] = [];
    let isBlocked = false;
    for (const x of crossed) {
      const along = start.y + ((end.y - start.y) * (x + nodeWidth / 2 - start.x)) / (end.x - start.x);
      const lane = freeLane(byColumn.get(x)!, along, nodeHeight, clearance);
      if (lane !== along) isBlocked = true;
      points.push({ x, y: lane }, { x: x + nodeWidth, y: lane });
    }
    // A straight line that already passes every column in a gap keeps its plain curve.
    if (isBlocked) routes.set(edge.id, points);
  }
  return routes;
}

/**
 * The y nearest to `wanted` at which a horizontal line passes a column without touching a node
 * (tops sorted ascending): `wanted` itself when it is free, else the middle of the nearest gap
 * wide enough, else just above or below the column.
 */
export function freeLane(tops: readonly number[], wanted: number, nodeHeight: number, clearance: number): number {
  const isFree = (y: number) => {
    const i = lastAtOrBelow(tops, y + clearance);
    return i < 0 || tops[i]! + nodeHeight + clearance <= y;
  };
  if (isFree(wanted)) return wanted;
  const candidates = [tops[0]! - clearance * 3, tops[tops.length - 1]! + nodeHeight + clearance * 3];
  for (let i = 0; i + 1 < tops.length; i++) {
    const gapTop = tops[i]! + nodeHeight;
    const gapBottom = tops[i + 1]!;
    if (gapBottom - gapTop >= 2 * clearance) candidates.push((gapTop + gapBottom) / 2);
  }
  let best = candidates[0]!;
  for (const y of candidates) if (Math.abs(y - wanted) < Math.abs(best - wanted)) best = y;
  return best;
}

/** Index of the last top <= y, or -1. */
function lastAtOrBelow(tops: readonly number[], y: number): number {
  let low = 0;
  let high = tops.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tops[middle]! <= y) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * An SVG path from start through the waypoints to end: straight along each lane (waypoints come
 * in pairs, a column's entry and exit), a curve with horizontal ends between lanes.
 */
export function routedPath(start: Point, waypoints: readonly Point[], end: Point): string {
  const points = [start, ...waypoints, end];
  let path = `M${start.x},${start.y}`;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    // Even steps run along a lane, from a column's entry to its exit; odd steps cross the gap between columns.
    if (i % 2 === 0 && i < points.length - 1) {
      path += ` L${to.x},${to.y}`;
    } else {
      const half = (to.x - from.x) / 2;
      path += ` C${from.x + half},${from.y} ${to.x - half},${to.y} ${to.x},${to.y}`;
    }
  }
  return path;
}
