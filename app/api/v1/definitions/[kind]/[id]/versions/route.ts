// GET /api/v1/definitions/{kind}/{id}/versions — every version of one object, newest first.
import { apiRoute } from "@/lib/api/handler";
import { listVersions, requireCurrentDefinition } from "@/lib/server/definitions";

export const GET = apiRoute<{ kind: string; id: string }>(
  { role: "viewer", scope: "read" },
  async ({ principal, params }) => {
    const current = await requireCurrentDefinition(principal.workspaceId, params);
    return {
      versions: await listVersions({
        workspaceId: principal.workspaceId,
        kind: current.kind,
        objectId: current.objectId,
      }),
    };
  },
);
