import "server-only";
import { kindWord } from "@/lib/kinds";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { loadRowIds, writeDefinitionRows, type Tx } from "@/lib/data/definition-rows";
import type { Db } from "@/lib/db";
import { contentHash } from "@/lib/definitions/canonical";
import { canonicalDefinition, diffDefinitions } from "@/lib/definitions/diff";
import type { AnyDefinition, DefinitionKind } from "@/lib/definitions/schema";
import { validateObject } from "@/lib/definitions/validate";
import { AppError } from "@/lib/errors";
import { brokenDependents, existingNamesOf, loadState, teamErrors, withObject } from "./registry-state";
import { TX_OPTIONS, type ConflictDetails, type SaveResult, type VersionRow } from "./types";
import {
  appendVersion,
  article,
  firstEnvironmentId,
  lockWorkspace,
  parseDefinition,
  toField,
  validationError,
  withAuthorNames,
} from "./versioning";

/*
 * Saving one object from the browser or the API: a new immutable version when the content
 * changed, 409 with what changed when someone saved since the author's base version.
 */

export interface SaveDefinitionInput {
  workspaceId: string;
  kind: DefinitionKind;
  definition: unknown;
  /** The object being edited; without it the object is found by the definition's name. */
  objectId?: string;
  /**
   * The version the author started from. A number: fail with 409 when someone saved since.
   * null: the author is creating the object, so its name must be free. Omitted: no check.
   */
  baseVersionNumber?: number | null;
  message?: string;
}

export async function saveDefinition(prisma: Db, input: SaveDefinitionInput, actor: Actor): Promise<SaveResult> {
  const definition = parseDefinition(input.kind, input.definition);
  return prisma.$transaction(
    (tx) => saveInTransaction(tx, { ...input, definition }, actor, "definition.save"),
    TX_OPTIONS,
  );
}

/** A new version equal to an old one (nothing when the old one equals the latest). */
export async function revertToVersion(
  prisma: Db,
  input: {
    workspaceId: string;
    kind: DefinitionKind;
    objectId: string;
    versionNumber: number;
    baseVersionNumber?: number | null;
    message?: string;
  },
  actor: Actor,
): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const old = await tx.definitionVersion.findFirst({
      where: {
        workspaceId: input.workspaceId,
        objectKind: input.kind,
        objectId: input.objectId,
        number: input.versionNumber,
      },
      select: { definition: true },
    });
    if (!old) throw new AppError("not_found", `Version ${input.versionNumber} does not exist.`);
    const definition = parseDefinition(input.kind, old.definition);
    return saveInTransaction(
      tx,
      {
        workspaceId: input.workspaceId,
        kind: input.kind,
        objectId: input.objectId,
        definition,
        baseVersionNumber: input.baseVersionNumber ?? undefined,
        message: input.message?.trim() || `Revert to version ${input.versionNumber}`,
      },
      actor,
      "definition.revert",
    );
  }, TX_OPTIONS);
}

async function saveInTransaction(
  tx: Tx,
  input: Omit<SaveDefinitionInput, "definition"> & { definition: AnyDefinition },
  actor: Actor,
  action: string,
): Promise<SaveResult> {
  const { workspaceId, kind, definition } = input;
  await lockWorkspace(tx, workspaceId);
  const rows = await loadRowIds(tx, workspaceId);
  const state = await loadState(tx, workspaceId, rows);

  let stored = state[kind].get(definition.name);
  if (input.objectId) {
    const byId = [...state[kind].values()].find((object) => object.objectId === input.objectId);
    if (!byId) throw new AppError("not_found", `This ${kindWord(kind)} does not exist (any more).`);
    if (byId.name !== definition.name) {
      throw new AppError("unprocessable", `name: Renaming is not supported; create a new ${kindWord(kind)} instead.`, {
        fields: [{ path: "name", message: `Renaming is not supported; create a new ${kindWord(kind)} instead` }],
      });
    }
    stored = byId;
  }
  if (input.baseVersionNumber === null && stored) {
    const message = `${article(kind)} ${kindWord(kind)} named "${definition.name}" already exists`;
    throw new AppError("unprocessable", `name: ${message}`, { fields: [{ path: "name", message }] });
  }

  const hash = contentHash(definition);
  const latest = stored?.version ?? null;
  if (stored && latest && stored.definition && contentHash(stored.definition) === hash) {
    const [summary] = await withAuthorNames(tx, [latest]);
    return {
      status: "unchanged",
      objectId: stored.objectId,
      kind,
      name: definition.name,
      version: summary!,
      warnings: [],
    };
  }
  if (typeof input.baseVersionNumber === "number") {
    if (!stored) throw new AppError("not_found", `This ${kindWord(kind)} does not exist (any more).`);
    if (latest && latest.number !== input.baseVersionNumber) {
      throw await conflictError(tx, kind, stored.objectId, input.baseVersionNumber, latest, stored.definition);
    }
  }

  // Validate against the registry as it will be after the save.
  const after = withObject(state, kind, definition, stored?.objectId ?? "");
  const issues = validateObject(kind, definition, { ...existingNamesOf(after), isNew: false });
  const errors = [
    ...issues.filter((issue) => issue.severity === "error").map(toField),
    ...teamErrors([definition], rows, () => "team"),
    ...brokenDependents(state, after, new Set([`${kind}:${definition.name}`]), () => ""),
  ];
  if (errors.length > 0) throw validationError(errors);

  const objectId = await writeDefinitionRows(tx, rows, kind, definition);
  const version = await appendVersion(tx, {
    workspaceId,
    kind,
    objectId,
    name: definition.name,
    definition,
    contentHash: hash,
    number: (latest?.number ?? 0) + 1,
    message: input.message?.trim() ?? "",
    actor,
    devEnvironmentId: await firstEnvironmentId(tx, workspaceId),
  });
  await recordAudit(tx, {
    workspaceId,
    actor,
    action,
    objectKind: kind,
    objectId,
    objectName: definition.name,
    before: stored?.definition ?? null,
    after: definition,
  });
  const [summary] = await withAuthorNames(tx, [version]);
  return {
    status: stored ? "updated" : "created",
    objectId,
    kind,
    name: definition.name,
    version: summary!,
    warnings: issues.filter((issue) => issue.severity === "warning").map(toField),
  };
}

async function conflictError(
  tx: Tx,
  kind: DefinitionKind,
  objectId: string,
  baseVersionNumber: number,
  latest: VersionRow,
  latestDefinition: AnyDefinition | null,
): Promise<AppError> {
  const base = await tx.definitionVersion.findFirst({
    where: { objectKind: kind, objectId, number: baseVersionNumber },
    select: { definition: true },
  });
  const [latestSummary] = await withAuthorNames(tx, [latest]);
  const changes = diffDefinitions(
    base ? canonicalDefinition(kind, base.definition) : undefined,
    latestDefinition ?? undefined,
  );
  const who = latestSummary?.authorName ? ` by ${latestSummary.authorName}` : "";
  const details: ConflictDetails = { latestVersion: latestSummary!, baseVersionNumber, changes };
  return new AppError(
    "conflict",
    `Version ${latest.number} was saved${who} after version ${baseVersionNumber}, which you edited. ` +
      `Review what changed (${changes.length} field${changes.length === 1 ? "" : "s"}) and save again.`,
    { details },
  );
}
