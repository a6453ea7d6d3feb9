// POST /api/v1/alerts/{id}/resolve — end a firing alert by hand (optional note).
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { resolveAlert } from "@/lib/server/alerts";
import { idParamSchema } from "@/lib/validations/admin";
import { alertNoteSchema } from "@/lib/validations/monitoring";

export const POST = apiRoute<{ id: string }>({ role: "author" }, async ({ request, principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  const { note } = await readJsonBody(request, alertNoteSchema);
  return resolveAlert({ workspaceId: principal.workspaceId, alertId, note }, actorOf(principal));
});
