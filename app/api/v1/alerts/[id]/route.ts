// GET /api/v1/alerts/{id} — one alert with its timeline, deliveries and mute state.
import { apiRoute } from "@/lib/api/handler";
import { getAlert } from "@/lib/server/alerts";
import { idParamSchema } from "@/lib/validations/admin";

export const GET = apiRoute<{ id: string }>({ role: "viewer", scope: "read" }, async ({ principal, params }) =>
  getAlert({ workspaceId: principal.workspaceId, alertId: idParamSchema.parse(params.id) }),
);
