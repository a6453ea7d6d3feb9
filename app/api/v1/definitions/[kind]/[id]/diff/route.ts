// GET /api/v1/definitions/{kind}/{id}/diff?from=&to= — field differences between two versions.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { diffVersions, requireCurrentDefinition } from "@/lib/server/definitions";
import { diffQuerySchema } from "@/lib/validations/authoring";

export const GET = apiRoute<{ kind: string; id: string }>(
  { role: "viewer", scope: "read" },
  async ({ request, principal, params }) => {
    const query = parseQuery(request, diffQuerySchema);
    const current = await requireCurrentDefinition(principal.workspaceId, params);
    return diffVersions({
      workspaceId: principal.workspaceId,
      kind: current.kind,
      objectId: current.objectId,
      from: query.from,
      to: query.to,
    });
  },
);
