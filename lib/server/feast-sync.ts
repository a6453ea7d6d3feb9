// @/lib/data/feast-sync bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/feast-sync";
import { bindDb } from "@/lib/server/bind";

export const deleteFeastConnection = bindDb(data.deleteFeastConnection);
export const getFeastConnection = bindDb(data.getFeastConnection);
export const saveFeastConnection = bindDb(data.saveFeastConnection);
export const syncFeastRegistryNow = bindDb(data.syncFeastRegistryNow);
