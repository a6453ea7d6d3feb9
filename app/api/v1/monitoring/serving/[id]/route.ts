// GET /api/v1/monitoring/serving/{id} — one feature service's latency, traffic and errors over a range.
import { apiRoute } from "@/lib/api/handler";
import { getServingDetail } from "@/lib/server/monitoring";
import { AppError } from "@/lib/errors";
import { idParamSchema } from "@/lib/validations/admin";
import { dashboardScope, MONITORING_READ } from "../../scope";

export const GET = apiRoute<{ id: string }>(MONITORING_READ, async ({ request, principal, params }) => {
  const featureServiceId = idParamSchema.parse(params.id);
  const scope = await dashboardScope(request, principal);
  const detail = await getServingDetail({ ...scope, environmentId: scope.environment.id, featureServiceId });
  if (!detail) throw new AppError("not_found", "No feature service with this id in this workspace.");
  return detail;
});
