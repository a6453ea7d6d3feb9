// @/lib/data/users bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/users";
import { bindDb } from "@/lib/server/bind";

export const listWorkspaceUsers = bindDb(data.listWorkspaceUsers);
export const setWorkspaceRole = bindDb(data.setWorkspaceRole);
