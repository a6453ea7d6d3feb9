// GET /api/v1/search/quick: best matches by name for the ⌘K palette.
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { quickSearch } from "@/lib/server/search";
import { quickSearchQuerySchema } from "@/lib/validations/catalog";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, quickSearchQuerySchema);
  return { hits: await quickSearch({ workspaceId: principal.workspaceId, q: query.q, limit: query.limit }) };
});
