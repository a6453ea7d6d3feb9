// GET /api/v1/definitions/{kind}/{id}/versions/{number} — one version with its definition.
import { apiRoute } from "@/lib/api/handler";
import { getVersion, requireCurrentDefinition } from "@/lib/server/definitions";
import { AppError } from "@/lib/errors";
import { versionNumberSchema } from "@/lib/validations/authoring";

export const GET = apiRoute<{ kind: string; id: string; number: string }>(
  { role: "viewer", scope: "read" },
  async ({ principal, params }) => {
    const number = versionNumberSchema.safeParse(params.number);
    if (!number.success) throw new AppError("not_found", `No version "${params.number}".`);
    const current = await requireCurrentDefinition(principal.workspaceId, params);
    const version = await getVersion({
      workspaceId: principal.workspaceId,
      kind: current.kind,
      objectId: current.objectId,
      number: number.data,
    });
    if (!version) throw new AppError("not_found", `Version ${number.data} does not exist.`);
    return version;
  },
);
