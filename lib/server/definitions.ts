// @/lib/data/definitions bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/definitions";
import { bindDb } from "@/lib/server/bind";

export const applyRepository = bindDb(data.applyRepository);
export const diffVersions = bindDb(data.diffVersions);
export const findCurrentDefinition = bindDb(data.findCurrentDefinition);
export const getValidationContext = bindDb(data.getValidationContext);
export const getVersion = bindDb(data.getVersion);
export const importFeastRegistry = bindDb(data.importFeastRegistry);
export const listActivePins = bindDb(data.listActivePins);
export const listRecentVersions = bindDb(data.listRecentVersions);
export const listVersions = bindDb(data.listVersions);
export const requireCurrentDefinition = bindDb(data.requireCurrentDefinition);
export const revertToVersion = bindDb(data.revertToVersion);
export const saveDefinition = bindDb(data.saveDefinition);
