// POST /api/v1/promotions/{number}/apply — apply an approved request whose checks pass now.
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { applyPromotionRequest } from "@/lib/server/promotions";
import { requestNumberSchema } from "@/lib/validations/promotions";

export const POST = apiRoute<{ number: string }>({ role: "approver" }, async ({ principal, params }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens cannot change promotion requests.");
  const number = requestNumberSchema.parse(params.number);
  return applyPromotionRequest(
    { workspaceId: principal.workspaceId, number },
    { userId: principal.userId, role: principal.role },
  );
});
