// POST /api/v1/apply — apply a repository document (YAML or JSON) in one transaction: one version per changed object.
// A large document (or `?async=1`, `Prefer: respond-async`) answers 202 with a job to poll.
import { readBodyText } from "@/lib/api/body";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { acceptedJob, ASYNC_APPLY_OBJECTS, documentObjectCount, wantsAsync } from "@/lib/api/jobs";
import { actorOf } from "@/lib/api/principal";
import { applyRepository } from "@/lib/server/definitions";
import type { ApplyJobInput } from "@/lib/jobs/kinds";
import { queueJob } from "@/lib/jobs/start";
import { applyQuerySchema, parseRepositoryBody } from "@/lib/validations/authoring";

export const POST = apiRoute({ role: "author", scope: "apply" }, async ({ request, principal }) => {
  const query = parseQuery(request, applyQuerySchema);
  const document = parseRepositoryBody(await readBodyText(request), request.headers.get("content-type"));
  const actor = actorOf(principal);
  const objects = documentObjectCount(document);
  if (wantsAsync(request, objects > ASYNC_APPLY_OBJECTS)) {
    const input: ApplyJobInput = { actor, document, prune: query.prune, message: query.message };
    const job = await queueJob({
      kind: "apply",
      workspaceId: principal.workspaceId,
      input,
      createdById: actor.userId ?? null,
      total: objects,
    });
    return acceptedJob(job);
  }
  return applyRepository(
    { workspaceId: principal.workspaceId, document, prune: query.prune, message: query.message },
    actor,
  );
});
