// GET /api/v1/promotions/{number} — one request with diff, impact, checks and reviews.
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getPromotionRequest } from "@/lib/server/promotions";
import { requestNumberSchema } from "@/lib/validations/promotions";

export const GET = apiRoute<{ number: string }>({ role: "viewer", scope: "read" }, async ({ principal, params }) => {
  const number = requestNumberSchema.parse(params.number);
  const viewer =
    principal.kind === "user"
      ? { userId: principal.userId, role: principal.role }
      : { userId: "", role: "viewer" as const };
  const detail = await getPromotionRequest({ workspaceId: principal.workspaceId, number, viewer });
  if (!detail) throw new AppError("not_found", `No promotion request #${number} in this workspace.`);
  return detail;
});
