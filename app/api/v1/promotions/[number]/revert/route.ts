// POST /api/v1/promotions/{number}/revert — open a request re-activating the versions an applied request replaced.
import { apiRoute, jsonResponse } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { createRevertRequest } from "@/lib/server/promotions";
import { requestNumberSchema } from "@/lib/validations/promotions";

export const POST = apiRoute<{ number: string }>({ role: "author" }, async ({ principal, params }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens cannot change promotion requests.");
  const number = requestNumberSchema.parse(params.number);
  const created = await createRevertRequest(
    { workspaceId: principal.workspaceId, number },
    { userId: principal.userId, role: principal.role },
  );
  return jsonResponse(created, 201);
});
