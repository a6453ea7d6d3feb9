// GET /api/v1/promotions/inbox — counts for the navigation.
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { countInbox } from "@/lib/server/promotions";

export const GET = apiRoute({ role: "viewer" }, async ({ principal }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens have no inbox.");
  return countInbox({ workspaceId: principal.workspaceId, userId: principal.userId, role: principal.role });
});
