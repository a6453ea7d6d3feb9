// GET /api/v1/catalog/{kind}/{id}: one object's page data (definition, usage, versions, health).
import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { getObjectDetail } from "@/lib/server/catalog";
import { AppError } from "@/lib/errors";
import { resolveRequestEnvironment } from "@/lib/session";
import { parseObjectParams } from "@/lib/validations/catalog";

const querySchema = z.object({ environment: z.string().trim().max(64).optional() });

export const GET = apiRoute<{ kind: string; id: string }>(
  { role: "viewer", scope: "read" },
  async ({ request, principal, params }) => {
    const { kind, id } = parseObjectParams(params);
    const query = parseQuery(request, querySchema);
    const environment = await resolveRequestEnvironment(principal.workspaceId, {
      requested: query.environment,
      parameter: "environment",
    });
    const detail = await getObjectDetail({ workspaceId: principal.workspaceId, kind, id, environment });
    if (!detail) throw new AppError("not_found", `No ${kind.replace("_", " ")} "${id}" in this workspace.`);
    return detail;
  },
);
