// GET /api/v1/search/quick: best matches by name for the ⌘K palette.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { quickSearch } from "@/lib/data/search";
import { quickSearchQuerySchema } from "@/lib/validations/catalog";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, quickSearchQuerySchema);
  return { hits: await quickSearch(db(), { workspaceId: principal.workspaceId, q: query.q, limit: query.limit }) };
});
