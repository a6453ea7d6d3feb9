// GET /api/v1/rules/objects?kind=feature_view&q=user — objects a rule can watch, by name (the editor's picker).
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { searchRuleObjects } from "@/lib/server/monitoring";
import { ruleObjectQuerySchema } from "@/lib/validations/monitoring";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, ruleObjectQuerySchema);
  return {
    objects: await searchRuleObjects({ workspaceId: principal.workspaceId, kind: query.kind, query: query.q }),
  };
});
