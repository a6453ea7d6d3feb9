import "server-only";
import type { Actor } from "@/lib/data/audit";
import type { Tx } from "@/lib/data/definition-rows";
import { newRowId } from "@/lib/data/bulk-rows";
import type { Db } from "@/lib/db";
import { definitionSchemas, formatZodIssues, type AnyDefinition, type DefinitionKind } from "@/lib/definitions/schema";
import type { ValidationIssue } from "@/lib/definitions/validate";
import { AppError, type FieldError } from "@/lib/errors";
import type { VersionRow, VersionSummary } from "./types";

/*
 * What every authoring write shares: the per-workspace lock, appending a version (which dev then
 * runs), author names for version lists, and validation errors in the API's shape.
 */

/** Parses a definition of one kind (defaults filled): the canonical form that is hashed. */
export function parseDefinition(kind: DefinitionKind, value: unknown): AnyDefinition {
  const parsed = definitionSchemas[kind].safeParse(value);
  if (!parsed.success) throw validationError(formatZodIssues(parsed.error));
  return parsed.data as AnyDefinition;
}

export function validationError(fields: FieldError[]): AppError {
  const first = fields[0];
  const count = fields.length > 1 ? ` (and ${fields.length - 1} more)` : "";
  return new AppError(
    "unprocessable",
    `${first?.path ? `${first.path}: ` : ""}${first?.message ?? "Invalid"}${count}`,
    {
      fields,
    },
  );
}

export function toField(issue: ValidationIssue): FieldError {
  return { path: issue.path, message: issue.message };
}

export function article(kind: DefinitionKind): string {
  return kind === "entity" ? "An" : "A";
}

/** Serialises definition writes per workspace (a transaction-scoped lock, released on commit). */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`featureline:definitions:${workspaceId}`}))`;
}

export async function firstEnvironmentId(tx: Tx, workspaceId: string): Promise<string | null> {
  const environment = await tx.environment.findFirst({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return environment?.id ?? null;
}

export async function appendVersion(
  tx: Tx,
  input: {
    workspaceId: string;
    kind: DefinitionKind;
    objectId: string;
    name: string;
    definition: AnyDefinition;
    contentHash: string;
    number: number;
    message: string;
    actor: Actor;
    /** The first environment (dev), read once per transaction; null when there is none. */
    devEnvironmentId: string | null;
  },
): Promise<VersionRow> {
  const version = await tx.definitionVersion.create({
    data: {
      workspaceId: input.workspaceId,
      objectKind: input.kind,
      objectId: input.objectId,
      objectName: input.name,
      number: input.number,
      contentHash: input.contentHash,
      definition: JSON.parse(JSON.stringify(input.definition)) as object,
      message: input.message,
      authorId: input.actor.userId ?? null,
    },
    select: { id: true, number: true, contentHash: true, createdAt: true, authorId: true, message: true },
  });
  // Saving is authoring in dev: the new version is what dev runs.
  const environmentId = input.devEnvironmentId;
  if (environmentId) {
    const key = { environmentId, objectKind: input.kind, objectId: input.objectId };
    await tx.activeVersion.upsert({
      where: { environmentId_objectKind_objectId: key },
      create: { ...key, versionId: version.id, activatedById: input.actor.userId ?? null },
      update: {
        versionId: version.id,
        activatedAt: new Date(),
        activatedById: input.actor.userId ?? null,
        promotionRequestId: null,
      },
    });
  }
  return version;
}

export interface VersionToAppend {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  definition: AnyDefinition;
  contentHash: string;
  number: number;
}

/**
 * appendVersion for many objects in two statements (an apply or import of thousands): one
 * multi-row insert of the versions, one upsert of what dev runs. Returns the versions in order.
 */
export async function appendVersions(
  tx: Tx,
  input: {
    workspaceId: string;
    versions: VersionToAppend[];
    message: string;
    actor: Actor;
    devEnvironmentId: string | null;
  },
): Promise<Array<{ id: string; number: number }>> {
  if (input.versions.length === 0) return [];
  const authorId = input.actor.userId ?? null;
  const createdAt = new Date().toISOString();
  const ordered = input.versions.map((version) => ({ id: newRowId(), number: version.number }));
  // One JSON parameter for the whole set: Prisma's createMany serialises thousands of JSON
  // definitions several times slower than the database inserts them.
  await tx.$executeRawUnsafe(
    `INSERT INTO definition_version
       (id, workspace_id, object_kind, object_id, object_name, number, content_hash, definition, message, author_id, created_at)
     SELECT r.id, $2, r.kind::"ObjectKind", r.object_id, r.name, r.number, r.content_hash, r.definition, $3, $4,
            $5::timestamptz AT TIME ZONE 'UTC'
     FROM jsonb_to_recordset($1::jsonb)
       AS r(id text, kind text, object_id text, name text, number int, content_hash text, definition jsonb)`,
    JSON.stringify(
      input.versions.map((version, index) => ({
        id: ordered[index]!.id,
        kind: version.kind,
        object_id: version.objectId,
        name: version.name,
        number: version.number,
        content_hash: version.contentHash,
        definition: version.definition,
      })),
    ),
    input.workspaceId,
    input.message,
    authorId,
    createdAt,
  );
  if (input.devEnvironmentId) {
    // Saving is authoring in dev: the new versions are what dev runs.
    await tx.$executeRaw`
      INSERT INTO active_version (environment_id, object_kind, object_id, version_id, activated_by_id)
      SELECT ${input.devEnvironmentId}, kind::"ObjectKind", object_id, version_id, ${authorId}
      FROM unnest(${input.versions.map((version) => version.kind)}::text[],
                  ${input.versions.map((version) => version.objectId)}::text[],
                  ${ordered.map((row) => row.id)}::text[]) AS v(kind, object_id, version_id)
      ON CONFLICT (environment_id, object_kind, object_id) DO UPDATE SET
        version_id = EXCLUDED.version_id,
        activated_at = CURRENT_TIMESTAMP,
        activated_by_id = EXCLUDED.activated_by_id,
        promotion_request_id = NULL`;
  }
  return ordered;
}

export async function withAuthorNames(tx: Tx | Db, versions: VersionRow[]): Promise<VersionSummary[]> {
  const ids = [...new Set(versions.flatMap((version) => (version.authorId ? [version.authorId] : [])))];
  const users = ids.length
    ? await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return versions.map((version) => ({
    id: version.id,
    number: version.number,
    contentHash: version.contentHash,
    createdAt: version.createdAt,
    authorId: version.authorId,
    authorName: version.authorId ? (names.get(version.authorId) ?? null) : null,
    message: version.message,
  }));
}
