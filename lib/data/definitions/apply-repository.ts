import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { deleteDefinitionRows, loadRowIds, type Tx } from "@/lib/data/definition-rows";
import { writeDefinitionsInBulk } from "@/lib/data/definition-rows-bulk";
import { deferSearchRefresh, flushSearchRefresh } from "@/lib/data/search-refresh";
import type { Db } from "@/lib/db";
import { planRepository, type CurrentDefinitions, type FieldChange } from "@/lib/definitions/diff";
import {
  DEFINITION_KINDS,
  DOCUMENT_KEYS,
  type AnyDefinition,
  type DataSourceDefinition,
  type DefinitionKind,
  type FeatureViewDefinition,
  type RepositoryDocument,
} from "@/lib/definitions/schema";
import { validateRepository } from "@/lib/definitions/validate";
import type { FieldError } from "@/lib/errors";
import { findObjectsActiveBeyondDev, pruneRefusedError, type ActiveBeyondDev } from "./active-beyond-dev";
import { brokenDependents, emptyState, existingNamesOf, loadState, teamErrors } from "./registry-state";
import { BULK_TX_OPTIONS } from "./types";
import {
  appendVersions,
  firstEnvironmentId,
  lockWorkspace,
  toField,
  validationError,
  type VersionToAppend,
} from "./versioning";

/*
 * Plan and apply of repository documents (definitions as code): one transaction under the
 * workspace lock, validated against the registry as it will be after the apply.
 */

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
  /**
   * What the prune would remove but may not: objects active beyond dev (staging, prod). A plan
   * lists them; an apply with any is refused whole (409).
   */
  pruneRefused: ActiveBeyondDev[];
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
  /** Told where a long apply is (a background job shows it); must not wait on the database. */
  onProgress?: ApplyProgressReporter;
}

export type ApplyProgressReporter = (progress: { phase: string; done?: number; total?: number }) => void;

export async function applyRepository(prisma: Db, input: ApplyRepositoryInput, actor: Actor): Promise<ApplyResult> {
  return prisma.$transaction((tx) => applyInTransaction(tx, input, actor, "definition.apply"), BULK_TX_OPTIONS);
}

export async function applyInTransaction(
  tx: Tx,
  input: ApplyRepositoryInput,
  actor: Actor,
  action: string,
): Promise<ApplyResult> {
  const { workspaceId, onProgress } = input;
  const document: RepositoryDocument = { ...input.document, prune: input.prune ?? input.document.prune };
  await lockWorkspace(tx, workspaceId);
  onProgress?.({ phase: "planning" });
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
  const plan = planRepository(document, current, (kind, name) => state[kind].get(name)?.version?.contentHash);

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
    // Only objects outside the document can break. None when the plan changes nothing (the
    // registry stays as it is) or when the document holds every object (a first apply):
    // comparing the whole registry twice is most of the time of either.
    ...(plan.create.length + plan.update.length + plan.delete.length === 0 ||
    DEFINITION_KINDS.every((kind) => [...after[kind].keys()].every((name) => changed.has(`${kind}:${name}`)))
      ? []
      : brokenDependents(
          state,
          after,
          changed,
          (dependentKind, name, rest) => `${DOCUMENT_KEYS[dependentKind]}[name=${name}]${rest}`,
        )),
  ];
  if (errors.length > 0) throw validationError(errors);
  const pruneRefused = await findObjectsActiveBeyondDev(
    tx,
    workspaceId,
    plan.delete.flatMap(({ kind, name }) => {
      const stored = state[kind].get(name);
      return stored ? [{ kind, name, objectId: stored.objectId }] : [];
    }),
  );

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
    pruneRefused,
    unchanged: plan.unchanged,
    warnings: issues.filter((issue) => issue.severity === "warning").map(toField),
    versions: [],
  };
  if (input.dryRun) return result;
  if (pruneRefused.length > 0) throw pruneRefusedError(pruneRefused);

  const writes = orderForWrite([...plan.create, ...plan.update]);
  const total = writes.length + plan.delete.length;
  const before: Record<string, unknown> = {};
  const devEnvironment = await firstEnvironmentId(tx, workspaceId);
  // Search documents are rebuilt once for the whole apply (below), not after every statement.
  await deferSearchRefresh(tx);
  onProgress?.({ phase: "writing", done: 0, total });
  const objectIds = await writeDefinitionsInBulk(tx, rows, writes);
  const toAppend: VersionToAppend[] = writes.map(({ kind, definition, contentHash: hash }) => {
    const stored = state[kind].get(definition.name);
    if (stored?.definition) before[`${kind}:${definition.name}`] = stored.definition;
    return {
      kind,
      objectId: objectIds.get(`${kind}:${definition.name}`)!,
      name: definition.name,
      definition,
      contentHash: hash,
      number: (stored?.version?.number ?? 0) + 1,
    };
  });
  onProgress?.({ phase: "recording versions", done: writes.length });
  const appended = await appendVersions(tx, {
    workspaceId,
    versions: toAppend,
    message: input.message?.trim() || (action === "definition.import" ? "Imported from Feast" : "Applied as code"),
    actor,
    devEnvironmentId: devEnvironment,
  });
  toAppend.forEach((version, index) => {
    result.versions.push({
      kind: version.kind,
      name: version.name,
      objectId: version.objectId,
      number: appended[index]!.number,
    });
  });
  // Deletions in sets, one kind at a time in the plan's order of kinds.
  const deletedIds = new Map<DefinitionKind, string[]>();
  for (const { kind, name } of plan.delete) {
    const stored = state[kind].get(name);
    if (!stored) continue;
    if (stored.definition) before[`${kind}:${name}`] = stored.definition;
    const ids = deletedIds.get(kind) ?? [];
    ids.push(stored.objectId);
    deletedIds.set(kind, ids);
  }
  for (const [kind, objectIds] of deletedIds) {
    await deleteDefinitionRows(tx, rows, kind, objectIds);
    if (devEnvironment) {
      await tx.activeVersion.deleteMany({
        where: { environmentId: devEnvironment, objectKind: kind, objectId: { in: objectIds } },
      });
    }
  }
  onProgress?.({ phase: "indexing for search", done: total, total });
  await flushSearchRefresh(tx, { analyze: total >= ANALYZE_FROM_OBJECTS });
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

/** From this many objects written, statistics are refreshed before the search documents (search-refresh.ts). */
const ANALYZE_FROM_OBJECTS = 200;

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
