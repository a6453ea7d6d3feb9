// @/lib/data/api-tokens bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/api-tokens";
import { bindDb } from "@/lib/server/bind";

export const createApiToken = bindDb(data.createApiToken);
export const listApiTokens = bindDb(data.listApiTokens);
export const revokeApiToken = bindDb(data.revokeApiToken);
