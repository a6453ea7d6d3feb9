// @/lib/data/service-health bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/service-health";
import { bindDb } from "@/lib/server/bind";

export const getModelHealth = bindDb(data.getModelHealth);
export const getObjectHealth = bindDb(data.getObjectHealth);
export const getServiceHealth = bindDb(data.getServiceHealth);
