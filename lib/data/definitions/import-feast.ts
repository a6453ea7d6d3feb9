import "server-only";
import type { Actor } from "@/lib/data/audit";
import { loadRowIds, type Tx } from "@/lib/data/definition-rows";
import type { Db } from "@/lib/db";
import type { FieldChange } from "@/lib/definitions/diff";
import {
  DOCUMENT_KEYS,
  type DefinitionKind,
  type DocumentKey,
  type FeatureViewDefinition,
} from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { feastDumpShapeErrors } from "@/lib/feast/dump-shape";
import { feastDumpToRepository, type ImportSkip, type ImportWarning } from "@/lib/feast/import";
import { readFeastRegistry } from "@/lib/feast/registry-proto";
import { applyInTransaction, type ApplyProgressReporter } from "./apply-repository";
import {
  activateInEnvironment,
  plannedHeads,
  resolveImportEnvironment,
  type EnvironmentOutcome,
} from "./feast-environment";
import { feastObjectNames, markFeastRemoved, writeFeastFacts } from "./feast-facts";
import { loadState } from "./registry-state";
import { BULK_TX_OPTIONS } from "./types";
import { firstEnvironmentId, lockWorkspace, validationError } from "./versioning";

/*
 * The Feast import: a registry.db or a `feast registry-dump` JSON, checked for structure first
 * (422 naming every wrong path, nothing written), mapped by the one mapper, applied like
 * definitions as code (versions, dev pins, audit) in one transaction, plus Feast's times and
 * materialization history. It never deletes: with `markRemoved` (a sync), objects that left
 * the registry are marked removed and stop running in dev, their rows and versions stay, and
 * staging / prod keep what was promoted. Choosing staging or prod as where the registry runs
 * only fills what is empty there (feast-environment.ts).
 */

/** A large registry is written in one transaction: give it longer than an interactive save. */
export const FEAST_TX_OPTIONS = BULK_TX_OPTIONS;

export interface FeastImportSummary {
  project?: string;
  dryRun: boolean;
  created: Array<{ kind: DefinitionKind; name: string }>;
  updated: Array<{ kind: DefinitionKind; name: string; changes: FieldChange[] }>;
  /** Objects no longer in the registry (only a sync looks for them). */
  removed: Array<{ kind: DefinitionKind; name: string }>;
  unchanged: number;
  skipped: ImportSkip[];
  warnings: ImportWarning[];
  /** Materialization runs added to the freshness history. */
  materializations: number;
  /** Where the Feast registry runs: the environment the objects become active in. */
  environment: string;
  /** Objects that become active in a later environment (staging, prod) that had nothing of theirs. */
  activated: EnvironmentOutcome["activated"];
  /** Objects active there with other content: they keep it until a promotion. */
  awaitingPromotion: EnvironmentOutcome["awaitingPromotion"];
}

export interface FeastImportInput {
  workspaceId: string;
  /** A `feast registry-dump` JSON (already parsed) ... */
  dump?: unknown;
  /** ... or the bytes of a registry.db. */
  registry?: Uint8Array;
  /** The Feast project to read from a registry.db holding several. */
  project?: string;
  dryRun?: boolean;
  /** The environment the Feast registry runs in (its name); default the first one, dev. */
  environment?: string;
  /** Look for objects imported before that left the registry (a sync). */
  markRemoved?: boolean;
  message?: string;
  onProgress?: ApplyProgressReporter;
}

/** The registry as dump JSON, whichever form it came in; a clear 422 when it is neither. */
export function feastDumpOf(input: Pick<FeastImportInput, "dump" | "registry" | "project">): unknown {
  if (input.registry === undefined) return input.dump;
  const read = readFeastRegistry(input.registry, input.project);
  if (!read.ok) {
    throw new AppError("unprocessable", read.message, {
      fields: [
        {
          path: read.reason === "choose_project" || read.reason === "unknown_project" ? "project" : "body",
          message: read.message,
        },
      ],
      details: { reason: read.reason, projects: read.projects ?? [] },
    });
  }
  return read.dump;
}

