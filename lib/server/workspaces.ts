// @/lib/data/workspaces bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/workspaces";
import { bindDb } from "@/lib/server/bind";

export const createWorkspaceAsAdmin = bindDb(data.createWorkspaceAsAdmin);
export const listEnvironments = bindDb(data.listEnvironments);
