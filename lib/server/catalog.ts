// @/lib/data/catalog bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/catalog";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const addFeaturesToService = bindDb(data.addFeaturesToService);
export const getObjectDetail = bindSharedRead("getObjectDetail", data.getObjectDetail);
export const getObjectHeader = bindSharedRead("getObjectHeader", data.getObjectHeader);
export const listFeatureServiceOptions = bindSharedRead("listFeatureServiceOptions", data.listFeatureServiceOptions);
export const listTeamOptions = bindSharedRead("listTeamOptions", data.listTeamOptions);
export const requireObjectHeader = bindDb(data.requireObjectHeader);
export const updateOwnership = bindDb(data.updateOwnership);
