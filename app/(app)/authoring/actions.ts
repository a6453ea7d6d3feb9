"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { revertToVersion, saveDefinition, type ConflictDetails } from "@/lib/data/definitions";
import { toAppError, type FieldError } from "@/lib/errors";
import { requireRole } from "@/lib/session";
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
  | { status: "error"; message: string };

const saveActionInputSchema = saveDefinitionInputSchema.extend({
  kind: definitionKindSchema,
  objectId: objectIdSchema.optional(),
});

/** Create (no objectId: the name must be free) or save over `baseVersionNumber`. */
export async function saveDefinitionAction(input: unknown): Promise<SaveActionResult> {
  const { user, workspace } = await requireRole("author");
  const parsed = saveActionInputSchema.safeParse(input);
  if (!parsed.success) return { status: "error", message: "The form sent something unexpected; reload the page." };
  const { kind, objectId, definition, baseVersionNumber, message } = parsed.data;
  try {
    const result = await saveDefinition(
      db(),
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
    return failure(error);
  }
}

export type RevertActionState =
  | { status: "idle" }
  | { status: "reverted" | "unchanged"; versionNumber: number }
  | { status: "error"; message: string };

const revertActionInputSchema = revertInputSchema.extend({ kind: definitionKindSchema, objectId: objectIdSchema });

export async function revertVersionAction(
  _previous: RevertActionState,
  formData: FormData,
): Promise<RevertActionState> {
  const { user, workspace } = await requireRole("author");
  const parsed = revertActionInputSchema.safeParse({
    kind: formData.get("kind"),
    objectId: formData.get("objectId"),
    versionNumber: Number(formData.get("versionNumber")),
    baseVersionNumber: Number(formData.get("baseVersionNumber")),
  });
  if (!parsed.success) return { status: "error", message: "The form sent something unexpected; reload the page." };
  try {
    const result = await revertToVersion(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
    revalidatePath("/catalog", "layout");
    return { status: result.status === "unchanged" ? "unchanged" : "reverted", versionNumber: result.version.number };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}

function failure(error: unknown): SaveActionResult {
  const appError = toAppError(error);
  if (appError.code === "unprocessable") {
    return { status: "invalid", message: appError.message, fields: appError.fields ?? [] };
  }
  if (appError.code === "conflict" && isConflictDetails(appError.details)) {
    return { status: "conflict", message: appError.message, details: appError.details };
  }
  return { status: "error", message: appError.message };
}

function isConflictDetails(value: unknown): value is ConflictDetails {
  return z.object({ latestVersion: z.object({ number: z.number() }), changes: z.array(z.unknown()) }).safeParse(value)
    .success;
}
