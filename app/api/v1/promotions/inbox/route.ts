// GET /api/v1/promotions/inbox — counts for the navigation.
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { countInbox } from "@/lib/data/promotions";

export const GET = apiRoute({ role: "viewer" }, async ({ principal }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens have no inbox.");
  return countInbox(db(), { workspaceId: principal.workspaceId, userId: principal.userId, role: principal.role });
});
