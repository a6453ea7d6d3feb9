"use client";

import { KIND_LABELS } from "@/lib/kinds";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { createContext, memo, useContext } from "react";
import { healthBadge, type NodeHealth } from "@/lib/lineage/health";
import { HEALTH_COLORS, KIND_COLORS } from "@/lib/lineage/svg";
import type { LineageNode } from "@/lib/lineage/types";
import { NODE_HEIGHT, NODE_WIDTH } from "./use-lineage-layout";

export type Direction = "up" | "down";

export type LineageFlowNode = Node<
  {
    node: LineageNode;
    health?: NodeHealth;
    isRoot: boolean;
    isOnPath: boolean;
    isMatch: boolean;
    isDimmed: boolean;
    expanded: { up: boolean; down: boolean };
  },
  "lineage"
>;

export interface LineageActions {
  /** False on the workspace overview, where every node is already shown. */
  canExpand: boolean;
  toggle(nodeId: string, direction: Direction): void;
  isLoading(nodeId: string, direction: Direction): boolean;
}

export const LineageActionsContext = createContext<LineageActions>({
  canExpand: false,
  toggle: () => {},
  isLoading: () => false,
});

function ExpandButton({
  node,
  direction,
  isExpanded,
}: {
  node: LineageNode;
  direction: Direction;
  isExpanded: boolean;
}) {
  const actions = useContext(LineageActionsContext);
  const hidden = direction === "up" ? node.hiddenUpstream : node.hiddenDownstream;
  if (!actions.canExpand || (!hidden && !isExpanded)) return null;
  const isLoading = actions.isLoading(node.id, direction);
  // Outside the node, in the gap between columns, so the badge never covers the name.
  const side = direction === "up" ? "right-full mr-1.5" : "left-full ml-1.5";
  const label = isExpanded
    ? `Collapse ${direction === "up" ? "upstream" : "downstream"} of ${node.name}`
    : `Expand ${hidden} ${direction === "up" ? "upstream" : "downstream"} of ${node.name}`;
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-testid={`expand-${direction}`}
      onClick={(event) => {
        event.stopPropagation();
        actions.toggle(node.id, direction);
      }}
      className={`nodrag nopan absolute ${side} top-1/2 z-10 flex h-6 min-w-6 -translate-y-1/2 items-center justify-center rounded-full border border-slate-300 bg-white px-1 text-[10px] font-semibold text-slate-700 shadow-sm hover:border-brand-500 hover:text-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500`}
    >
      {isLoading ? "…" : isExpanded ? "−" : `+${hidden}`}
    </button>
  );
}

function LineageNodeView({ data, selected }: NodeProps<LineageFlowNode>) {
  const { node, health, isRoot, isOnPath, isMatch, isDimmed, expanded } = data;
  const badge = healthBadge(health);
  const status = health?.status ?? "unknown";
  const border =
    selected || isOnPath ? "#2f6fed" : status !== "unknown" ? HEALTH_COLORS[status] : isRoot ? "#1e293b" : "#cbd5e1";
  return (
    <div
      data-testid="lineage-node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-health={status}
      aria-label={`${node.name} (${KIND_LABELS[node.kind].one})`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, borderColor: border }}
      className={`group relative flex items-stretch rounded-md border-2 bg-white text-left shadow-sm ${isDimmed ? "opacity-30" : ""} ${
        isMatch ? "ring-4 ring-amber-300" : ""
      } ${selected ? "ring-2 ring-brand-500/40" : ""}`}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="!h-2 !w-2 !border-0 !bg-slate-400"
      />
      <span aria-hidden className="w-1.5 shrink-0 rounded-l" style={{ background: KIND_COLORS[node.kind] }} />
      <span className="flex min-w-0 flex-1 flex-col justify-center px-2">
        <span className="truncate text-xs font-semibold text-slate-900" data-testid="lineage-node-name">
          {node.name}
          {node.isOnCycle ? (
            <span className="ml-1 text-[10px] font-normal text-amber-700" title="On a cycle of on-demand views">
              ↻
            </span>
          ) : null}
        </span>
        <span className="truncate text-[10px] text-slate-500">
          {KIND_LABELS[node.kind].one}
          {node.subKind ? ` · ${node.subKind.replace("_", "-")}` : ""}
        </span>
      </span>
      {/* The full name on hover: names are truncated to the node's width. */}
      <span
        role="tooltip"
        data-testid="lineage-node-tooltip"
        className="pointer-events-none absolute left-0 top-full z-20 mt-1 hidden w-max max-w-md break-all rounded bg-slate-900 px-2 py-1 text-xs font-medium text-white shadow-lg group-hover:block"
      >
        {node.name}
        <span className="ml-1 font-normal text-slate-300">
          {KIND_LABELS[node.kind].one}
          {node.subKind ? ` · ${node.subKind.replace("_", "-")}` : ""}
        </span>
      </span>
      {badge ? (
        <span
          data-testid="health-badge"
          title={badge.description}
          aria-label={badge.description}
          className="absolute -top-2.5 right-2 rounded-full px-1.5 py-px text-[10px] font-semibold text-white shadow"
          style={{ background: HEALTH_COLORS[status === "unknown" ? "warn" : status] }}
        >
          {badge.label}
        </span>
      ) : null}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="!h-2 !w-2 !border-0 !bg-slate-400"
      />
      <ExpandButton node={node} direction="up" isExpanded={expanded.up} />
      <ExpandButton node={node} direction="down" isExpanded={expanded.down} />
    </div>
  );
}

export const LineageNodeComponent = memo(LineageNodeView);
export const nodeTypes = { lineage: LineageNodeComponent };
