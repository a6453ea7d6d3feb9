// POST /api/v1/alerts/{id}/acknowledge — a user acknowledges an alert; its badge disappears.
import { apiRoute } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { acknowledgeAlert } from "@/lib/data/alerts";
import { db } from "@/lib/db";
import { idParamSchema } from "@/lib/validations/admin";

export const POST = apiRoute<{ id: string }>({ role: "author" }, async ({ principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  return acknowledgeAlert(db(), { workspaceId: principal.workspaceId, alertId }, actorOf(principal));
});
