// GET /api/v1/monitoring/serving — every feature service's traffic, errors and p99 over a range.
import { apiRoute } from "@/lib/api/handler";
import { listServiceLatency } from "@/lib/server/monitoring";
import { dashboardScope, MONITORING_READ } from "../scope";

export const GET = apiRoute(MONITORING_READ, async ({ request, principal }) => {
  const scope = await dashboardScope(request, principal);
  return {
    environment: scope.environment,
    services: await listServiceLatency({ ...scope, environmentId: scope.environment.id }),
  };
});
