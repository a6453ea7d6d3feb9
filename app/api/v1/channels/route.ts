// GET /api/v1/channels — notification channels (never their URLs or secrets);
// POST creates one (a generic webhook's signing secret is in this answer only).
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { createChannel, listChannels } from "@/lib/server/notifications/channels";
import { channelInputSchema } from "@/lib/validations/channels";

export const GET = apiRoute({ role: "admin" }, async ({ principal }) => ({
  channels: await listChannels({ workspaceId: principal.workspaceId }),
}));

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, channelInputSchema);
  const created = await createChannel({ ...input, workspaceId: principal.workspaceId }, actorOf(principal));
  return jsonResponse(created, 201);
});
