// @/lib/data/lineage bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/lineage";
import { bindDb } from "@/lib/server/bind";

export const getImpactResponse = bindDb(data.getImpactResponse);
export const getLineageResponse = bindDb(data.getLineageResponse);
export const getWorkspaceLineageResponse = bindDb(data.getWorkspaceLineageResponse);
export const listLineageTeams = bindDb(data.listLineageTeams);
export const searchLineageObjects = bindDb(data.searchLineageObjects);
