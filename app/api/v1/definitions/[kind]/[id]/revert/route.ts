// POST /api/v1/definitions/{kind}/{id}/revert — a new version equal to an old one.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { requireCurrentDefinition, revertToVersion } from "@/lib/server/definitions";
import { revertInputSchema } from "@/lib/validations/authoring";

export const POST = apiRoute<{ kind: string; id: string }>(
  { role: "author", scope: "apply" },
  async ({ request, principal, params }) => {
    const current = await requireCurrentDefinition(principal.workspaceId, params);
    const input = await readJsonBody(request, revertInputSchema);
    return revertToVersion(
      { workspaceId: principal.workspaceId, kind: current.kind, objectId: current.objectId, ...input },
      actorOf(principal),
    );
  },
);
