// GET /api/v1/jobs/:id — a background job of this workspace: state, progress, then its result or error (404 otherwise).
import { apiRoute } from "@/lib/api/handler";
import { getJob } from "@/lib/server/jobs/queue";

export const GET = apiRoute<{ id: string }>({ scope: "apply" }, async ({ params, principal }) => {
  return { job: await getJob(principal.workspaceId, params.id) };
});
