// @/lib/data/service-health bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/service-health";
import { bindSharedRead } from "@/lib/server/bind";

export const getModelHealth = bindSharedRead("getModelHealth", data.getModelHealth);
export const getObjectHealth = bindSharedRead("getObjectHealth", data.getObjectHealth);
export const getServiceHealth = bindSharedRead("getServiceHealth", data.getServiceHealth);
