// PATCH /api/v1/catalog/{kind}/{id}/ownership: change owner and team (a new version for definitions).
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { updateOwnership } from "@/lib/server/catalog";
import { ownershipInputSchema, parseObjectParams } from "@/lib/validations/catalog";

export const PATCH = apiRoute<{ kind: string; id: string }>(
  { role: "author", scope: "apply" },
  async ({ request, principal, params }) => {
    const { kind, id } = parseObjectParams(params);
    const input = await readJsonBody(request, ownershipInputSchema, 16 * 1024);
    return updateOwnership({ workspaceId: principal.workspaceId, kind, id, ...input }, actorOf(principal));
  },
);
