// POST /api/v1/definitions/{kind}/{id}/revert — a new version equal to an old one.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { db } from "@/lib/db";
import { requireCurrentDefinition, revertToVersion } from "@/lib/data/definitions";
import { revertInputSchema } from "@/lib/validations/authoring";

export const POST = apiRoute<{ kind: string; id: string }>(
  { role: "author", scope: "apply" },
  async ({ request, principal, params }) => {
    const current = await requireCurrentDefinition(db(), principal.workspaceId, params);
    const input = await readJsonBody(request, revertInputSchema);
    return revertToVersion(
      db(),
      { workspaceId: principal.workspaceId, kind: current.kind, objectId: current.objectId, ...input },
      actorOf(principal),
    );
  },
);
