// POST /api/v1/alerts/{id}/acknowledge — a user acknowledges an alert (optional note): no badge, no repeats.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { acknowledgeAlert } from "@/lib/server/alerts";
import { idParamSchema } from "@/lib/validations/admin";
import { alertNoteSchema } from "@/lib/validations/monitoring";

export const POST = apiRoute<{ id: string }>({ role: "author" }, async ({ request, principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  const { note } = await readJsonBody(request, alertNoteSchema);
  return acknowledgeAlert({ workspaceId: principal.workspaceId, alertId, note }, actorOf(principal));
});
