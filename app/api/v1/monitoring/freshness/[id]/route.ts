// GET /api/v1/monitoring/freshness/{id} — one feature view's staleness, runs and cost over a range.
import { apiRoute } from "@/lib/api/handler";
import { getFreshnessDetail } from "@/lib/server/monitoring";
import { AppError } from "@/lib/errors";
import { idParamSchema } from "@/lib/validations/admin";
import { dashboardScope, MONITORING_READ } from "../../scope";

export const GET = apiRoute<{ id: string }>(MONITORING_READ, async ({ request, principal, params }) => {
  const featureViewId = idParamSchema.parse(params.id);
  const scope = await dashboardScope(request, principal);
  const detail = await getFreshnessDetail({ ...scope, environmentId: scope.environment.id, featureViewId });
  if (!detail) throw new AppError("not_found", "No materialised feature view with this id in this workspace.");
  return detail;
});
