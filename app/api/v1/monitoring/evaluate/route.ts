// POST /api/v1/monitoring/evaluate — evaluate every enabled alert rule now.
import { apiRoute } from "@/lib/api/handler";
import { evaluateRules } from "@/lib/server/alerts";

export const POST = apiRoute({ role: "author", scope: "ingest" }, async ({ principal }) =>
  evaluateRules({ workspaceId: principal.workspaceId }),
);
