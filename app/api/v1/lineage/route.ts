// GET /api/v1/lineage?root=<kind:id>&up=N&down=N&env=...&level=object|column — lineage around one object.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { getLineageResponse } from "@/lib/server/lineage";
import { lineageQuerySchema } from "@/lib/validations/lineage";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  getLineageResponse({ workspaceId: principal.workspaceId, query: parseQuery(request, lineageQuerySchema) }),
);
