import "server-only";
import { findObjectRow } from "@/lib/data/object-rows";
import {
  deleteDefinitionRows,
  loadRowIds,
  writeDefinitionRows,
  type RowWriteContext,
  type Tx,
} from "@/lib/data/definition-rows";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { contentHash } from "@/lib/definitions/canonical";
import {
  canonicalDefinition,
  diffDefinitions,
  planRepository,
  type CurrentDefinitions,
  type FieldChange,
} from "@/lib/definitions/diff";
import {
  DEFINITION_KINDS,
  DOCUMENT_KEYS,
  definitionSchemas,
  formatZodIssues,
  repositoryDocumentSchema,
  type AnyDefinition,
  type DataSourceDefinition,
  type DefinitionKind,
  type EntityDefinition,
  type FeatureViewDefinition,
  type RepositoryDocument,
} from "@/lib/definitions/schema";
import {
  validateObject,
  validateRepository,
  type ExistingNames,
  type ValidationIssue,
} from "@/lib/definitions/validate";
import { feastDumpToRepository, type ImportSkip, type ImportWarning } from "@/lib/feast/import";
import { AppError, type FieldError } from "@/lib/errors";

/*
 * Authoring: saving definitions as immutable versions, the dev head in the registry rows, plan
 * and apply of repository documents, and the Feast import. Every write runs in one transaction
 * that first takes a per-workspace advisory lock, so two saves or applies never both build on
 * the same head; everything they check is read after the lock.
 */

export interface VersionSummary {
  id: string;
  number: number;
  contentHash: string;
  createdAt: Date;
  authorId: string | null;
  authorName: string | null;
  message: string;
}

export interface VersionDetail extends VersionSummary {
  definition: AnyDefinition;
}

export interface CurrentDefinition {
  objectId: string;
  kind: DefinitionKind;
  name: string;
  version: VersionSummary;
  definition: AnyDefinition;
}

export interface SaveResult {
  status: "created" | "updated" | "unchanged";
  objectId: string;
  kind: DefinitionKind;
  name: string;
  version: VersionSummary;
  warnings: FieldError[];
}

export interface ConflictDetails {
  latestVersion: VersionSummary;
  baseVersionNumber: number;
  /** What changed from the version the author started from to the latest one. */
  changes: FieldChange[];
}

const TX_OPTIONS = { maxWait: 20_000, timeout: 60_000 } as const;

export const KIND_LABELS: Record<DefinitionKind, string> = {
  data_source: "data source",
  entity: "entity",
  feature_view: "feature view",
  feature_service: "feature service",
  saved_dataset: "saved dataset",
  model: "model",
};

// ---------------------------------------------------------------- reading

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
  if (!found) throw new AppError("not_found", `No ${KIND_LABELS[params.kind]} "${params.id}" in this workspace.`);
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

/**
 * What the registry holds, for validation as you type in the browser (validateObject is pure):
 * names per kind, "view:feature", "source.column", source kinds, entity join keys, team slugs.
 */
export interface ValidationContextData {
  names: Record<DefinitionKind, string[]>;
  features: string[];
  columns: string[];
  dataSourceKinds: Record<string, DataSourceDefinition["kind"]>;
  entityJoinKeys: Record<string, string[]>;
  teams: string[];
}

