// PATCH /api/v1/channels/{id} — edit a channel (a left-out target keeps the saved one);
// DELETE removes it with its delivery log.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { deleteChannel, updateChannel } from "@/lib/server/notifications/channels";
import { idParamSchema } from "@/lib/validations/admin";
import { channelUpdateSchema } from "@/lib/validations/channels";

export const PATCH = apiRoute<{ id: string }>({ role: "admin" }, async ({ request, principal, params }) => {
  const channelId = idParamSchema.parse(params.id);
  const input = await readJsonBody(request, channelUpdateSchema);
  return updateChannel({ ...input, workspaceId: principal.workspaceId, channelId }, actorOf(principal));
});

export const DELETE = apiRoute<{ id: string }>({ role: "admin" }, async ({ principal, params }) => {
  const channelId = idParamSchema.parse(params.id);
  await deleteChannel({ workspaceId: principal.workspaceId, channelId }, actorOf(principal));
  return { ok: true };
});
