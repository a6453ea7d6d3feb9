// GET /api/v1/monitoring/overview — what is unhealthy now in one environment.
import { apiRoute } from "@/lib/api/handler";
import { listAlerts } from "@/lib/server/alerts";
import { readMonitoringOverview } from "@/lib/data/shared-reads";
import { dashboardScope, MONITORING_READ } from "../scope";

export const GET = apiRoute(MONITORING_READ, async ({ request, principal }) => {
  const scope = await dashboardScope(request, principal);
  const [overview, alerts] = await Promise.all([
    readMonitoringOverview(scope.workspaceId, scope.environment),
    listAlerts({ workspaceId: scope.workspaceId, environmentId: scope.environment.id, state: "open" }),
  ]);
  return { ...overview, openAlerts: alerts };
});
