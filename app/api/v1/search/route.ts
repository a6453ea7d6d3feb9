// GET /api/v1/search: ranked catalog search with facets and cursor pages.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { searchForApi } from "@/lib/server/search";
import { searchApiQuerySchema } from "@/lib/validations/catalog";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  searchForApi(principal.workspaceId, parseQuery(request, searchApiQuerySchema)),
);
