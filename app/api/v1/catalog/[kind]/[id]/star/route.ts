// PUT /api/v1/catalog/{kind}/{id}/star stars an object for the signed-in user; DELETE unstars it.
import { requireUserPrincipal } from "@/lib/api/operations/catalog";
import { apiRoute } from "@/lib/api/handler";
import { setStar } from "@/lib/server/social";
import { parseObjectParams } from "@/lib/validations/catalog";

function handler(starred: boolean) {
  return apiRoute<{ kind: string; id: string }>({ role: "viewer" }, async ({ principal, params }) => {
    const user = requireUserPrincipal(principal);
    const { kind, id } = parseObjectParams(params);
    return setStar({ workspaceId: user.workspaceId, userId: user.userId, kind, id, starred });
  });
}

export const PUT = handler(true);
export const DELETE = handler(false);
