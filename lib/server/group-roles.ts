// @/lib/data/group-roles bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/group-roles";
import { bindDb } from "@/lib/server/bind";

export const addGroupRole = bindDb(data.addGroupRole);
export const listGroupRoles = bindDb(data.listGroupRoles);
export const removeGroupRole = bindDb(data.removeGroupRole);
