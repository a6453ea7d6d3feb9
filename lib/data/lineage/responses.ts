import "server-only";
import { getLineageHealth } from "@/lib/data/lineage-health";
import { withServiceAndModelHealth } from "@/lib/data/service-health";
import type { Db } from "@/lib/db";
import type { NodeHealth } from "@/lib/lineage/health";
import type { ImpactItem, LineageGraph, LineageNode, NodeKind } from "@/lib/lineage/types";
import type { ImpactQuery, LineageLevel, LineageQuery, WorkspaceLineageQuery } from "@/lib/validations/lineage";
import { getFocusedLineage } from "./focused";
import { getLineageImpact } from "./impact";
import { resolveEnvironment } from "@/lib/data/environments";
import { getWorkspaceLineage } from "./workspace";

export interface LineageResponse {
  rootId: string;
  level: LineageLevel;
  environment: string | null;
  nodes: LineageGraph["nodes"];
  edges: LineageGraph["edges"];
  truncated: boolean;
  nextOffset: number | null;
  health?: Record<string, NodeHealth>;
}

export interface WorkspaceLineageResponse extends Omit<LineageResponse, "rootId"> {
  totalNodes: number;
}

/**
 * The health overlay of a window's nodes in an environment, judged now: every node's signals,
 * plus the health of services and models from what they serve.
 */
export async function getLineageNodeHealth(
  prisma: Db,
  options: Parameters<typeof getLineageHealth>[1],
): Promise<Record<string, NodeHealth>> {
  return withServiceAndModelHealth(prisma, await getLineageHealth(prisma, options), options);
}

/** Default level: feature-level lineage around a feature or column, objects otherwise. */
export function defaultLevel(kind: NodeKind): LineageLevel {
  return kind === "feature" || kind === "column" ? "column" : "object";
}

/** GET /api/v1/lineage: the focused window, with health when an environment is named. */
export async function getLineageResponse(
  prisma: Db,
  options: { workspaceId: string; query: LineageQuery; now?: Date },
): Promise<LineageResponse> {
  const { response, environmentId } = await getLineageGraphResponse(prisma, options);
  if (!environmentId) return response;
  const health = await getLineageNodeHealth(prisma, {
    workspaceId: options.workspaceId,
    environmentId,
    nodes: nodeRefs(response.nodes),
    now: options.now,
  });
  return { ...response, health };
}

/**
 * The focused window without health, and the environment it was drawn in: what is active there
 * changes only by writes (promotions included), so this can be shared until one retires it.
 */
export async function getLineageGraphResponse(
  prisma: Db,
  options: { workspaceId: string; query: LineageQuery },
): Promise<{ response: LineageResponse; environmentId: string | null }> {
  const { workspaceId, query } = options;
  // No env: the registry head, without health.
  const environment = query.env ? await resolveEnvironment(prisma, { workspaceId, requested: query.env }) : null;
  const level = query.level ?? defaultLevel(query.root.kind);
  const focused = await getFocusedLineage(prisma, {
    workspaceId,
    environment,
    kind: query.root.kind,
    objectId: query.root.objectId,
    up: query.up,
    down: query.down,
    level,
    limit: query.limit,
    offset: query.offset,
  });
  const response: LineageResponse = {
    rootId: focused.rootId,
    level,
    environment: environment?.name ?? null,
    nodes: focused.graph.nodes,
    edges: focused.graph.edges,
    truncated: focused.graph.truncated === true,
    nextOffset: focused.nextOffset,
  };
  return { response, environmentId: environment?.id ?? null };
}

/** What health is judged on of each node: small, so a list of them can key a shared read. */
export function nodeRefs(nodes: readonly Pick<LineageNode, "id" | "kind" | "objectId">[]) {
  return nodes.map(({ id, kind, objectId }) => ({ id, kind, objectId }));
}

/** GET /api/v1/lineage/workspace: one page of the whole workspace. */
export async function getWorkspaceLineageResponse(
  prisma: Db,
  options: { workspaceId: string; query: WorkspaceLineageQuery; now?: Date },
): Promise<WorkspaceLineageResponse> {
  const { workspaceId, query } = options;
  // No env: the registry head, without health.
  const environment = query.env ? await resolveEnvironment(prisma, { workspaceId, requested: query.env }) : null;
  const page = await getWorkspaceLineage(prisma, {
    workspaceId,
    environment,
    level: query.level,
    limit: query.limit,
    offset: query.offset,
  });
  const health = environment
    ? await getLineageNodeHealth(prisma, {
        workspaceId,
        environmentId: environment.id,
        nodes: page.graph.nodes,
        now: options.now,
      })
    : undefined;
  return {
    level: query.level,
    environment: environment?.name ?? null,
    nodes: page.graph.nodes,
    edges: page.graph.edges,
    truncated: page.graph.truncated === true,
    nextOffset: page.nextOffset,
    totalNodes: page.totalNodes,
    ...(health ? { health } : {}),
  };
}

/** GET /api/v1/lineage/impact. */
export async function getImpactResponse(prisma: Db, options: { workspaceId: string; query: ImpactQuery }) {
  const { workspaceId, query } = options;
  // No env: the registry head, without health.
  const environment = query.env ? await resolveEnvironment(prisma, { workspaceId, requested: query.env }) : null;
  const impact = await getLineageImpact(prisma, {
    workspaceId,
    environment,
    kind: query.node.kind,
    objectId: query.node.objectId,
  });
  const teamNames = new Map(impact.teams.map((team) => [team.id, team.name]));
  return {
    rootId: impact.rootId,
    rootName: impact.rootName,
    environment: environment?.name ?? null,
    items: impact.items.map((item): ImpactItem & { teamName?: string } => {
      const teamName = item.teamId ? teamNames.get(item.teamId) : undefined;
      return teamName ? { ...item, teamName } : item;
    }),
    counts: impact.counts,
    total: impact.total,
    owners: impact.owners,
    teams: impact.teams,
    truncated: impact.truncated,
  };
}
export type ImpactResponse = Awaited<ReturnType<typeof getImpactResponse>>;
