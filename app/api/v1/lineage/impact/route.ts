// GET /api/v1/lineage/impact?node=<kind:id>&env=... — everything downstream that breaks if the node changes.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getImpactResponse } from "@/lib/data/lineage";
import { impactQuerySchema } from "@/lib/validations/lineage";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  getImpactResponse(db(), { workspaceId: principal.workspaceId, query: parseQuery(request, impactQuerySchema) }),
);
