// GET /api/v1/search: ranked catalog search with facets and cursor pages.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchForApi } from "@/lib/data/search";
import { searchApiQuerySchema } from "@/lib/validations/catalog";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) =>
  searchForApi(db(), principal.workspaceId, parseQuery(request, searchApiQuerySchema)),
);
