import { z } from "zod";
import { parseRepositoryText } from "@/lib/definitions/repository-text";
import { DEFINITION_KINDS, type RepositoryDocument } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";

/*
 * Inputs and outputs of authoring: saving one definition, versions, diffs, plan/apply and the
 * Feast import. Shared by route handlers, server actions and the OpenAPI document. Definitions
 * themselves are checked per kind by lib/definitions/schema.ts (so the error paths match).
 */

export const definitionKindSchema = z.enum(DEFINITION_KINDS);

export const objectIdSchema = z.string().min(1).max(200);

export const versionNumberSchema = z.coerce.number().int().positive();

/** A definition object of the kind in the URL; validated per kind by the data layer. */
const definitionBodySchema = z.record(z.string(), z.unknown());

export const createDefinitionInputSchema = z.strictObject({
  definition: definitionBodySchema,
  message: z.string().max(2000).optional(),
});

export const saveDefinitionInputSchema = z.strictObject({
  definition: definitionBodySchema,
  /** The version the edit started from; a newer latest version answers 409. */
  baseVersionNumber: z.number().int().positive().nullable().optional(),
  message: z.string().max(2000).optional(),
});
export type SaveDefinitionBody = z.infer<typeof saveDefinitionInputSchema>;

export const revertInputSchema = z.strictObject({
  versionNumber: z.number().int().positive(),
  baseVersionNumber: z.number().int().positive().optional(),
  message: z.string().max(2000).optional(),
});

export const diffQuerySchema = z.object({
  from: versionNumberSchema,
  to: versionNumberSchema,
});

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "true" || value === "1" || value === ""));

export const applyQuerySchema = z.object({
  /** Delete registry objects the document does not mention (overrides the document's `prune`). */
  prune: booleanFlag,
  message: z.string().max(2000).optional(),
});

export const feastImportQuerySchema = z.object({
  /** Report what would change without writing (the plan). */
  dryRun: booleanFlag,
  /** The Feast project to read from a registry.db that holds several. */
  project: z.string().min(1).max(200).optional(),
  /** Import into this workspace (by slug) instead of the current one. */
  workspace: z.string().min(1).max(48).optional(),
  /** Import into the workspace named after the Feast project, created when it does not exist (admins). */
  newWorkspace: booleanFlag,
  /**
   * Where the Feast registry runs (an environment name; default the first, dev). Objects become
   * active there only where nothing of theirs is active yet; see docs/feast.md.
   */
  environment: z.string().trim().min(1).max(64).optional(),
});

// ---------------------------------------------------------------- responses

const fieldChangeSchema = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  change: z.enum(["added", "removed", "changed"]),
});

export const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  contentHash: z.string(),
  createdAt: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  message: z.string(),
});

export const currentDefinitionSchema = z.object({
  objectId: z.string(),
  kind: definitionKindSchema,
  name: z.string(),
  version: versionSummarySchema,
  definition: z.record(z.string(), z.unknown()),
});

export const saveResultSchema = z.object({
  status: z.enum(["created", "updated", "unchanged"]),
  objectId: z.string(),
  kind: definitionKindSchema,
  name: z.string(),
  version: versionSummarySchema,
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) });

export const versionDetailSchema = versionSummarySchema.extend({ definition: z.record(z.string(), z.unknown()) });

export const versionDiffSchema = z.object({
  from: versionDetailSchema,
  to: versionDetailSchema,
  changes: z.array(fieldChangeSchema),
});

const planItemSchema = z.object({ kind: definitionKindSchema, name: z.string(), contentHash: z.string() });

export const applyResultSchema = z.object({
  applied: z.boolean(),
  create: z.array(planItemSchema),
  update: z.array(planItemSchema.extend({ changes: z.array(fieldChangeSchema) })),
  delete: z.array(z.object({ kind: definitionKindSchema, name: z.string() })),
  pruneRefused: z
    .array(z.object({ kind: definitionKindSchema, name: z.string(), environments: z.array(z.string()) }))
    .describe("Objects the prune would remove but may not: active beyond dev. An apply with any is refused (409)."),
  unchanged: z.number().int(),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  versions: z.array(
    z.object({ kind: definitionKindSchema, name: z.string(), objectId: z.string(), number: z.number().int() }),
  ),
});

export const feastImportReportSchema = z.object({
  project: z.string().optional(),
  workspace: z.string(),
  /** The import created (or, planning, would create) the workspace named after the Feast project. */
  newWorkspace: z.boolean(),
  dryRun: z.boolean(),
  created: z.array(z.object({ kind: definitionKindSchema, name: z.string() })),
  updated: z.array(z.object({ kind: definitionKindSchema, name: z.string(), changes: z.array(fieldChangeSchema) })),
  removed: z.array(z.object({ kind: definitionKindSchema, name: z.string() })),
  unchanged: z.number().int(),
  materializations: z.number().int(),
  skipped: z.array(z.object({ kind: z.string(), name: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ kind: z.string(), name: z.string(), message: z.string() })),
  /** The environment the registry runs in; materialization history is recorded there. */
  environment: z.string(),
  /** Objects that become active in a later environment that had no version of theirs. */
  activated: z.array(z.object({ kind: definitionKindSchema, name: z.string() })),
  /** Objects active there with other content: unchanged until a promotion. */
  awaitingPromotion: z.array(
    z.object({ kind: definitionKindSchema, name: z.string(), activeVersion: z.number().int() }),
  ),
});

/** The repository document as the OpenAPI request body (YAML or JSON text of this shape). */
export const repositoryBodyDescription =
  "A repository document (YAML or JSON): dataSources, entities, featureViews, featureServices, savedDatasets, models. JSON Schema at GET /api/v1/schema.";

/**
 * A repository document from request text: 400 naming line and column for malformed YAML or
 * JSON, 422 naming each schema violation's path (`featureViews[3].aggregations[0].windows[1]`).
 */
export function parseRepositoryBody(text: string, contentType: string | null): RepositoryDocument {
  if (text.trim() === "") throw new AppError("bad_request", "The request body is empty: send a repository document.");
  const type = contentType ?? "";
  const result = parseRepositoryText(
    text,
    type.includes("json") || type.includes("yaml") || type.includes("yml") ? type : undefined,
  );
  if (result.ok) return result.document;
  if (result.status === 400) {
    const format = type.includes("json") || (!type.includes("yaml") && /^\s*[{[]/.test(text)) ? "JSON" : "YAML";
    // Node 20's JSON.parse names no position for most errors; find the offending character.
    const { line, column, message } = result.error;
    throw new AppError("bad_request", `Malformed ${format} at line ${line}, column ${column}: ${message}`, {
      details: { line, column },
    });
  }
  const first = result.issues[0];
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : "";
  throw new AppError(
    "unprocessable",
    `${first?.path ? `${first.path}: ` : ""}${first?.message ?? "Invalid document"}${more}`,
    {
      fields: result.issues,
    },
  );
}

/** Registry dumps of large Feast projects run to a few MiB. */
export const FEAST_DUMP_LIMIT_BYTES = 16 * 1024 * 1024;
