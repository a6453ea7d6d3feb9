// POST /api/v1/promotions/{number}/withdraw — the author withdraws an open request.
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { withdrawPromotionRequest } from "@/lib/server/promotions";
import { requestNumberSchema } from "@/lib/validations/promotions";

export const POST = apiRoute<{ number: string }>({ role: "author" }, async ({ principal, params }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens cannot change promotion requests.");
  const number = requestNumberSchema.parse(params.number);
  return withdrawPromotionRequest(
    { workspaceId: principal.workspaceId, number },
    { userId: principal.userId, role: principal.role },
  );
});
