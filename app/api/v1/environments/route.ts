// GET /api/v1/environments, POST /api/v1/environments — the promotion order; admins add one.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { db } from "@/lib/db";
import { addEnvironment, listEnvironmentSettings } from "@/lib/data/environments";
import { environmentInputSchema } from "@/lib/validations/promotions";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ principal }) => ({
  environments: await listEnvironmentSettings(db(), principal.workspaceId),
}));

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, environmentInputSchema);
  const created = await addEnvironment(db(), { workspaceId: principal.workspaceId, ...input }, actorOf(principal));
  return jsonResponse(created, 201);
});
