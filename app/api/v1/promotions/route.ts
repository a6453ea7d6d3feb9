// GET /api/v1/promotions, POST /api/v1/promotions — list promotion requests; open one.
import { apiRoute, jsonResponse, parseQuery, readJsonBody } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { createPromotionRequest, listPromotionRequests } from "@/lib/server/promotions";
import { promotionInputSchema, promotionListQuerySchema } from "@/lib/validations/promotions";

export const GET = apiRoute({ role: "viewer", scope: "read" }, async ({ request, principal }) => {
  const query = parseQuery(request, promotionListQuerySchema);
  // Tokens have no inbox: they see the workspace's requests as a viewer would.
  const viewer =
    principal.kind === "user"
      ? { userId: principal.userId, role: principal.role }
      : { userId: "", role: "viewer" as const };
  return listPromotionRequests({ workspaceId: principal.workspaceId, ...viewer, ...query });
});

export const POST = apiRoute({ role: "author" }, async ({ request, principal }) => {
  if (principal.kind !== "user") throw new AppError("forbidden", "API tokens cannot open promotion requests.");
  const input = await readJsonBody(request, promotionInputSchema);
  const created = await createPromotionRequest(
    { workspaceId: principal.workspaceId, ...input },
    { userId: principal.userId, role: principal.role },
  );
  return jsonResponse(created, 201);
});
