// GET /api/v1/tokens, POST /api/v1/tokens — admins list and create API tokens.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { createApiToken, listApiTokens } from "@/lib/server/api-tokens";
import { apiTokenInputSchema } from "@/lib/validations/admin";

export const GET = apiRoute({ role: "admin" }, async ({ principal }) => ({
  tokens: await listApiTokens(principal.workspaceId),
}));

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, apiTokenInputSchema);
  const created = await createApiToken({ workspaceId: principal.workspaceId, ...input }, actorOf(principal));
  return jsonResponse(created, 201);
});
