// GET /api/v1/catalog: catalog objects of every kind, filtered, sorted and paged (same parameters as search).
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { searchForApi } from "@/lib/server/search";
import { searchApiQuerySchema } from "@/lib/validations/catalog";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  searchForApi(principal.workspaceId, parseQuery(request, searchApiQuerySchema)),
);
