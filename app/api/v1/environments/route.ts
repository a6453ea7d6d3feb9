// GET /api/v1/environments, POST /api/v1/environments — the promotion order; admins add one.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { addEnvironment, listEnvironmentSettings } from "@/lib/server/environments";
import { environmentInputSchema } from "@/lib/validations/promotions";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ principal }) => ({
  environments: await listEnvironmentSettings(principal.workspaceId),
}));

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, environmentInputSchema);
  const created = await addEnvironment({ workspaceId: principal.workspaceId, ...input }, actorOf(principal));
  return jsonResponse(created, 201);
});
