import { KIND_LABELS } from "@/lib/kinds";
import type { HealthStatus } from "@/lib/lineage/health";
import { routedPath, routeEdges } from "@/lib/lineage/route";
import type { Point } from "@/lib/lineage/layout";
import type { LineageGraph, NodeKind } from "@/lib/lineage/types";

export interface SvgOptions {
  nodeWidth: number;
  nodeHeight: number;
  health?: ReadonlyMap<string, HealthStatus>;
  /** Nodes and edges to draw emphasised (a path, a selection). */
  highlighted?: ReadonlySet<string>;
  padding?: number;
}

export const KIND_COLORS: Record<NodeKind, string> = {
  data_source: "#0ea5e9",
  column: "#7dd3fc",
  entity: "#a855f7",
  feature_view: "#2f6fed",
  feature: "#60a5fa",
  feature_service: "#f59e0b",
  model: "#10b981",
  saved_dataset: "#64748b",
};

export const HEALTH_COLORS: Record<HealthStatus, string> = {
  ok: "#10b981",
  warn: "#f59e0b",
  bad: "#dc2626",
  unknown: "#cbd5e1",
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A standalone SVG of the laid-out graph: each node a box with its kind stripe, name and
 * kind label, health as the border colour; edges as curves from the right side of the source
 * to the left side of the target. Nodes without a position are left out.
 */
export function graphToSvg(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point>,
  { nodeWidth, nodeHeight, health, highlighted, padding = 24 }: SvgOptions,
): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of graph.nodes) {
    const point = positions.get(node.id);
    if (!point) continue;
    minX = Math.min(minX, point.x);
    minY = Math.min(minY, point.y);
    maxX = Math.max(maxX, point.x + nodeWidth);
    maxY = Math.max(maxY, point.y + nodeHeight);
  }
  if (!Number.isFinite(minX)) {
    minX = minY = 0;
    maxX = maxY = 0;
  }
  const width = Math.ceil(maxX - minX + 2 * padding);
  const height = Math.ceil(maxY - minY + 2 * padding);
  const dx = padding - minX;
  const dy = padding - minY;
  const round = (value: number) => Math.round(value * 10) / 10;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-sans-serif, system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  // Edges that skip columns go round the nodes in between, as on screen.
  const routes = routeEdges(graph, positions, { nodeWidth, nodeHeight });
  for (const edge of graph.edges) {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    if (!from || !to) continue;
    const x1 = round(from.x + nodeWidth + dx);
    const y1 = round(from.y + nodeHeight / 2 + dy);
    const x2 = round(to.x + dx);
    const y2 = round(to.y + nodeHeight / 2 + dy);
    const bend = round(Math.max(40, Math.abs(x2 - x1) / 2));
    const isHighlighted = highlighted?.has(edge.source) && highlighted.has(edge.target);
    const route = routes.get(edge.id);
    const d = route
      ? routedPath(
          { x: x1, y: y1 },
          route.map((point) => ({ x: round(point.x + dx), y: round(point.y + dy) })),
          { x: x2, y: y2 },
        )
      : `M${x1},${y1} C${round(x1 + bend)},${y1} ${round(x2 - bend)},${y2} ${x2},${y2}`;
    parts.push(
      `<path d="${d}" fill="none" stroke="${isHighlighted ? "#2f6fed" : "#94a3b8"}" stroke-width="${isHighlighted ? 2.5 : 1}"/>`,
    );
  }
  for (const node of graph.nodes) {
    const point = positions.get(node.id);
    if (!point) continue;
    const x = round(point.x + dx);
    const y = round(point.y + dy);
    const status = health?.get(node.id);
    const stroke = status && status !== "unknown" ? HEALTH_COLORS[status] : "#cbd5e1";
    const strokeWidth = highlighted?.has(node.id) ? 3 : status && status !== "unknown" ? 2 : 1;
    parts.push(
      `<g><rect x="${x}" y="${y}" width="${nodeWidth}" height="${nodeHeight}" rx="6" fill="#ffffff" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
      `<rect x="${x}" y="${y}" width="5" height="${nodeHeight}" rx="2" fill="${KIND_COLORS[node.kind]}"/>`,
      `<text x="${round(x + 12)}" y="${round(y + nodeHeight / 2 - 3)}" font-size="12" font-weight="600" fill="#0f172a">${escapeXml(clip(node.name, 30))}</text>`,
      `<text x="${round(x + 12)}" y="${round(y + nodeHeight / 2 + 11)}" font-size="10" fill="#64748b">${escapeXml(KIND_LABELS[node.kind].one + (node.subKind ? ` · ${node.subKind}` : ""))}</text></g>`,
    );
  }
  parts.push("</svg>");
  return parts.join("\n");
}
