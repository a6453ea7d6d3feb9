"use client";

import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import type { NodeHealth } from "@/lib/lineage/health";
import { findPath } from "@/lib/lineage/traverse";
import { isNodeKind, type LineageGraph, type NodeKind } from "@/lib/lineage/types";
import { filterGraph, mergeGraphs } from "@/lib/lineage/view";
import type { LineageLevel } from "@/lib/validations/lineage";
import {
  fetchLineageWindow,
  fetchWorkspaceLineage,
  lineageKeys,
  type LineageResponse,
  type WindowParams,
} from "./lineage-api";
import type { Direction, LineageActions } from "./lineage-node";
import { LineageSidePanel } from "./lineage-side-panel";
import { LineageToolbar } from "./lineage-toolbar";

// React Flow is most of this page's JavaScript: the canvas loads after first paint, the toolbar doesn't wait.
const LineageCanvas = dynamic(() => import("./lineage-canvas").then((module) => module.ProvidedLineageCanvas), {
  ssr: false,
  loading: () => (
    <div
      aria-busy="true"
      aria-label="Loading the lineage canvas"
      className="h-full min-h-[480px] animate-pulse rounded-lg border border-slate-200 bg-white"
    />
  ),
});

export interface LineageExplorerProps {
  mode: "focused" | "workspace";
  /** The focused node id ("kind:id") as in the URL. */
  root?: string;
  up: number;
  down: number;
  level: LineageLevel;
  /** Environment name, or null for the registry head (no health). */
  env: string | null;
  environments: string[];
  teams: { id: string; name: string }[];
  /** The first window, rendered on the server so the focused view needs no round trip. */
  initial?: LineageResponse;
}

interface Expansion {
  nodeId: string;
  direction: Direction;
}

type Window = {
  nodes: LineageGraph["nodes"];
  edges: LineageGraph["edges"];
  truncated: boolean;
  health?: Record<string, NodeHealth>;
};

function toGraph(window: Window): LineageGraph {
  return window.truncated
    ? { nodes: window.nodes, edges: window.edges, truncated: true }
    : { nodes: window.nodes, edges: window.edges };
}

// Module-level so React Query can keep the combined result stable between renders.
function combineWindows(results: UseQueryResult<LineageResponse>[]) {
  return { data: results.map((result) => result.data), pending: results.map((result) => result.isPending) };
}

/**
 * The lineage explorer: the focused window (or the whole workspace) plus on-demand
 * expansions, filtered by kind and team, laid out off the main thread. Expansions are
 * windows of one hop fetched through React Query; collapsing drops a window (and any
 * expansion that hung off it), so the picture is always the union of the active windows.
 */
