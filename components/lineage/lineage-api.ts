import type { ImpactResponse, LineageResponse, WorkspaceLineageResponse } from "@/lib/data/lineage";
import { ApiError, fetchJson } from "@/lib/fetch-json";
import type { NodeHealth } from "@/lib/lineage/health";
import type { LineageLevel } from "@/lib/validations/lineage";

export type { ImpactResponse, LineageResponse, WorkspaceLineageResponse };

export interface WindowParams {
  root: string;
  up: number;
  down: number;
  level: LineageLevel;
  /** Environment name, or null for the registry head without health. */
  env: string | null;
  /** Paging: nodes to skip (the nearest come first). */
  offset?: number;
}

/** Query keys: one factory so expansion queries and invalidation agree. */
export const lineageKeys = {
  all: ["lineage"] as const,
  window: (params: WindowParams) => ["lineage", "window", params] as const,
  workspace: (params: { level: LineageLevel; env: string | null }) => ["lineage", "workspace", params] as const,
  impact: (node: string, env: string | null) => ["lineage", "impact", node, env] as const,
};

function query(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

export function fetchLineageWindow(params: WindowParams, signal?: AbortSignal): Promise<LineageResponse> {
  return fetchJson(`/api/v1/lineage?${query({ ...params })}`, { signal });
}

/** Every page of the workspace graph, concatenated (edges ride with the page of their later end). */
export async function fetchWorkspaceLineage(
  params: { level: LineageLevel; env: string | null },
  signal?: AbortSignal,
): Promise<WorkspaceLineageResponse> {
  const pages: WorkspaceLineageResponse[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page: WorkspaceLineageResponse = await fetchJson(
      `/api/v1/lineage/workspace?${query({ ...params, offset })}`,
      { signal },
    );
    pages.push(page);
    offset = page.nextOffset;
  }
  const [first, ...rest] = pages;
  if (!first) throw new ApiError("The workspace lineage answered no page.", 500);
  if (rest.length === 0) return first;
  return {
    ...first,
    nodes: pages.flatMap((page) => page.nodes),
    edges: pages.flatMap((page) => page.edges),
    health: Object.assign({}, ...pages.map((page) => page.health ?? {})) as Record<string, NodeHealth>,
    truncated: false,
    nextOffset: null,
  };
}

export function fetchImpact(node: string, env: string | null, signal?: AbortSignal): Promise<ImpactResponse> {
  return fetchJson(`/api/v1/lineage/impact?${query({ node, env })}`, { signal });
}
