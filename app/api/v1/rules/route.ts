// GET /api/v1/rules — alert rules with their open alerts; POST creates one (objects by name).
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { createRule, listRules } from "@/lib/server/monitoring";
import { ruleInputSchema } from "@/lib/validations/monitoring";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ principal }) => ({
  rules: await listRules({ workspaceId: principal.workspaceId }),
}));

export const POST = apiRoute({ role: "author" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, ruleInputSchema);
  const rule = await createRule({ ...input, workspaceId: principal.workspaceId }, actorOf(principal));
  return jsonResponse(rule, 201);
});
