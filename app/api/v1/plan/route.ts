// POST /api/v1/plan — what applying a repository document (YAML or JSON) would change; writes nothing.
import { readBodyText } from "@/lib/api/body";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { applyRepository } from "@/lib/server/definitions";
import { applyQuerySchema, parseRepositoryBody } from "@/lib/validations/authoring";

export const POST = apiRoute({ role: "author", scope: "apply" }, async ({ request, principal }) => {
  const query = parseQuery(request, applyQuerySchema);
  const document = parseRepositoryBody(await readBodyText(request), request.headers.get("content-type"));
  return applyRepository(
    { workspaceId: principal.workspaceId, document, prune: query.prune, dryRun: true },
    actorOf(principal),
  );
});
