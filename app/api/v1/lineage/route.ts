// GET /api/v1/lineage?root=<kind:id>&up=N&down=N&env=...&level=object|column — lineage around one object.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getLineageResponse } from "@/lib/data/lineage";
import { lineageQuerySchema } from "@/lib/validations/lineage";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  getLineageResponse(db(), { workspaceId: principal.workspaceId, query: parseQuery(request, lineageQuerySchema) }),
);
