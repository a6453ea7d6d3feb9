// POST /api/v1/workspaces — an admin creates a workspace (dev -> staging -> prod) and becomes its admin.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { createWorkspaceAsAdmin } from "@/lib/server/workspaces";
import { AppError } from "@/lib/errors";
import { workspaceInputSchema } from "@/lib/validations/admin";

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "Workspaces are created by a signed-in admin.");
  const input = await readJsonBody(request, workspaceInputSchema);
  const workspace = await createWorkspaceAsAdmin(input, principal.userId);
  return Response.json(workspace, { status: 201 });
});
