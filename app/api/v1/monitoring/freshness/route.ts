// GET /api/v1/monitoring/freshness — every materialised view's freshness against its SLA.
import { apiRoute } from "@/lib/api/handler";
import { listViewFreshness } from "@/lib/server/monitoring";
import { dashboardScope, MONITORING_READ } from "../scope";

export const GET = apiRoute(MONITORING_READ, async ({ request, principal }) => {
  const scope = await dashboardScope(request, principal);
  return {
    environment: scope.environment,
    views: await listViewFreshness({ workspaceId: scope.workspaceId, environmentId: scope.environment.id }),
  };
});
