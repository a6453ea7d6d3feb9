// GET, PUT /api/v1/definitions/{kind}/{id} — the current definition (by id or name); save over a base version.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { requireCurrentDefinition, saveDefinition } from "@/lib/server/definitions";
import { saveDefinitionInputSchema } from "@/lib/validations/authoring";

type Params = { kind: string; id: string };

export const GET = apiRoute<Params>({ role: "viewer", scope: "read" }, async ({ principal, params }) =>
  requireCurrentDefinition(principal.workspaceId, params),
);

export const PUT = apiRoute<Params>({ role: "author", scope: "apply" }, async ({ request, principal, params }) => {
  const current = await requireCurrentDefinition(principal.workspaceId, params);
  const input = await readJsonBody(request, saveDefinitionInputSchema);
  const result = await saveDefinition(
    {
      workspaceId: principal.workspaceId,
      kind: current.kind,
      objectId: current.objectId,
      definition: input.definition,
      baseVersionNumber: input.baseVersionNumber ?? undefined,
      message: input.message,
    },
    actorOf(principal),
  );
  return jsonResponse(result, result.status === "created" ? 201 : 200);
});
