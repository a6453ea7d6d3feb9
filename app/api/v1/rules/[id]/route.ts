// PATCH /api/v1/rules/{id} — edit a rule's name, object, statistic and threshold.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { updateRule } from "@/lib/server/monitoring";
import { idParamSchema } from "@/lib/validations/admin";
import { ruleUpdateSchema } from "@/lib/validations/monitoring";

export const PATCH = apiRoute<{ id: string }>({ role: "author" }, async ({ request, principal, params }) => {
  const ruleId = idParamSchema.parse(params.id);
  const input = await readJsonBody(request, ruleUpdateSchema);
  return updateRule({ ...input, workspaceId: principal.workspaceId, ruleId }, actorOf(principal));
});
