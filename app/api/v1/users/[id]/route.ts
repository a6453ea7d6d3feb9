// PATCH /api/v1/users/{id} — change a member's role.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { listWorkspaceUsers, setWorkspaceRole } from "@/lib/server/users";
import { idParamSchema, roleChangeInputSchema } from "@/lib/validations/admin";
import { AppError } from "@/lib/errors";

export const PATCH = apiRoute<{ id: string }>({ role: "admin" }, async ({ request, principal, params }) => {
  const userId = idParamSchema.parse(params.id);
  const { role } = await readJsonBody(request, roleChangeInputSchema);
  await setWorkspaceRole({ workspaceId: principal.workspaceId, userId, role }, actorOf(principal));
  const user = (await listWorkspaceUsers(principal.workspaceId)).find((u) => u.id === userId);
  if (!user) throw new AppError("not_found", "That user is not a member of this workspace.");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
