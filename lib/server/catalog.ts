// @/lib/data/catalog bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/catalog";
import { bindDb } from "@/lib/server/bind";

export const addFeaturesToService = bindDb(data.addFeaturesToService);
export const getObjectDetail = bindDb(data.getObjectDetail);
export const getObjectHeader = bindDb(data.getObjectHeader);
export const listFeatureServiceOptions = bindDb(data.listFeatureServiceOptions);
export const listTeamOptions = bindDb(data.listTeamOptions);
export const requireObjectHeader = bindDb(data.requireObjectHeader);
export const updateOwnership = bindDb(data.updateOwnership);