export async function importFeastRegistry(
  prisma: Db,
  input: FeastImportInput,
  actor: Actor,
): Promise<FeastImportSummary> {
  const dump = feastDumpOf(input);
  const shapeErrors = feastDumpShapeErrors(dump);
  if (shapeErrors.length > 0) throw validationError(shapeErrors);
  return prisma.$transaction((tx) => importFeastInTransaction(tx, { ...input, dump }, actor), FEAST_TX_OPTIONS);
}

export async function importFeastInTransaction(
  tx: Tx,
  input: FeastImportInput & { dump: unknown },
  actor: Actor,
): Promise<FeastImportSummary> {
  const { workspaceId } = input;
  // Mapping reads what was imported before (to keep a feature whose type became unknown), so it
  // runs under the lock the apply takes too.
  await lockWorkspace(tx, workspaceId);
  const environment = await resolveImportEnvironment(tx, workspaceId, input.environment);
  const before = await loadState(tx, workspaceId);
  const { document, report, facts } = feastDumpToRepository(input.dump, {
    previousValueType: (view, feature) =>
      (before.feature_view.get(view)?.definition as FeatureViewDefinition | null | undefined)?.features.find(
        (candidate) => candidate.name === feature,
      )?.valueType,
  });
  const result = await applyInTransaction(
    tx,
    {
      workspaceId,
      document,
      prune: false,
      dryRun: input.dryRun,
      message: input.message,
      onProgress: input.onProgress,
    },
    actor,
    "definition.import",
  );

  const imported = (Object.entries(DOCUMENT_KEYS) as Array<[DefinitionKind, DocumentKey]>).flatMap(([kind, key]) =>
    (document[key] as Array<{ name: string }>).map((object) => ({ kind, name: object.name })),
  );
  const importedKeys = new Set(imported.map((object) => `${object.kind}:${object.name}`));
  const removed = input.markRemoved
    ? (await feastObjectNames(tx, workspaceId)).filter(
        (object) => !importedKeys.has(`${object.kind}:${object.name}`) && before[object.kind].has(object.name),
      )
    : [];

  const outcome = environment.isFirst
    ? { activated: [], awaitingPromotion: [] }
    : await activateInEnvironment(tx, {
        workspaceId,
        environment,
        objects: imported,
        // A plan compares with the heads the import would write; an apply with those it wrote.
        planned: input.dryRun
          ? plannedHeads(before, [...result.create, ...result.update])
          : plannedHeads(await loadState(tx, workspaceId), []),
        dryRun: input.dryRun ?? false,
        actor,
      });

  let materializations = 0;
  if (!input.dryRun) {
    input.onProgress?.({ phase: "materialization history" });
    const rows = await loadRowIds(tx, workspaceId);
    const devEnvironment = await firstEnvironmentId(tx, workspaceId);
    ({ materializations } = await writeFeastFacts(tx, {
      workspaceId,
      objects: imported,
      facts,
      environmentId: environment.id,
      viewIds: rows.ids.feature_view,
    }));
    if (removed.length > 0) {
      await markFeastRemoved(tx, workspaceId, removed);
      // Removed objects stop running in dev; staging and prod change only through a promotion.
      if (devEnvironment) {
        const pins = removed.flatMap(({ kind, name }) => {
          const objectId = rows.ids[kind].get(name);
          return objectId ? [{ kind, objectId }] : [];
        });
        await tx.$executeRaw`
          DELETE FROM active_version av
          USING unnest(${pins.map((pin) => pin.kind)}::text[], ${pins.map((pin) => pin.objectId)}::text[]) AS p(kind, id)
          WHERE av.environment_id = ${devEnvironment} AND av.object_kind::text = p.kind AND av.object_id = p.id`;
      }
    }
  } else {
    materializations = facts.materializations.length;
  }

  return {
    ...(report.project ? { project: report.project } : {}),
    dryRun: input.dryRun ?? false,
    created: result.create.map(({ kind, name }) => ({ kind, name })),
    updated: result.update.map(({ kind, name, changes }) => ({ kind, name, changes })),
    removed,
    unchanged: result.unchanged,
    skipped: report.skipped,
    warnings: [
      ...report.warnings,
      ...result.warnings.map((warning) => ({ kind: "validation", name: warning.path, message: warning.message })),
    ],
    materializations,
    environment: environment.name,
    ...outcome,
  };
}
