import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Tx } from "@/lib/data/definition-rows";
import { DEFAULT_ENVIRONMENTS } from "@/lib/data/workspaces";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import type { RegistryState } from "./types";

/*
 * The environment a Feast registry runs in, as Featureline sees it. An import always writes the
 * registry head and dev (like any apply); in a later environment (staging, prod) it may only
 * fill what is empty: an object with no active version there becomes active with the imported
 * version, one that is active there with other content keeps it until a promotion changes it.
 * So nothing active in staging or prod changes without a promotion.
 */

export interface ImportEnvironment {
  /** Null for a workspace an import plans to create (a dry run): it has no rows yet. */
  id: string | null;
  name: string;
  /** The first environment (dev): the apply itself makes the objects active there. */
  isFirst: boolean;
}

export interface EnvironmentOutcome {
  /** Objects that become active in the target environment (they had no active version there). */
  activated: Array<{ kind: DefinitionKind; name: string }>;
  /** Objects active there with other content: they keep that version until a promotion. */
  awaitingPromotion: Array<{ kind: DefinitionKind; name: string; activeVersion: number }>;
}

/** The named environment of the workspace (default: the first one); 422 naming the choices otherwise. */
export async function resolveImportEnvironment(
  tx: Tx,
  workspaceId: string,
  name: string | undefined,
): Promise<ImportEnvironment> {
  const environments = workspaceId
    ? await tx.environment.findMany({
        where: { workspaceId },
        orderBy: { position: "asc" },
        select: { id: true, name: true },
      })
    : DEFAULT_ENVIRONMENTS.map((environment) => ({ id: null, name: environment.name }));
  const chosen = name === undefined ? environments[0] : environments.find((candidate) => candidate.name === name);
  if (!chosen) {
    const names = environments.map((environment) => environment.name).join(", ");
    throw new AppError(
      "unprocessable",
      `environment: no environment "${name ?? ""}" in this workspace (it has ${names || "none"})`,
      { fields: [{ path: "environment", message: `Expected one of ${names || "(none)"}` }] },
    );
  }
  return { id: chosen.id, name: chosen.name, isFirst: chosen === environments[0] };
}

/**
 * Makes imported objects active in a later environment where nothing of theirs is active yet.
 * `planned` is the registry as it is after the import (or, for a dry run, as it will be).
 */
export async function activateInEnvironment(
  tx: Tx,
  input: {
    workspaceId: string;
    environment: ImportEnvironment;
    objects: Array<{ kind: DefinitionKind; name: string }>;
    planned: Map<string, { objectId: string | null; versionId: string | null; contentHash: string }>;
    dryRun: boolean;
    actor: Actor;
  },
): Promise<EnvironmentOutcome> {
  const outcome: EnvironmentOutcome = { activated: [], awaitingPromotion: [] };
  const { environment } = input;
  if (environment.isFirst) return outcome;
  const objectIds = [...input.planned.values()].flatMap((entry) => (entry.objectId ? [entry.objectId] : []));
  const active =
    environment.id && objectIds.length > 0
      ? await tx.activeVersion.findMany({
          where: { environmentId: environment.id, objectId: { in: objectIds } },
          select: { objectKind: true, objectId: true, versionId: true },
        })
      : [];
  const versions = active.length
    ? await tx.definitionVersion.findMany({
        where: { id: { in: active.map((row) => row.versionId) } },
        select: { id: true, number: true, contentHash: true },
      })
    : [];
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const activeByKey = new Map(
    active.flatMap((row) => {
      const version = versionById.get(row.versionId);
      return version ? [[`${row.objectKind}:${row.objectId}`, version] as const] : [];
    }),
  );
  const toCreate: Array<{ objectKind: DefinitionKind; objectId: string; versionId: string }> = [];
  for (const { kind, name } of input.objects) {
    const planned = input.planned.get(`${kind}:${name}`);
    if (!planned) continue;
    const current = planned.objectId ? activeByKey.get(`${kind}:${planned.objectId}`) : undefined;
    if (!current) {
      outcome.activated.push({ kind, name });
      if (planned.objectId && planned.versionId) {
        toCreate.push({ objectKind: kind, objectId: planned.objectId, versionId: planned.versionId });
      }
    } else if (current.contentHash !== planned.contentHash) {
      outcome.awaitingPromotion.push({ kind, name, activeVersion: current.number });
    }
  }
  if (!input.dryRun && environment.id && toCreate.length > 0) {
    await tx.activeVersion.createMany({
      data: toCreate.map((row) => ({
        ...row,
        environmentId: environment.id!,
        activatedById: input.actor.userId ?? null,
      })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "feast.activate",
      after: { environment: environment.name, objects: outcome.activated.map(({ kind, name }) => `${kind}:${name}`) },
    });
  }
  return outcome;
}

/** What each imported object's head is (after an apply) or will be (a plan), by "kind:name". */
export function plannedHeads(
  state: RegistryState,
  changes: Array<{ kind: DefinitionKind; name: string; contentHash: string }>,
): Map<string, { objectId: string | null; versionId: string | null; contentHash: string }> {
  const heads = new Map<string, { objectId: string | null; versionId: string | null; contentHash: string }>();
  for (const [kind, objects] of Object.entries(state) as Array<[DefinitionKind, RegistryState[DefinitionKind]]>) {
    for (const [name, object] of objects) {
      if (object.version) {
        heads.set(`${kind}:${name}`, {
          objectId: object.objectId,
          versionId: object.version.id,
          contentHash: object.version.contentHash,
        });
      }
    }
  }
  for (const change of changes) {
    const key = `${change.kind}:${change.name}`;
    heads.set(key, { objectId: heads.get(key)?.objectId ?? null, versionId: null, contentHash: change.contentHash });
  }
  return heads;
}
