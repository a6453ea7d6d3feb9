// @/lib/data/lineage bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/lineage";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const getImpactResponse = bindSharedRead("getImpactResponse", data.getImpactResponse);
export const getLineageResponse = bindSharedRead("getLineageResponse", data.getLineageResponse);
export const getWorkspaceLineageResponse = bindSharedRead(
  "getWorkspaceLineageResponse",
  data.getWorkspaceLineageResponse,
);
export const listLineageTeams = bindSharedRead("listLineageTeams", data.listLineageTeams);
export const searchLineageObjects = bindDb(data.searchLineageObjects);
