"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeHandle,
  type NodeMouseHandler,
} from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type ComponentProps, type KeyboardEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { graphToJson } from "@/lib/lineage/export";
import type { HealthStatus, NodeHealth } from "@/lib/lineage/health";
import type { Point } from "@/lib/lineage/layout";
import { nextSelection, type NavigationKey } from "@/lib/lineage/navigate";
import { routeEdges } from "@/lib/lineage/route";
import { graphToSvg, HEALTH_COLORS, KIND_COLORS } from "@/lib/lineage/svg";
import { NODE_KINDS, type LineageGraph } from "@/lib/lineage/types";
import { searchNodes } from "@/lib/lineage/view";
import type { LineageLevel } from "@/lib/validations/lineage";
import { downloadBlob, downloadText } from "@/components/ui/download";
import { svgToPng } from "./svg-to-png";
import { CanvasMiniMap } from "./canvas-minimap";
import { HealthLegend } from "./health-legend";
import { LineageActionsContext, nodeTypes, type LineageActions, type LineageFlowNode } from "./lineage-node";
import { nodeCatalogHref } from "./node-details";
import { edgeTypes, type RoutedFlowEdge } from "./routed-edge";
import { NODE_HEIGHT, NODE_WIDTH, useLineageLayout } from "./use-lineage-layout";

interface Laid {
  graph: LineageGraph;
  positions: Map<string, Point>;
}

const NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };
const HANDLE = 8;
const NODE_HANDLES: NodeHandle[] = [
  {
    type: "target",
    position: Position.Left,
    x: -HANDLE / 2,
    y: (NODE_HEIGHT - HANDLE) / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: "source",
    position: Position.Right,
    x: NODE_WIDTH - HANDLE / 2,
    y: (NODE_HEIGHT - HANDLE) / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

const NAVIGATION_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);
/** Above this, the first picture is the top-left corner at a readable zoom, not everything at once. */
const LARGE_GRAPH = 300;
/** React Flow's minimap draws one SVG element per node; above this a canvas minimap is used. */
const SVG_MINIMAP_LIMIT = 500;
const REFIT_LIMIT = 150;

/** The canvas with its React Flow store: the explorer loads both together, after first paint. */
export function ProvidedLineageCanvas(props: ComponentProps<typeof LineageCanvas>) {
  return (
    <ReactFlowProvider>
      <LineageCanvas {...props} />
    </ReactFlowProvider>
  );
}

export function LineageCanvas({
  graph,
  error,
  isBusy,
  rootId,
  health,
  selectedId,
  onSelect,
  onPathEnd,
  pathIds,
  highlightIds,
  search,
  activeExpansions,
  actions,
  level,
}: {
  graph: LineageGraph | null;
  error: string | null;
  isBusy: boolean;
  rootId: string | null;
  health: Record<string, NodeHealth>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onPathEnd: (id: string) => void;
  pathIds: string[] | null;
  highlightIds: string[] | null;
  search: string;
  activeExpansions: ReadonlySet<string>;
  actions: LineageActions;
  level: LineageLevel;
}) {
  const layout = useLineageLayout();
  const flow = useReactFlow();
  const router = useRouter();
  const [laid, setLaid] = useState<Laid | null>(null);
  const previous = useRef<Map<string, Point> | null>(null);
  const hasPlacedViewport = useRef(false);
  const [layoutMs, setLayoutMs] = useState<number | null>(null);

  useEffect(() => {
    if (!graph) return;
    let isCurrent = true;
    const started = performance.now();
    void layout(graph, previous.current).then((positions) => {
      if (!positions || !isCurrent) return;
      previous.current = positions;
      setLayoutMs(Math.round(performance.now() - started));
      setLaid({ graph, positions });
    });
    return () => {
      isCurrent = false;
    };
  }, [graph, layout]);

  const matches = useMemo(() => (laid && search.trim() ? searchNodes(laid.graph, search, 200) : []), [laid, search]);
  const matchIds = useMemo(() => new Set(matches.map((node) => node.id)), [matches]);
  const pathSet = useMemo(() => (pathIds ? new Set(pathIds) : null), [pathIds]);
  const emphasis = useMemo(() => pathSet ?? (highlightIds ? new Set(highlightIds) : null), [pathSet, highlightIds]);

  const nodes: LineageFlowNode[] = useMemo(() => {
    if (!laid) return [];
    return laid.graph.nodes.map((node) => ({
      id: node.id,
      type: "lineage",
      position: laid.positions.get(node.id)!,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      // Known size and handles: React Flow need not render every node once to measure it.
      measured: NODE_SIZE,
      handles: NODE_HANDLES,
      selected: node.id === selectedId,
      draggable: false,
      connectable: false,
      data: {
        node,
        health: health[node.id],
        isRoot: node.id === rootId,
        isOnPath: pathSet?.has(node.id) ?? false,
        isMatch: matchIds.has(node.id),
        isDimmed: emphasis !== null && !emphasis.has(node.id),
        expanded: { up: activeExpansions.has(`${node.id}|up`), down: activeExpansions.has(`${node.id}|down`) },
      },
    }));
  }, [laid, selectedId, health, rootId, pathSet, matchIds, emphasis, activeExpansions]);

  // Routes depend on the layout only, not on the selection or highlighting.
  const routes = useMemo(
    () => (laid ? routeEdges(laid.graph, laid.positions, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT }) : null),
    [laid],
  );

  const edges: RoutedFlowEdge[] = useMemo(() => {
    if (!laid) return [];
    const pathEdges = new Set<string>();
    if (pathIds)
      for (let i = 1; i < pathIds.length; i++)
        pathEdges.add(`${pathIds[i - 1]}->${pathIds[i]}`).add(`${pathIds[i]}->${pathIds[i - 1]}`);
    return laid.graph.edges.map((edge) => {
      const isOnPath = pathEdges.has(edge.id);
      const isDimmed = emphasis !== null && !(emphasis.has(edge.source) && emphasis.has(edge.target));
      const waypoints = routes?.get(edge.id);
      return {
        id: edge.id,
        type: "routed" as const,
        source: edge.source,
        target: edge.target,
        ...(waypoints ? { data: { waypoints } } : {}),
        selectable: false,
        focusable: false,
        style: isOnPath
          ? { stroke: "#2f6fed", strokeWidth: 3 }
          : isDimmed
            ? { stroke: "#e2e8f0" }
            : { stroke: "#94a3b8" },
        ...(isOnPath ? { zIndex: 1 } : {}),
      };
    });
  }, [laid, routes, pathIds, emphasis]);

  // Expanding a small graph refits it, so nodes added on either side come into view.
  const shownCount = useRef(0);
  useEffect(() => {
    if (!laid) return;
    const count = laid.graph.nodes.length;
    const hasGrown = hasPlacedViewport.current && count > shownCount.current && count <= REFIT_LIMIT;
    shownCount.current = count;
    if (!hasGrown) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1.2, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [laid, flow]);

  // First picture: a focused graph fits the screen; a large overview opens readable at the top.
  useEffect(() => {
    if (!laid || hasPlacedViewport.current) return;
    const isLarge = laid.graph.nodes.length > LARGE_GRAPH;
    // After React Flow has taken the new nodes into its store (the next frame).
    const frame = requestAnimationFrame(() => {
      hasPlacedViewport.current = true;
      if (isLarge) void flow.setViewport({ x: 40, y: 40, zoom: 0.6 });
      else void flow.fitView({ padding: 0.15, maxZoom: 1.2 });
    });
    return () => cancelAnimationFrame(frame);
  }, [laid, flow]);

  const centerOn = (id: string) => {
    const point = laid?.positions.get(id);
    if (!point) return;
    void flow.setCenter(point.x + NODE_WIDTH / 2, point.y + NODE_HEIGHT / 2, {
      zoom: Math.max(flow.getZoom(), 0.7),
      duration: 200,
    });
  };

  // Search: jump to the best match as the query changes.
  const firstMatch = matches[0]?.id;
  useEffect(() => {
    if (firstMatch) centerOn(firstMatch);
    // centerOn reads the latest layout; only a new best match should move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstMatch]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!laid || (event.target as HTMLElement).closest("button, input, select, a")) return;
    if (NAVIGATION_KEYS.has(event.key)) {
      event.preventDefault();
      const next = nextSelection(laid.graph, laid.positions, selectedId, event.key as NavigationKey);
      if (next) {
        onSelect(next);
        centerOn(next);
      }
    } else if (event.key === "Enter" && selectedId) {
      const node = laid.graph.nodes.find((candidate) => candidate.id === selectedId);
      if (node) router.push(nodeCatalogHref(node));
    } else if (event.key === "Escape") {
      onSelect(null);
    }
  };

  const onNodeClick: NodeMouseHandler<LineageFlowNode> = (event, node) => {
    if (event.shiftKey && selectedId && selectedId !== node.id) onPathEnd(node.id);
    else onSelect(node.id);
  };

  const healthStatuses = useMemo(
    () => new Map(Object.entries(health).map(([id, value]) => [id, value.status] as [string, HealthStatus])),
    [health],
  );
  const exportSvg = () =>
    laid
      ? graphToSvg(laid.graph, laid.positions, {
          nodeWidth: NODE_WIDTH,
          nodeHeight: NODE_HEIGHT,
          health: healthStatuses,
          highlighted: emphasis ?? undefined,
        })
      : "";
  const fileBase = `lineage-${level}`;

  const state = error ? "error" : !graph ? "loading" : !laid || laid.graph !== graph ? "laying-out" : "ready";
  const kindsShown = useMemo(
    () => NODE_KINDS.filter((kind) => laid?.graph.nodes.some((node) => node.kind === kind)),
    [laid],
  );

  return (
    <div
      className="relative min-w-0 flex-1 overflow-hidden rounded-lg border border-slate-200 bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      data-testid="lineage-canvas"
      data-state={state}
      data-node-count={laid?.graph.nodes.length ?? 0}
      data-edge-count={laid?.graph.edges.length ?? 0}
      data-layout-ms={layoutMs ?? ""}
      tabIndex={0}
      role="application"
      aria-label="Lineage graph. Arrow keys move the selection along edges and within a column, Enter opens the selected object, Escape clears."
      onKeyDown={onKeyDown}
    >
      {error ? (
        <div role="alert" className="absolute inset-0 z-10 flex items-center justify-center p-6 text-sm text-red-700">
          {error}
        </div>
      ) : null}
      {state === "loading" || state === "laying-out" ? (
        <div
          role="status"
          className="absolute left-1/2 top-3 z-10 -translate-x-1/2 rounded-full bg-white px-3 py-1 text-xs text-slate-600 shadow"
        >
          {state === "loading" ? "Loading lineage…" : "Laying out…"}
        </div>
      ) : null}
      {laid && laid.graph.nodes.length === 0 ? (
        <div className="absolute inset-0 z-10 flex items-center justify-center text-sm text-slate-500">
          No objects match these filters.
        </div>
      ) : null}
      <LineageActionsContext.Provider value={actions}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          disableKeyboardA11y
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          onNodeClick={onNodeClick}
          onPaneClick={() => onSelect(null)}
          minZoom={0.05}
          maxZoom={2}
          attributionPosition="bottom-center"
        >
          <Background gap={24} color="#e2e8f0" />
          <Controls showInteractive={false} position="bottom-right" />
          {laid && laid.graph.nodes.length > SVG_MINIMAP_LIMIT ? (
            <Panel position="top-right">
              <CanvasMiniMap graph={laid.graph} positions={laid.positions} health={health} />
            </Panel>
          ) : (
            <MiniMap
              position="top-right"
              pannable
              zoomable
              ariaLabel="Minimap of the lineage graph"
              nodeColor={(node) => {
                const data = (node as LineageFlowNode).data;
                const status = data?.health?.status;
                return status && status !== "unknown" ? HEALTH_COLORS[status] : KIND_COLORS[data.node.kind];
              }}
              nodeStrokeWidth={0}
              // Sized through style: React Flow sizes the minimap's SVG from it. A class sized only
              // its frame, and the SVG (200 px by default) spilled out of the canvas under the panel.
              style={{ width: 176, height: 112 }}
            />
          )}
          <Panel position="bottom-left">
            <HealthLegend kinds={kindsShown} hasHealth={Object.keys(health).length > 0} />
          </Panel>
          <Panel position="top-left">
            <div className="flex flex-wrap items-center gap-1.5 rounded-md bg-white/90 p-1 text-xs shadow-sm">
              <span className="px-1 text-slate-600" data-testid="lineage-counts">
                {laid ? `${laid.graph.nodes.length} nodes · ${laid.graph.edges.length} edges` : "…"}
                {isBusy ? " · loading…" : ""}
                {search.trim() ? ` · ${matches.length} match${matches.length === 1 ? "" : "es"}` : ""}
              </span>
              <button
                type="button"
                className={buttonClasses("ghost", "!px-2 !py-0.5 text-xs")}
                onClick={() => void flow.fitView({ padding: 0.1 })}
              >
                Fit
              </button>
              <button
                type="button"
                className={buttonClasses("ghost", "!px-2 !py-0.5 text-xs")}
                disabled={!laid}
                onClick={() => downloadText(exportSvg(), `${fileBase}.svg`, "image/svg+xml")}
              >
                SVG
              </button>
              <button
                type="button"
                className={buttonClasses("ghost", "!px-2 !py-0.5 text-xs")}
                disabled={!laid}
                onClick={() => void svgToPng(exportSvg()).then((blob) => downloadBlob(blob, `${fileBase}.png`))}
              >
                PNG
              </button>
              <button
                type="button"
                className={buttonClasses("ghost", "!px-2 !py-0.5 text-xs")}
                disabled={!laid}
                onClick={() => laid && downloadText(graphToJson(laid.graph), `${fileBase}.json`, "application/json")}
              >
                JSON
              </button>
            </div>
          </Panel>
        </ReactFlow>
      </LineageActionsContext.Provider>
    </div>
  );
}
