// POST /api/v1/monitoring/evaluate — evaluate every enabled alert rule now.
import { apiRoute } from "@/lib/api/handler";
import { evaluateRules } from "@/lib/data/alerts";
import { db } from "@/lib/db";

export const POST = apiRoute({ role: "author", scope: "ingest" }, async ({ principal }) =>
  evaluateRules(db(), { workspaceId: principal.workspaceId }),
);
