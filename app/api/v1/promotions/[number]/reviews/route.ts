// POST /api/v1/promotions/{number}/reviews — approve, reject or request changes.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { reviewPromotionRequest } from "@/lib/server/promotions";
import { requestNumberSchema, reviewInputSchema } from "@/lib/validations/promotions";

export const POST = apiRoute<{ number: string }>({ role: "approver" }, async ({ request, principal, params }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "Reviews are given by people, not API tokens.");
  const number = requestNumberSchema.parse(params.number);
  const input = await readJsonBody(request, reviewInputSchema);
  const result = await reviewPromotionRequest(
    { workspaceId: principal.workspaceId, number, ...input },
    { userId: principal.userId, role: principal.role },
  );
  return jsonResponse(result, 201);
});
