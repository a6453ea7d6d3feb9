// GET /api/v1/tokens, POST /api/v1/tokens — admins list and create API tokens.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { db } from "@/lib/db";
import { createApiToken, listApiTokens } from "@/lib/data/api-tokens";
import { apiTokenInputSchema } from "@/lib/validations/admin";

export const GET = apiRoute({ role: "admin" }, async ({ principal }) => ({
  tokens: await listApiTokens(db(), principal.workspaceId),
}));

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, apiTokenInputSchema);
  const created = await createApiToken(db(), { workspaceId: principal.workspaceId, ...input }, actorOf(principal));
  return jsonResponse(created, 201);
});
