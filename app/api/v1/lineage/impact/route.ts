// GET /api/v1/lineage/impact?node=<kind:id>&env=... — everything downstream that breaks if the node changes.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { getImpactResponse } from "@/lib/server/lineage";
import { impactQuerySchema } from "@/lib/validations/lineage";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  getImpactResponse({ workspaceId: principal.workspaceId, query: parseQuery(request, impactQuerySchema) }),
);
