// POST /api/v1/alerts/{id}/snooze — pause an alert's badge and notifications for some minutes;
// DELETE wakes it.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { snoozeAlert } from "@/lib/server/alerts";
import { idParamSchema } from "@/lib/validations/admin";
import { alertSnoozeSchema } from "@/lib/validations/monitoring";

export const POST = apiRoute<{ id: string }>({ role: "author" }, async ({ request, principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  const { minutes, note } = await readJsonBody(request, alertSnoozeSchema);
  const until = new Date(Date.now() + minutes * 60_000);
  return snoozeAlert({ workspaceId: principal.workspaceId, alertId, until, note }, actorOf(principal));
});

export const DELETE = apiRoute<{ id: string }>({ role: "author" }, async ({ principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  return snoozeAlert({ workspaceId: principal.workspaceId, alertId, until: null }, actorOf(principal));
});
