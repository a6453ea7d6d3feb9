"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, valueAction, type ActionFailure, type ActionState } from "@/lib/actions";
import { type ConflictDetails } from "@/lib/data/definitions";
import { revertToVersion, saveDefinition } from "@/lib/server/definitions";
import { toAppError, type FieldError } from "@/lib/errors";
import {
  definitionKindSchema,
  objectIdSchema,
  revertInputSchema,
  saveDefinitionInputSchema,
} from "@/lib/validations/authoring";

export type SaveActionResult =
  | { status: "saved"; created: boolean; objectId: string; versionNumber: number; warnings: FieldError[] }
  | { status: "unchanged"; versionNumber: number }
  | { status: "invalid"; message: string; fields: FieldError[] }
  | { status: "conflict"; message: string; details: ConflictDetails }
  | ActionFailure;

const saveActionInputSchema = saveDefinitionInputSchema.extend({
  kind: definitionKindSchema,
  objectId: objectIdSchema.optional(),
});

/**
 * Create (no objectId: the name must be free) or save over `baseVersionNumber`. The editor shows
 * the definition's own problems by field and a concurrent save as a three-way choice, so those
 * two outcomes are results here, not failures.
 */
export const saveDefinitionAction = valueAction(
  "saveDefinition",
  { role: "author", schema: saveActionInputSchema },
  async (input, { user, workspace }): Promise<SaveActionResult> => {
    const { kind, objectId, definition, baseVersionNumber, message } = input;
    try {
      const result = await saveDefinition(
        {
          workspaceId: workspace.id,
          kind,
          objectId,
          definition,
          baseVersionNumber: objectId ? (baseVersionNumber ?? undefined) : null,
          message,
        },
        { userId: user.id },
      );
      if (result.status === "unchanged") return { status: "unchanged", versionNumber: result.version.number };
      revalidatePath("/catalog", "layout");
      return {
        status: "saved",
        created: result.status === "created",
        objectId: result.objectId,
        versionNumber: result.version.number,
        warnings: result.warnings,
      };
    } catch (error) {
      const outcome = editorOutcome(error);
      if (outcome) return outcome;
      throw error;
    }
  },
);

export type RevertActionState = ActionState<{ status: "reverted" | "unchanged"; versionNumber: number }>;

export const revertVersionAction = formAction(
  "revertVersion",
  {
    role: "author",
    schema: revertInputSchema.extend({ kind: definitionKindSchema, objectId: objectIdSchema }),
    read: (form) => ({
      kind: form.get("kind"),
      objectId: form.get("objectId"),
      versionNumber: Number(form.get("versionNumber")),
      baseVersionNumber: Number(form.get("baseVersionNumber")),
    }),
    invalidMessage: "The form sent something unexpected; reload the page.",
  },
  async (input, { user, workspace }) => {
    const result = await revertToVersion({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath("/catalog", "layout");
    return {
      status: result.status === "unchanged" ? ("unchanged" as const) : ("reverted" as const),
      versionNumber: result.version.number,
    };
  },
);

function editorOutcome(error: unknown): SaveActionResult | null {
  const appError = toAppError(error);
  if (appError.code === "unprocessable") {
    return { status: "invalid", message: appError.message, fields: appError.fields ?? [] };
  }
  if (appError.code === "conflict" && isConflictDetails(appError.details)) {
    return { status: "conflict", message: appError.message, details: appError.details };
  }
  return null;
}

function isConflictDetails(value: unknown): value is ConflictDetails {
  return z.object({ latestVersion: z.object({ number: z.number() }), changes: z.array(z.unknown()) }).safeParse(value)
    .success;
}
