import type { ImpactResponse, LineageResponse, WorkspaceLineageResponse } from "@/lib/data/lineage";
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

export class LineageFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new LineageFetchError(body?.error?.message ?? `Request failed (${response.status})`, response.status);
  }
  return (await response.json()) as T;
}

function query(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

export function fetchLineageWindow(params: WindowParams, signal?: AbortSignal): Promise<LineageResponse> {
  return getJson(`/api/v1/lineage?${query({ ...params })}`, signal);
}

/** Every page of the workspace graph, concatenated (edges ride with the page of their later end). */
export async function fetchWorkspaceLineage(
  params: { level: LineageLevel; env: string | null },
  signal?: AbortSignal,
): Promise<WorkspaceLineageResponse> {
  const pages: WorkspaceLineageResponse[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page: WorkspaceLineageResponse = await getJson(
      `/api/v1/lineage/workspace?${query({ ...params, offset })}`,
      signal,
    );
    pages.push(page);
    offset = page.nextOffset;
  }
  const [first, ...rest] = pages;
  if (!first) throw new LineageFetchError("The workspace lineage answered no page.", 500);
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
  return getJson(`/api/v1/lineage/impact?${query({ node, env })}`, signal);
}
