// POST /api/v1/alerts/{id}/mute — mute the alert's rule for its object (for some minutes, or until
// unmuted); DELETE unmutes.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { muteRuleForObject, unmuteRuleForObject } from "@/lib/server/alerts";
import { idParamSchema } from "@/lib/validations/admin";
import { alertMuteSchema } from "@/lib/validations/monitoring";

export const POST = apiRoute<{ id: string }>({ role: "author" }, async ({ request, principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  const { minutes, note } = await readJsonBody(request, alertMuteSchema);
  const until = minutes ? new Date(Date.now() + minutes * 60_000) : null;
  return muteRuleForObject({ workspaceId: principal.workspaceId, alertId, until, note }, actorOf(principal));
});

export const DELETE = apiRoute<{ id: string }>({ role: "author" }, async ({ principal, params }) => {
  const alertId = idParamSchema.parse(params.id);
  return unmuteRuleForObject({ workspaceId: principal.workspaceId, alertId }, actorOf(principal));
});
