// GET /api/v1/audit — the append-only audit log (there is deliberately no write route).
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { listAuditLog } from "@/lib/server/audit-log";
import { auditQuerySchema } from "@/lib/validations/promotions";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, auditQuerySchema);
  return listAuditLog({ workspaceId: principal.workspaceId, ...query });
});
