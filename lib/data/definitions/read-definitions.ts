import "server-only";
import { kindWord } from "@/lib/kinds";
import { findObjectRow } from "@/lib/data/object-rows";
import { loadRowIds, type Tx } from "@/lib/data/definition-rows";
import type { Db } from "@/lib/db";
import { canonicalDefinition, diffDefinitions, type FieldChange } from "@/lib/definitions/diff";
import { DEFINITION_KINDS, type AnyDefinition, type DefinitionKind } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { VERSION_SELECT, type CurrentDefinition, type VersionDetail, type VersionSummary } from "./types";
import { withAuthorNames } from "./versioning";

/** The latest version (the dev head) of one object, by id or name. */
export async function getCurrentDefinition(
  prisma: Db,
  input: { workspaceId: string; kind: DefinitionKind; objectId?: string; name?: string },
): Promise<CurrentDefinition | null> {
  if (!input.objectId && !input.name) return null;
  const row = await findObjectRow(prisma, input.workspaceId, input.kind, { id: input.objectId, name: input.name });
  if (!row) return null;
  const version = await prisma.definitionVersion.findFirst({
    where: { workspaceId: input.workspaceId, objectKind: input.kind, objectId: row.id },
    orderBy: { number: "desc" },
    select: VERSION_SELECT,
  });
  if (!version) return null;
  const [summary] = await withAuthorNames(prisma, [version]);
  return {
    objectId: row.id,
    kind: input.kind,
    name: row.name,
    version: summary!,
    definition: canonicalDefinition(input.kind, version.definition) as AnyDefinition,
  };
}

/** For URLs: the current definition of `/{kind}/{idOrName}`, or null (also for an unknown kind). */
export async function findCurrentDefinition(
  prisma: Db,
  workspaceId: string,
  params: { kind: string; id: string },
): Promise<CurrentDefinition | null> {
  if (!isDefinitionKind(params.kind)) return null;
  const kind = params.kind;
  return (
    (await getCurrentDefinition(prisma, { workspaceId, kind, objectId: params.id })) ??
    (await getCurrentDefinition(prisma, { workspaceId, kind, name: params.id }))
  );
}

/** findCurrentDefinition or a 404 (objects of other workspaces are not found either). */
export async function requireCurrentDefinition(
  prisma: Db,
  workspaceId: string,
  params: { kind: string; id: string },
): Promise<CurrentDefinition> {
  if (!isDefinitionKind(params.kind)) {
    throw new AppError("not_found", `Unknown kind "${params.kind}": use one of ${DEFINITION_KINDS.join(", ")}.`);
  }
  const found = await findCurrentDefinition(prisma, workspaceId, params);
  if (!found) throw new AppError("not_found", `No ${kindWord(params.kind)} "${params.id}" in this workspace.`);
  return found;
}

export function isDefinitionKind(value: string): value is DefinitionKind {
  return (DEFINITION_KINDS as readonly string[]).includes(value);
}

export interface RecentVersion extends VersionSummary {
  kind: DefinitionKind;
  objectId: string;
  objectName: string;
  /** False when the object has since been deleted (pruned). */
  exists: boolean;
}

/** The workspace's latest saves, newest first (the authoring page's activity list). */
export async function listRecentVersions(
  prisma: Db,
  input: { workspaceId: string; limit?: number },
): Promise<RecentVersion[]> {
  const versions = await prisma.definitionVersion.findMany({
    where: { workspaceId: input.workspaceId, objectKind: { not: "feature" } },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: input.limit ?? 15,
    select: { ...VERSION_SELECT, definition: false, objectKind: true, objectId: true, objectName: true },
  });
  const [summaries, rows] = await Promise.all([
    withAuthorNames(prisma, versions),
    loadRowIds(prisma as unknown as Tx, input.workspaceId),
  ]);
  return versions.map((version, i) => {
    const kind = version.objectKind as DefinitionKind;
    return {
      ...summaries[i]!,
      kind,
      objectId: version.objectId,
      objectName: version.objectName,
      exists: [...rows.ids[kind].values()].includes(version.objectId),
    };
  });
}

/** Every version of one object, newest first. */
export async function listVersions(
  prisma: Db,
  input: { workspaceId: string; kind: DefinitionKind; objectId: string },
): Promise<VersionSummary[]> {
  const versions = await prisma.definitionVersion.findMany({
    where: { workspaceId: input.workspaceId, objectKind: input.kind, objectId: input.objectId },
    orderBy: { number: "desc" },
    select: { ...VERSION_SELECT, definition: false },
  });
  return withAuthorNames(prisma, versions);
}

/** Which version each environment runs, for an object's history. */
export async function listActivePins(
  prisma: Db,
  input: { workspaceId: string; kind: DefinitionKind; objectId: string },
): Promise<Array<{ environment: string; versionId: string; activatedAt: Date }>> {
  const environments = await prisma.environment.findMany({
    where: { workspaceId: input.workspaceId },
    select: { id: true, name: true },
    orderBy: { position: "asc" },
  });
  const pins = await prisma.activeVersion.findMany({
    where: {
      objectKind: input.kind,
      objectId: input.objectId,
      environmentId: { in: environments.map((environment) => environment.id) },
    },
    select: { environmentId: true, versionId: true, activatedAt: true },
  });
  return environments.flatMap((environment) => {
    const pin = pins.find((candidate) => candidate.environmentId === environment.id);
    return pin ? [{ environment: environment.name, versionId: pin.versionId, activatedAt: pin.activatedAt }] : [];
  });
}

export async function getVersion(
  prisma: Db,
  input: { workspaceId: string; kind: DefinitionKind; objectId: string; number: number },
): Promise<VersionDetail | null> {
  const version = await prisma.definitionVersion.findFirst({
    where: {
      workspaceId: input.workspaceId,
      objectKind: input.kind,
      objectId: input.objectId,
      number: input.number,
    },
    select: VERSION_SELECT,
  });
  if (!version) return null;
  const [summary] = await withAuthorNames(prisma, [version]);
  return { ...summary!, definition: canonicalDefinition(input.kind, version.definition) as AnyDefinition };
}

export interface VersionDiff {
  from: VersionDetail;
  to: VersionDetail;
  changes: FieldChange[];
}

export async function diffVersions(
  prisma: Db,
  input: { workspaceId: string; kind: DefinitionKind; objectId: string; from: number; to: number },
): Promise<VersionDiff> {
  const [from, to] = await Promise.all([
    getVersion(prisma, { ...input, number: input.from }),
    getVersion(prisma, { ...input, number: input.to }),
  ]);
  if (!from) throw new AppError("not_found", `Version ${input.from} does not exist.`);
  if (!to) throw new AppError("not_found", `Version ${input.to} does not exist.`);
  return { from, to, changes: diffDefinitions(from.definition, to.definition) };
}
