// GET /api/v1/lineage/workspace?env=...&level=...&offset=N — the whole workspace's lineage, paged.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { getWorkspaceLineageResponse } from "@/lib/server/lineage";
import { workspaceLineageQuerySchema } from "@/lib/validations/lineage";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  getWorkspaceLineageResponse({
    workspaceId: principal.workspaceId,
    query: parseQuery(request, workspaceLineageQuerySchema),
  }),
);
