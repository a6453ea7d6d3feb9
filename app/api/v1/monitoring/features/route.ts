// GET /api/v1/monitoring/features — latest skew and drift of every profiled feature, worst first.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { listFeatureStatistics } from "@/lib/server/monitoring";
import { resolveRequestEnvironment } from "@/lib/session";
import { worstFeaturesQuerySchema } from "@/lib/validations/monitoring";
import { MONITORING_READ } from "../scope";

export const GET = apiRoute(MONITORING_READ, async ({ request, principal }) => {
  const query = parseQuery(request, worstFeaturesQuerySchema);
  const environment = await resolveRequestEnvironment(principal.workspaceId, { requested: query.env });
  return {
    environment,
    features: await listFeatureStatistics({
      workspaceId: principal.workspaceId,
      environmentId: environment.id,
      featureServiceId: query.service,
      modelId: query.model,
    }),
  };
});
