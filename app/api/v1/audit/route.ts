// GET /api/v1/audit — the append-only audit log (there is deliberately no write route).
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listAuditLog } from "@/lib/data/audit-log";
import { auditQuerySchema } from "@/lib/validations/promotions";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, auditQuerySchema);
  return listAuditLog(db(), { workspaceId: principal.workspaceId, ...query });
});
