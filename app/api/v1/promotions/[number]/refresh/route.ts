// POST /api/v1/promotions/{number}/refresh — recompute the target snapshot, diff and checks.
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { refreshPromotionRequest } from "@/lib/server/promotions";
import { requestNumberSchema } from "@/lib/validations/promotions";

export const POST = apiRoute<{ number: string }>({ role: "author" }, async ({ principal, params }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens cannot change promotion requests.");
  const number = requestNumberSchema.parse(params.number);
  return refreshPromotionRequest(
    { workspaceId: principal.workspaceId, number },
    { userId: principal.userId, role: principal.role },
  );
});
