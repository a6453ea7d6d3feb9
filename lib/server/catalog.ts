// @/lib/data/catalog bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import { PAGE_READ_TTL_MS, REGISTRY_READ_TTL_MS } from "@/lib/cache/shared-read";
import * as data from "@/lib/data/catalog";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const addFeaturesToService = bindDb(data.addFeaturesToService);
/**
 * Features and views show health judged against the clock, so theirs is shared for seconds;
 * the other kinds show only what writes change (and writes retire it), so it is kept longer.
 */
export const getObjectDetail = bindSharedRead("getObjectDetail", data.getObjectDetail, (options) =>
  options.kind === "feature" || options.kind === "feature_view" ? PAGE_READ_TTL_MS : REGISTRY_READ_TTL_MS,
);
export const getObjectHeader = bindSharedRead("getObjectHeader", data.getObjectHeader, REGISTRY_READ_TTL_MS);
export const listFeatureServiceOptions = bindSharedRead(
  "listFeatureServiceOptions",
  data.listFeatureServiceOptions,
  REGISTRY_READ_TTL_MS,
);
export const listTeamOptions = bindSharedRead("listTeamOptions", data.listTeamOptions, REGISTRY_READ_TTL_MS);
export const requireObjectHeader = bindDb(data.requireObjectHeader);
export const updateOwnership = bindDb(data.updateOwnership);
