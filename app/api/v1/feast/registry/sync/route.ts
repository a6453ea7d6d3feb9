// POST /api/v1/feast/registry/sync — "Sync now": read the registry and apply what changed (409 while a sync runs).
// With `?async=1` or `Prefer: respond-async` it answers 202 with a job to poll (joining one already queued).
import { apiRoute } from "@/lib/api/handler";
import { acceptedJob, wantsAsync } from "@/lib/api/jobs";
import { syncFeastRegistryNow } from "@/lib/server/feast-sync";
import { queueFeastSync } from "@/lib/jobs/start";

export const POST = apiRoute({ role: "admin" }, async ({ request, principal }) => {
  if (wantsAsync(request, false)) {
    return acceptedJob(
      await queueFeastSync(principal.workspaceId, principal.kind === "user" ? principal.userId : null),
    );
  }
  return { run: await syncFeastRegistryNow(principal.workspaceId) };
});
