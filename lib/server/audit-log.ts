// @/lib/data/audit-log bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import * as data from "@/lib/data/audit-log";
import { bindDb } from "@/lib/server/bind";

export const listAuditActors = bindDb(data.listAuditActors);
export const listAuditLog = bindDb(data.listAuditLog);
