// PATCH /api/v1/environments/{name}, DELETE /api/v1/environments/{name} — admins configure one.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { removeEnvironment, updateEnvironment } from "@/lib/server/environments";
import { environmentNameSchema, environmentUpdateSchema } from "@/lib/validations/promotions";

export const PATCH = apiRoute<{ name: string }>({ role: "admin" }, async ({ request, principal, params }) => {
  const name = environmentNameSchema.parse(params.name);
  const input = await readJsonBody(request, environmentUpdateSchema);
  return updateEnvironment({ workspaceId: principal.workspaceId, name, ...input }, actorOf(principal));
});

export const DELETE = apiRoute<{ name: string }>({ role: "admin" }, async ({ principal, params }) => {
  const name = environmentNameSchema.parse(params.name);
  await removeEnvironment({ workspaceId: principal.workspaceId, name }, actorOf(principal));
  return { ok: true };
});
