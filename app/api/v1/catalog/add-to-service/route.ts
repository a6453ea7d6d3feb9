// POST /api/v1/catalog/add-to-service: add features to a feature service (or create one), as a new version.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { addFeaturesToService } from "@/lib/server/catalog";
import { addToServiceInputSchema } from "@/lib/validations/catalog";

export const POST = apiRoute({ role: "author", scope: "apply" }, async ({ request, principal }) => {
  const input = await readJsonBody(request, addToServiceInputSchema, 256 * 1024);
  return addFeaturesToService({ workspaceId: principal.workspaceId, ...input }, actorOf(principal));
});
