"use client";

import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { Point } from "@/lib/lineage/layout";
import { routedPath } from "@/lib/lineage/route";

export type RoutedFlowEdge = Edge<{ waypoints?: Point[] }, "routed">;

/** An edge drawn through its waypoints (around the nodes of the columns it crosses), else a plain curve. */
function RoutedEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  style,
  markerEnd,
}: EdgeProps<RoutedFlowEdge>) {
  const waypoints = data?.waypoints;
  const path = waypoints?.length
    ? routedPath({ x: sourceX, y: sourceY }, waypoints, { x: targetX, y: targetY })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  return <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />;
}

export const RoutedEdge = memo(RoutedEdgeView);
export const edgeTypes = { routed: RoutedEdge };
