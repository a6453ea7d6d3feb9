// GET /api/v1/alerts — alerts of the workspace (open by default), newest first.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { listAlerts } from "@/lib/data/alerts";
import { resolveEnvironment } from "@/lib/data/monitoring";
import { db } from "@/lib/db";
import { alertListQuerySchema } from "@/lib/validations/monitoring";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, alertListQuerySchema);
  const environment = query.env ? await resolveEnvironment(db(), principal.workspaceId, query.env) : null;
  return {
    alerts: await listAlerts(db(), {
      workspaceId: principal.workspaceId,
      environmentId: environment?.id,
      state: query.state,
      objectKind: query.objectKind,
      objectId: query.objectId,
    }),
  };
});
