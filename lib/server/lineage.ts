// @/lib/data/lineage bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import { REGISTRY_READ_TTL_MS } from "@/lib/cache/shared-read";
import * as data from "@/lib/data/lineage";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

/**
 * Without an environment a graph is the registry head alone, with no health to go stale with the
 * clock: it changes only by writes (which retire it), so it is kept longer.
 */
function byEnvironment<Options extends { query: { env?: string } }, Result>(
  withHealth: (options: Options) => Promise<Result>,
  registryOnly: (options: Options) => Promise<Result>,
): (options: Options) => Promise<Result> {
  return (options) => (options.query.env ? withHealth(options) : registryOnly(options));
}

export const getImpactResponse = bindSharedRead("getImpactResponse", data.getImpactResponse);
export const getLineageResponse = byEnvironment(
  bindSharedRead("getLineageResponse", data.getLineageResponse),
  bindSharedRead("getLineageResponse:registry", data.getLineageResponse, REGISTRY_READ_TTL_MS),
);
export const getWorkspaceLineageResponse = byEnvironment(
  bindSharedRead("getWorkspaceLineageResponse", data.getWorkspaceLineageResponse),
  bindSharedRead("getWorkspaceLineageResponse:registry", data.getWorkspaceLineageResponse, REGISTRY_READ_TTL_MS),
);
export const listLineageTeams = bindSharedRead("listLineageTeams", data.listLineageTeams, REGISTRY_READ_TTL_MS);
export const searchLineageObjects = bindDb(data.searchLineageObjects);