export async function getValidationContext(prisma: Db, workspaceId: string): Promise<ValidationContextData> {
  const [state, teams] = await Promise.all([
    loadState(prisma, workspaceId),
    prisma.team.findMany({ where: { workspaceId }, select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  const existing = existingNamesOf(state);
  const names = {} as Record<DefinitionKind, string[]>;
  for (const kind of DEFINITION_KINDS) names[kind] = [...state[kind].keys()].sort();
  return {
    names,
    features: [...(existing.feature ?? [])],
    columns: [...(existing.column ?? [])],
    dataSourceKinds: { ...existing.dataSourceKinds },
    entityJoinKeys: Object.fromEntries(
      Object.entries(existing.entityJoinKeys ?? {}).map(([name, keys]) => [name, [...keys]]),
    ),
    teams: teams.map((team) => team.slug),
  };
}

// ---------------------------------------------------------------- saving one object

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
    if (!byId) throw new AppError("not_found", `This ${KIND_LABELS[kind]} does not exist (any more).`);
    if (byId.name !== definition.name) {
      throw new AppError(
        "unprocessable",
        `name: Renaming is not supported; create a new ${KIND_LABELS[kind]} instead.`,
        {
          fields: [{ path: "name", message: `Renaming is not supported; create a new ${KIND_LABELS[kind]} instead` }],
        },
      );
    }
    stored = byId;
  }
  if (input.baseVersionNumber === null && stored) {
    const message = `${article(kind)} ${KIND_LABELS[kind]} named "${definition.name}" already exists`;
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
    if (!stored) throw new AppError("not_found", `This ${KIND_LABELS[kind]} does not exist (any more).`);
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

// ---------------------------------------------------------------- plan and apply

export interface PlanItem {
  kind: DefinitionKind;
  name: string;
  contentHash: string;
}

export interface ApplyResult {
  /** False for a plan (dry run). */
  applied: boolean;
  create: PlanItem[];
  update: Array<PlanItem & { changes: FieldChange[] }>;
  delete: Array<{ kind: DefinitionKind; name: string }>;
  unchanged: number;
  warnings: FieldError[];
  /** The versions an apply wrote, one per created or updated object. */
  versions: Array<{ kind: DefinitionKind; name: string; objectId: string; number: number }>;
}

export interface ApplyRepositoryInput {
  workspaceId: string;
  document: RepositoryDocument;
  /** Overrides the document's own `prune`. */
  prune?: boolean;
  dryRun?: boolean;
  message?: string;
}

export async function applyRepository(prisma: Db, input: ApplyRepositoryInput, actor: Actor): Promise<ApplyResult> {
  return prisma.$transaction((tx) => applyInTransaction(tx, input, actor, "definition.apply"), TX_OPTIONS);
}

async function applyInTransaction(
  tx: Tx,
  input: ApplyRepositoryInput,
  actor: Actor,
  action: string,
): Promise<ApplyResult> {
  const { workspaceId } = input;
  const document: RepositoryDocument = { ...input.document, prune: input.prune ?? input.document.prune };
  await lockWorkspace(tx, workspaceId);
  if (document.workspace !== undefined) {
    const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { slug: true } });
    if (workspace?.slug !== document.workspace) {
      throw validationError([
        {
          path: "workspace",
          message: `The document is for workspace "${document.workspace}", not "${workspace?.slug ?? ""}"`,
        },
      ]);
    }
  }
  const rows = await loadRowIds(tx, workspaceId);
  const state = await loadState(tx, workspaceId, rows);

  const current: CurrentDefinitions = {};
  for (const kind of DEFINITION_KINDS) {
    current[kind] = [...state[kind].values()].flatMap((object) => (object.definition ? [object.definition] : []));
  }
  const plan = planRepository(document, current);

  // The registry after the apply: with prune exactly the document, else the registry overlaid.
  const after = emptyState();
  const changed = new Set<string>();
  for (const kind of DEFINITION_KINDS) {
    if (!document.prune) for (const [name, object] of state[kind]) after[kind].set(name, object);
    for (const definition of document[DOCUMENT_KEYS[kind]] as AnyDefinition[]) {
      const stored = state[kind].get(definition.name);
      after[kind].set(definition.name, {
        kind,
        objectId: stored?.objectId ?? "",
        name: definition.name,
        version: stored?.version ?? null,
        definition,
      });
      changed.add(`${kind}:${definition.name}`);
    }
  }
  const issues = validateRepository(document, existingNamesOf(after));
  const errors = [
    ...issues.filter((issue) => issue.severity === "error").map(toField),
    ...DEFINITION_KINDS.flatMap((kind) =>
      teamErrors(document[DOCUMENT_KEYS[kind]] as AnyDefinition[], rows, (i) => `${DOCUMENT_KEYS[kind]}[${i}].team`),
    ),
    ...brokenDependents(
      state,
      after,
      changed,
      (dependentKind, name, rest) => `${DOCUMENT_KEYS[dependentKind]}[name=${name}]${rest}`,
    ),
  ];
  if (errors.length > 0) throw validationError(errors);

  const result: ApplyResult = {
    applied: !input.dryRun,
    create: plan.create.map(({ kind, name, contentHash: hash }) => ({ kind, name, contentHash: hash })),
    update: plan.update.map(({ kind, name, contentHash: hash, changes }) => ({
      kind,
      name,
      contentHash: hash,
      changes,
    })),
    delete: plan.delete,
    unchanged: plan.unchanged,
    warnings: issues.filter((issue) => issue.severity === "warning").map(toField),
    versions: [],
  };
  if (input.dryRun) return result;

  const writes = orderForWrite([...plan.create, ...plan.update]);
  const before: Record<string, unknown> = {};
  const devEnvironment = await firstEnvironmentId(tx, workspaceId);
  for (const { kind, definition, contentHash: hash } of writes) {
    const stored = state[kind].get(definition.name);
    if (stored?.definition) before[`${kind}:${definition.name}`] = stored.definition;
    const objectId = await writeDefinitionRows(tx, rows, kind, definition);
    const version = await appendVersion(tx, {
      workspaceId,
      kind,
      objectId,
      name: definition.name,
      definition,
      contentHash: hash,
      number: (stored?.version?.number ?? 0) + 1,
      message: input.message?.trim() || (action === "definition.import" ? "Imported from Feast" : "Applied as code"),
      actor,
      devEnvironmentId: devEnvironment,
    });
    result.versions.push({ kind, name: definition.name, objectId, number: version.number });
  }
  for (const { kind, name } of plan.delete) {
    const stored = state[kind].get(name);
    if (!stored) continue;
    if (stored.definition) before[`${kind}:${name}`] = stored.definition;
    await deleteDefinitionRows(tx, rows, kind, stored.objectId);
    if (devEnvironment) {
      await tx.activeVersion.deleteMany({
        where: { environmentId: devEnvironment, objectKind: kind, objectId: stored.objectId },
      });
    }
  }
  if (writes.length > 0 || plan.delete.length > 0) {
    await recordAudit(tx, {
      workspaceId,
      actor,
      action,
      before,
      after: {
        create: result.create.map(({ kind, name }) => `${kind}:${name}`),
        update: result.update.map(({ kind, name }) => `${kind}:${name}`),
        delete: result.delete.map(({ kind, name }) => `${kind}:${name}`),
        versions: result.versions,
      },
    });
  }
  return result;
}

/** Writes in dependency order: kinds in document order, backfill sources and view inputs first. */
function orderForWrite<T extends { kind: DefinitionKind; name: string; definition: AnyDefinition }>(items: T[]): T[] {
  const ordered: T[] = [];
  for (const kind of DEFINITION_KINDS) {
    const ofKind = items.filter((item) => item.kind === kind);
    const byName = new Map(ofKind.map((item) => [item.name, item]));
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (item: T) => {
      if (done.has(item.name) || visiting.has(item.name)) return;
      visiting.add(item.name);
      for (const dependency of sameKindDependencies(kind, item.definition)) {
        const other = byName.get(dependency);
        if (other) visit(other);
      }
      done.add(item.name);
      ordered.push(item);
    };
    ofKind.forEach(visit);
  }
  return ordered;
}

function sameKindDependencies(kind: DefinitionKind, definition: AnyDefinition): string[] {
  if (kind === "data_source") {
    const batchSource = (definition as DataSourceDefinition).batchSource;
    return batchSource ? [batchSource] : [];
  }
  if (kind === "feature_view") return (definition as FeatureViewDefinition).inputs;
  return [];
}

// ---------------------------------------------------------------- Feast import

export interface FeastImportSummary {
  project?: string;
  created: Array<{ kind: DefinitionKind; name: string }>;
  updated: Array<{ kind: DefinitionKind; name: string; changes: FieldChange[] }>;
  unchanged: number;
  skipped: ImportSkip[];
  warnings: ImportWarning[];
}

/** Imports a `feast registry-dump` JSON atomically; never prunes. */
export async function importFeastRegistry(
  prisma: Db,
  input: { workspaceId: string; dump: unknown; dryRun?: boolean },
  actor: Actor,
): Promise<FeastImportSummary> {
  const { document, report } = feastDumpToRepository(input.dump);
  const result = await prisma.$transaction(
    (tx) =>
      applyInTransaction(
        tx,
        { workspaceId: input.workspaceId, document, prune: false, dryRun: input.dryRun },
        actor,
        "definition.import",
      ),
    TX_OPTIONS,
  );
  return {
    ...(report.project ? { project: report.project } : {}),
    created: result.create.map(({ kind, name }) => ({ kind, name })),
    updated: result.update.map(({ kind, name, changes }) => ({ kind, name, changes })),
    unchanged: result.unchanged,
    skipped: report.skipped,
    warnings: [
      ...report.warnings,
      ...result.warnings.map((warning) => ({ kind: "validation", name: warning.path, message: warning.message })),
    ],
  };
}

// ---------------------------------------------------------------- registry state

interface VersionRow {
  id: string;
  number: number;
  contentHash: string;
  createdAt: Date;
  authorId: string | null;
  message: string;
}

interface StoredObject {
  kind: DefinitionKind;
  objectId: string;
  name: string;
  version: VersionRow | null;
  /** Canonical definition of the latest version; null for a registry row without versions. */
  definition: AnyDefinition | null;
}

type RegistryState = Record<DefinitionKind, Map<string, StoredObject>>;

const VERSION_SELECT = {
  id: true,
  number: true,
  contentHash: true,
  createdAt: true,
  authorId: true,
  message: true,
  definition: true,
} as const;

function emptyState(): RegistryState {
  const state = {} as RegistryState;
  for (const kind of DEFINITION_KINDS) state[kind] = new Map();
  return state;
}

/** A copy of the state with one object added or replaced (maps are copied, not mutated). */
function withObject(
  state: RegistryState,
  kind: DefinitionKind,
  definition: AnyDefinition,
  objectId: string,
): RegistryState {
  const copy = { ...state, [kind]: new Map(state[kind]) };
  const previous = state[kind].get(definition.name);
  copy[kind].set(definition.name, {
    kind,
    objectId: previous?.objectId ?? objectId,
    name: definition.name,
    version: previous?.version ?? null,
    definition,
  });
  return copy;
}

async function loadState(tx: Tx | Db, workspaceId: string, rowIds?: RowWriteContext): Promise<RegistryState> {
  const rows = rowIds ?? (await loadRowIds(tx as Tx, workspaceId));
  const latest = await tx.$queryRaw<Array<VersionRow & { objectKind: string; objectId: string; definition: unknown }>>`
    SELECT DISTINCT ON (object_kind, object_id)
      id, object_kind::text AS "objectKind", object_id AS "objectId", number, content_hash AS "contentHash",
      definition, message, author_id AS "authorId", created_at AS "createdAt"
    FROM definition_version
    WHERE workspace_id = ${workspaceId}
    ORDER BY object_kind, object_id, number DESC`;
  const versions = new Map(latest.map((version) => [`${version.objectKind}:${version.objectId}`, version]));
  const state = emptyState();
  for (const kind of DEFINITION_KINDS) {
    for (const [name, objectId] of rows.ids[kind]) {
      const version = versions.get(`${kind}:${objectId}`);
      const definition = version ? toDefinition(kind, version.definition) : null;
      state[kind].set(name, {
        kind,
        objectId,
        name,
        version: version
          ? {
              id: version.id,
              number: Number(version.number),
              contentHash: version.contentHash,
              createdAt: new Date(version.createdAt),
              authorId: version.authorId,
              message: version.message,
            }
          : null,
        definition,
      });
    }
  }
  return state;
}

function toDefinition(kind: DefinitionKind, stored: unknown): AnyDefinition | null {
  const value = typeof stored === "string" ? (JSON.parse(stored) as unknown) : stored;
  const parsed = definitionSchemas[kind].safeParse(value);
  return parsed.success ? (parsed.data as AnyDefinition) : null;
}

/** Names and details validation needs, from the stored definitions. */
function existingNamesOf(state: RegistryState): ExistingNames {
  const features: string[] = [];
  const columns: string[] = [];
  const dataSourceKinds: Record<string, DataSourceDefinition["kind"]> = {};
  const entityJoinKeys: Record<string, string[]> = {};
  for (const object of state.feature_view.values()) {
    const view = object.definition as FeatureViewDefinition | null;
    for (const feature of view?.features ?? []) features.push(`${object.name}:${feature.name}`);
  }
  for (const object of state.data_source.values()) {
    const source = object.definition as DataSourceDefinition | null;
    if (!source) continue;
    dataSourceKinds[object.name] = source.kind;
    for (const column of source.columns) columns.push(`${object.name}.${column.name}`);
  }
  for (const object of state.entity.values()) {
    const entity = object.definition as EntityDefinition | null;
    if (entity) entityJoinKeys[object.name] = entity.joinKeys.map((key) => key.name);
  }
  const names = {} as Record<DefinitionKind, string[]>;
  for (const kind of DEFINITION_KINDS) names[kind] = [...state[kind].keys()];
  return { ...names, feature: features, column: columns, dataSourceKinds, entityJoinKeys };
}

function documentOf(state: RegistryState): RepositoryDocument {
  const document = repositoryDocumentSchema.parse({});
  for (const kind of DEFINITION_KINDS) {
    const list = document[DOCUMENT_KEYS[kind]] as AnyDefinition[];
    for (const object of state[kind].values()) if (object.definition) list.push(object.definition);
  }
  return document;
}

const KIND_BY_DOCUMENT_KEY = new Map(
  Object.entries(DOCUMENT_KEYS).map(([kind, key]) => [key as string, kind as DefinitionKind]),
);

/**
 * Objects the change does not touch but would break (a service selecting a removed feature, a
 * view reading a pruned source): errors that appear after the change and were not there before.
 */
function brokenDependents(
  before: RegistryState,
  after: RegistryState,
  changed: Set<string>,
  pathOf: (kind: DefinitionKind, name: string, rest: string) => string,
): FieldError[] {
  const keyed = (state: RegistryState) => {
    const document = documentOf(state);
    const out = new Map<string, { kind: DefinitionKind; name: string; rest: string; message: string }>();
    for (const issue of validateRepository(document)) {
      if (issue.severity !== "error") continue;
      const match = /^(\w+)\[(\d+)\](.*)$/.exec(issue.path);
      const kind = match ? KIND_BY_DOCUMENT_KEY.get(match[1]!) : undefined;
      if (!match || !kind) continue;
      const object = (document[DOCUMENT_KEYS[kind]] as AnyDefinition[])[Number(match[2])];
      if (!object || changed.has(`${kind}:${object.name}`)) continue;
      const rest = match[3]!;
      out.set(`${kind}:${object.name}${rest}|${issue.message}`, {
        kind,
        name: object.name,
        rest,
        message: issue.message,
      });
    }
    return out;
  };
  const existing = keyed(before);
  const errors: FieldError[] = [];
  for (const [key, issue] of keyed(after)) {
    if (existing.has(key)) continue;
    errors.push({
      path: pathOf(issue.kind, issue.name, issue.rest),
      message: `This would break ${KIND_LABELS[issue.kind]} "${issue.name}": ${issue.message}`,
    });
  }
  return errors;
}

function teamErrors(
  definitions: AnyDefinition[],
  rows: RowWriteContext,
  pathOf: (index: number) => string,
): FieldError[] {
  return definitions.flatMap((definition, i) =>
    definition.team !== undefined && !rows.teamIds.has(definition.team)
      ? [{ path: pathOf(i), message: `Unknown team "${definition.team}"` }]
      : [],
  );
}

// ---------------------------------------------------------------- helpers

/** Parses a definition of one kind (defaults filled): the canonical form that is hashed. */
export function parseDefinition(kind: DefinitionKind, value: unknown): AnyDefinition {
  const parsed = definitionSchemas[kind].safeParse(value);
  if (!parsed.success) throw validationError(formatZodIssues(parsed.error));
  return parsed.data as AnyDefinition;
}

function validationError(fields: FieldError[]): AppError {
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

function toField(issue: ValidationIssue): FieldError {
  return { path: issue.path, message: issue.message };
}

function article(kind: DefinitionKind): string {
  return kind === "entity" ? "An" : "A";
}

/** Serialises definition writes per workspace (a transaction-scoped lock, released on commit). */
async function lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`featureline:definitions:${workspaceId}`}))`;
}

async function firstEnvironmentId(tx: Tx, workspaceId: string): Promise<string | null> {
  const environment = await tx.environment.findFirst({
    where: { workspaceId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return environment?.id ?? null;
}

async function appendVersion(
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

async function withAuthorNames(tx: Tx | Db, versions: VersionRow[]): Promise<VersionSummary[]> {
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
