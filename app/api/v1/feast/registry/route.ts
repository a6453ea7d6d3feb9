// GET / PUT / DELETE /api/v1/feast/registry — the Feast registry this workspace follows, and its sync history.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { deleteFeastConnection, getFeastConnection, saveFeastConnection } from "@/lib/server/feast-sync";
import { feastConnectionInputSchema } from "@/lib/validations/admin";

export const GET = apiRoute({ role: "admin" }, async ({ principal }) => {
  return { connection: await getFeastConnection(principal.workspaceId) };
});

export const PUT = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, feastConnectionInputSchema);
  await saveFeastConnection(principal.workspaceId, input);
  return { connection: await getFeastConnection(principal.workspaceId) };
});

export const DELETE = apiRoute({ role: "admin" }, async ({ principal }) => {
  await deleteFeastConnection(principal.workspaceId);
  return { ok: true };
});
