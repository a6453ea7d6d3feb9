// GET /api/v1/alerts — alerts of the workspace (open by default), newest first.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { listAlerts } from "@/lib/server/alerts";
import { resolveRequestEnvironment } from "@/lib/session";
import { alertListQuerySchema } from "@/lib/validations/monitoring";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, alertListQuerySchema);
  // No env: alerts of every environment.
  const environment = query.env
    ? await resolveRequestEnvironment(principal.workspaceId, { requested: query.env })
    : null;
  return {
    alerts: await listAlerts({
      workspaceId: principal.workspaceId,
      environmentId: environment?.id,
      state: query.state,
      objectKind: query.objectKind,
      objectId: query.objectId,
    }),
  };
});
