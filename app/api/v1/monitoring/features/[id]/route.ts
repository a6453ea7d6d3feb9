// GET /api/v1/monitoring/features/{id} — one feature's skew and drift statistics, histograms and history.
import { apiRoute } from "@/lib/api/handler";
import { getFeatureDrift } from "@/lib/server/monitoring";
import { AppError } from "@/lib/errors";
import { idParamSchema } from "@/lib/validations/admin";
import { dashboardScope, MONITORING_READ } from "../../scope";

export const GET = apiRoute<{ id: string }>(MONITORING_READ, async ({ request, principal, params }) => {
  const featureId = idParamSchema.parse(params.id);
  const scope = await dashboardScope(request, principal);
  const detail = await getFeatureDrift({ ...scope, environmentId: scope.environment.id, featureId });
  if (!detail) throw new AppError("not_found", "No feature with this id in this workspace.");
  return detail;
});
