// POST /api/v1/feast/registry/sync — "Sync now": read the registry and apply what changed (409 while a sync runs).
import { apiRoute } from "@/lib/api/handler";
import { syncFeastRegistryNow } from "@/lib/server/feast-sync";

export const POST = apiRoute({ role: "admin" }, async ({ principal }) => {
  return { run: await syncFeastRegistryNow(principal.workspaceId) };
});
