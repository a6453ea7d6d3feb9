"use client";

import { useReactFlow, useStore, useViewport } from "@xyflow/react";
import { useEffect, useMemo, useRef, type MouseEvent } from "react";
import type { NodeHealth } from "@/lib/lineage/health";
import type { Point } from "@/lib/lineage/layout";
import { HEALTH_COLORS, KIND_COLORS } from "@/lib/lineage/svg";
import type { LineageGraph } from "@/lib/lineage/types";
import { NODE_HEIGHT, NODE_WIDTH } from "./use-lineage-layout";

const WIDTH = 176;
const HEIGHT = 112;

/**
 * A minimap drawn on one canvas, for graphs too large for React Flow's SVG minimap (one
 * element per node). Click to move the view there.
 */
export function CanvasMiniMap({
  graph,
  positions,
  health,
}: {
  graph: LineageGraph;
  positions: ReadonlyMap<string, Point>;
  health: Record<string, NodeHealth>;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const viewport = useViewport();
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);

  const frame = useMemo(() => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const point of positions.values()) {
      minX = Math.min(minX, point.x);
      minY = Math.min(minY, point.y);
      maxX = Math.max(maxX, point.x + NODE_WIDTH);
      maxY = Math.max(maxY, point.y + NODE_HEIGHT);
    }
    const scale = Math.min(WIDTH / Math.max(1, maxX - minX), HEIGHT / Math.max(1, maxY - minY));
    return { minX, minY, scale };
  }, [positions]);

  useEffect(() => {
    const context = canvasRef.current?.getContext("2d");
    if (!context) return;
    const { minX, minY, scale } = frame;
    context.clearRect(0, 0, WIDTH, HEIGHT);
    for (const node of graph.nodes) {
      const point = positions.get(node.id);
      if (!point) continue;
      const status = health[node.id]?.status;
      context.fillStyle = status && status !== "unknown" ? HEALTH_COLORS[status] : KIND_COLORS[node.kind];
      context.fillRect(
        (point.x - minX) * scale,
        (point.y - minY) * scale,
        Math.max(1, NODE_WIDTH * scale),
        Math.max(1, NODE_HEIGHT * scale),
      );
    }
    // The part of the graph on screen.
    const left = (-viewport.x / viewport.zoom - minX) * scale;
    const top = (-viewport.y / viewport.zoom - minY) * scale;
    context.strokeStyle = "#0f172a";
    context.lineWidth = 1;
    context.strokeRect(left, top, (paneWidth / viewport.zoom) * scale, (paneHeight / viewport.zoom) * scale);
  }, [graph, positions, health, frame, viewport, paneWidth, paneHeight]);

  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - rect.left) / frame.scale + frame.minX;
    const y = (event.clientY - rect.top) / frame.scale + frame.minY;
    void flow.setCenter(x, y, { zoom: viewport.zoom, duration: 200 });
  };

  return (
    <canvas
      ref={canvasRef}
      width={WIDTH}
      height={HEIGHT}
      onClick={onClick}
      role="img"
      aria-label="Minimap of the lineage graph; click to move the view"
      className="cursor-pointer rounded border border-slate-200 bg-white/90 shadow-sm"
    />
  );
}
