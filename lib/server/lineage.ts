// @/lib/data/lineage bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import { PAGE_READ_TTL_MS, REGISTRY_READ_TTL_MS } from "@/lib/cache/shared-read";
import * as data from "@/lib/data/lineage";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

/**
 * Without an environment a graph is the registry head alone, with no health to go stale with the
 * clock: it changes only by writes (which retire it), so it is kept longer.
 */
const lifetimeByEnvironment = (options: { query: { env?: string } }) =>
  options.query.env ? PAGE_READ_TTL_MS : REGISTRY_READ_TTL_MS;

export const getImpactResponse = bindSharedRead("getImpactResponse", data.getImpactResponse);
export const getLineageResponse = bindSharedRead("getLineageResponse", data.getLineageResponse, lifetimeByEnvironment);
export const getWorkspaceLineageResponse = bindSharedRead(
  "getWorkspaceLineageResponse",
  data.getWorkspaceLineageResponse,
  lifetimeByEnvironment,
);
export const listLineageTeams = bindSharedRead("listLineageTeams", data.listLineageTeams, REGISTRY_READ_TTL_MS);
export const searchLineageObjects = bindDb(data.searchLineageObjects);
