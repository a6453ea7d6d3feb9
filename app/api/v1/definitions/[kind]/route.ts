// POST /api/v1/definitions/{kind} — create one definition (version 1); 422 names the field.
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { actorOf } from "@/lib/api/principal";
import { saveDefinition } from "@/lib/server/definitions";
import { createDefinitionInputSchema, definitionKindSchema } from "@/lib/validations/authoring";

export const POST = apiRoute<{ kind: string }>(
  { role: "author", scope: "apply" },
  async ({ request, principal, params }) => {
    const kind = definitionKindSchema.parse(params.kind);
    const input = await readJsonBody(request, createDefinitionInputSchema);
    const result = await saveDefinition(
      {
        workspaceId: principal.workspaceId,
        kind,
        definition: input.definition,
        baseVersionNumber: null,
        message: input.message,
      },
      actorOf(principal),
    );
    return jsonResponse(result, 201);
  },
);
