// @/lib/data/lineage bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import { PAGE_READ_TTL_MS, REGISTRY_READ_TTL_MS } from "@/lib/cache/shared-read";
import * as data from "@/lib/data/lineage";
import { bindDb, bindSharedRead } from "@/lib/server/bind";
import type { LineageQuery } from "@/lib/validations/lineage";

/**
 * Without an environment a graph is the registry head alone, with no health to go stale with the
 * clock: it changes only by writes (which retire it), so it is kept longer.
 */
const lifetimeByEnvironment = (options: { query: { env?: string } }) =>
  options.query.env ? PAGE_READ_TTL_MS : REGISTRY_READ_TTL_MS;

export const getImpactResponse = bindSharedRead("getImpactResponse", data.getImpactResponse);
/**
 * A focused window in two shared parts: the graph changes only by writes (which retire it), so it
 * is kept long; its nodes' health is judged against the clock, so for seconds.
 */
const getLineageGraphResponse = bindSharedRead(
  "getLineageGraphResponse",
  data.getLineageGraphResponse,
  REGISTRY_READ_TTL_MS,
);
const getLineageNodeHealth = bindSharedRead("getLineageNodeHealth", data.getLineageNodeHealth, PAGE_READ_TTL_MS);

export async function getLineageResponse(options: {
  workspaceId: string;
  query: LineageQuery;
}): Promise<data.LineageResponse> {
  const { response, environmentId } = await getLineageGraphResponse(options);
  if (!environmentId) return response;
  const nodes = data.nodeRefs(response.nodes);
  return {
    ...response,
    health: await getLineageNodeHealth({ workspaceId: options.workspaceId, environmentId, nodes }),
  };
}
export const getWorkspaceLineageResponse = bindSharedRead(
  "getWorkspaceLineageResponse",
  data.getWorkspaceLineageResponse,
  lifetimeByEnvironment,
);
export const listLineageTeams = bindSharedRead("listLineageTeams", data.listLineageTeams, REGISTRY_READ_TTL_MS);
export const searchLineageObjects = bindDb(data.searchLineageObjects);