export function LineageExplorer(props: LineageExplorerProps) {
  const { mode, root, level, env } = props;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const kinds = useMemo(
    () => (searchParams.get("kinds") ?? "").split(",").filter((kind): kind is NodeKind => isNodeKind(kind)),
    [searchParams],
  );
  const teamIds = useMemo(() => (searchParams.get("team") ? [searchParams.get("team")!] : []), [searchParams]);

  const baseParams: WindowParams | null =
    mode === "focused" && root ? { root, up: props.up, down: props.down, level, env } : null;
  const base = useQuery({
    queryKey: baseParams ? lineageKeys.window(baseParams) : ["lineage", "none"],
    queryFn: ({ signal }) => fetchLineageWindow(baseParams!, signal),
    enabled: baseParams !== null,
    initialData: props.initial,
    staleTime: 30_000,
  });
  const overview = useQuery({
    queryKey: lineageKeys.workspace({ level, env }),
    queryFn: ({ signal }) => fetchWorkspaceLineage({ level, env }, signal),
    enabled: mode === "workspace",
    staleTime: 60_000,
  });

  const [extraOffsets, setExtraOffsets] = useState<number[]>([]);
  const [expansions, setExpansions] = useState<Expansion[]>([]);
  const windowParams = (expansion: Expansion): WindowParams => ({
    root: expansion.nodeId,
    up: expansion.direction === "up" ? 1 : 0,
    down: expansion.direction === "down" ? 1 : 0,
    level,
    env,
  });
  const pages = useQueries({
    queries: extraOffsets.map((offset) => {
      const params: WindowParams = { ...baseParams!, offset };
      return {
        queryKey: lineageKeys.window(params),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchLineageWindow(params, signal),
      };
    }),
    combine: combineWindows,
  });
  const expanded = useQueries({
    queries: expansions.map((expansion) => ({
      queryKey: lineageKeys.window(windowParams(expansion)),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchLineageWindow(windowParams(expansion), signal),
    })),
    combine: combineWindows,
  });

  // The union of active windows; an expansion whose node disappeared (collapsed above it) is inactive.
  const { graph, health, activeExpansions, nextOffset } = useMemo(() => {
    const healthMap: Record<string, NodeHealth> = {};
    const windows: Window[] = [];
    const first: Window | undefined = mode === "workspace" ? overview.data : base.data;
    if (!first) return { graph: null, health: healthMap, activeExpansions: new Set<string>(), nextOffset: null };
    windows.push(first);
    let next: number | null = mode === "focused" ? (base.data?.nextOffset ?? null) : null;
    for (const page of pages.data) {
      if (page) {
        windows.push(page);
        next = page.nextOffset;
      }
    }
    let merged = mergeGraphs(windows.map(toGraph));
    const present = new Set(merged.nodes.map((node) => node.id));
    const active = new Set<string>();
    expansions.forEach((expansion, i) => {
      const data = expanded.data[i];
      if (!present.has(expansion.nodeId)) return;
      active.add(`${expansion.nodeId}|${expansion.direction}`);
      if (!data) return;
      windows.push(data);
      for (const node of data.nodes) present.add(node.id);
    });
    if (windows.length > 1) merged = mergeGraphs(windows.map(toGraph));
    for (const window of windows) Object.assign(healthMap, window.health);
    return { graph: merged, health: healthMap, activeExpansions: active, nextOffset: next };
  }, [mode, overview.data, base.data, pages.data, expansions, expanded.data]);

  const rootId = mode === "focused" ? (base.data?.rootId ?? root ?? null) : null;
  const [selectedId, setSelectedId] = useState<string | null>(rootId);
  const [pathFrom, setPathFrom] = useState<string | null>(null);
  const [pathTo, setPathTo] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string[] | null>(null);
  const [search, setSearch] = useState("");

  const visible = useMemo(() => {
    if (!graph) return null;
    const keep = new Set([rootId, selectedId].filter((id): id is string => Boolean(id)));
    return filterGraph(graph, { kinds, teamIds, keep });
  }, [graph, kinds, teamIds, rootId, selectedId]);

  const path = useMemo(() => {
    if (!visible || !pathFrom || !pathTo) return null;
    return findPath(visible, pathFrom, pathTo);
  }, [visible, pathFrom, pathTo]);

  const pendingExpansions = expanded.pending;
  const actions: LineageActions = useMemo(() => {
    const toggle = (nodeId: string, direction: Direction) => {
      const key = `${nodeId}|${direction}`;
      setExpansions((current) => {
        const isActive = current.some((e) => `${e.nodeId}|${e.direction}` === key) && activeExpansions.has(key);
        const others = current.filter((e) => `${e.nodeId}|${e.direction}` !== key);
        return isActive ? others : [...others, { nodeId, direction }];
      });
    };
    const isLoading = (nodeId: string, direction: Direction) => {
      const i = expansions.findIndex((e) => e.nodeId === nodeId && e.direction === direction);
      return i >= 0 && pendingExpansions[i] === true;
    };
    return { canExpand: mode === "focused", toggle, isLoading };
  }, [mode, activeExpansions, expansions, pendingExpansions, setExpansions]);

  /** Client-only filters go to the URL without a server round trip (Next keeps useSearchParams in sync). */
  const setFilter = useCallback(
    (name: "kinds" | "team", value: string | null) => {
      const params = new URLSearchParams(searchParams.toString());
      if (value) params.set(name, value);
      else params.delete(name);
      window.history.replaceState(null, "", `${pathname}?${params.toString()}`);
    },
    [pathname, searchParams],
  );
  /** Level, environment and root change what the server answers: navigate. */
  const navigate = useCallback(
    (changes: Record<string, string | null>) => {
      const params = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) params.delete(name);
        else params.set(name, value);
      }
      router.push(`${pathname}?${params.toString()}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  const error = mode === "workspace" ? overview.error : base.error;
  const selected = selectedId && graph ? (graph.nodes.find((node) => node.id === selectedId) ?? null) : null;
  const teamNames = useMemo(() => new Map(props.teams.map((team) => [team.id, team.name])), [props.teams]);
  const anyPending = expanded.pending.some(Boolean) || pages.pending.some(Boolean);

  return (
    <div className="flex h-[calc(100vh-9rem)] min-h-[28rem] flex-col gap-2">
      <LineageToolbar
        mode={mode}
        level={level}
        env={env}
        environments={props.environments}
        teams={props.teams}
        kinds={kinds}
        teamId={teamIds[0] ?? null}
        search={search}
        onSearch={setSearch}
        onLevel={(value) => navigate({ level: value })}
        onEnv={(value) => navigate({ env: value ?? "all" })}
        onKinds={(value) => setFilter("kinds", value.length ? value.join(",") : null)}
        onTeam={(value) => setFilter("team", value)}
      />
      {visible?.truncated || nextOffset !== null ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-1.5 text-xs text-amber-900"
          data-testid="lineage-truncated"
        >
          This graph is truncated: only the nearest objects are shown.
          {nextOffset !== null ? (
            <button
              type="button"
              className="ml-2 font-semibold underline"
              onClick={() => setExtraOffsets((offsets) => [...offsets, nextOffset])}
            >
              Load more
            </button>
          ) : (
            " Expand a node on the edge to go further."
          )}
        </p>
      ) : null}
      <div className="flex min-h-0 flex-1 gap-2">
        <LineageCanvas
          graph={visible}
          error={error ? error.message : null}
          isBusy={anyPending}
          rootId={rootId}
          health={health}
          selectedId={selectedId}
          onSelect={(id) => {
            setSelectedId(id);
            if (id === null) {
              setPathFrom(null);
              setPathTo(null);
              setHighlight(null);
            }
          }}
          onPathEnd={(id) => {
            setPathFrom((from) => from ?? selectedId);
            setPathTo(id);
          }}
          pathIds={path}
          highlightIds={highlight}
          search={search}
          activeExpansions={activeExpansions}
          actions={actions}
          level={level}
        />
        {selected ? (
          <LineageSidePanel
            node={selected}
            health={health[selected.id]}
            teamName={selected.teamId ? teamNames.get(selected.teamId) : undefined}
            parentName={
              selected.parentId ? graph?.nodes.find((node) => node.id === selected.parentId)?.name : undefined
            }
            env={env}
            isRoot={selected.id === rootId}
            pathFrom={pathFrom}
            pathTo={pathTo}
            pathLength={path?.length ?? null}
            onPathFrom={() => {
              setPathFrom(selected.id);
              setPathTo(null);
            }}
            onPathTo={() => setPathTo(selected.id)}
            onClearPath={() => {
              setPathFrom(null);
              setPathTo(null);
            }}
            onFocus={() => navigate({ root: selected.id, scope: null })}
            onHighlight={setHighlight}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
