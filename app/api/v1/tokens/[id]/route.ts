// DELETE /api/v1/tokens/{id} — revoke an API token.
import { apiRoute } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { revokeApiToken } from "@/lib/server/api-tokens";
import { idParamSchema } from "@/lib/validations/admin";

export const DELETE = apiRoute<{ id: string }>({ role: "admin" }, async ({ principal, params }) => {
  const tokenId = idParamSchema.parse(params.id);
  await revokeApiToken({ workspaceId: principal.workspaceId, tokenId }, actorOf(principal));
  return { ok: true };
});
