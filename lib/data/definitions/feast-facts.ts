import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/data/definition-rows";
import type { DefinitionKind } from "@/lib/definitions/schema";
import type { FeastFacts } from "@/lib/feast/import";

/*
 * What a Feast import knows besides definitions: Feast's created / updated times per object and
 * the materialization intervals of its views (freshness history). Written in bulk, one
 * statement per table, idempotently: importing the same registry again changes nothing.
 */

export async function writeFeastFacts(
  tx: Tx,
  input: {
    workspaceId: string;
    /** Every object the registry holds (data sources have no Feast times, but are Feast's too). */
    objects: Array<{ kind: DefinitionKind; name: string }>;
    facts: FeastFacts;
    /** Where the materializations ran, as Featureline sees it (the environment imported into). */
    environmentId: string | null;
    viewIds: Map<string, string>;
  },
): Promise<{ materializations: number }> {
  const { workspaceId, facts, environmentId, viewIds } = input;
  const times = new Map(facts.timestamps.map((entry) => [`${entry.kind}:${entry.name}`, entry]));
  const objects = input.objects.map((object) => ({ ...object, ...times.get(`${object.kind}:${object.name}`) }));
  if (objects.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO external_object_meta (workspace_id, object_kind, object_name, system, created_at, updated_at)
       SELECT $1, u.kind, u.name, 'feast', u.created_at::timestamp(3), u.updated_at::timestamp(3)
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(kind, name, created_at, updated_at)
       ON CONFLICT (workspace_id, object_kind, object_name) DO UPDATE SET
         created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, removed_at = NULL
       WHERE external_object_meta.created_at IS DISTINCT FROM EXCLUDED.created_at
          OR external_object_meta.updated_at IS DISTINCT FROM EXCLUDED.updated_at
          OR external_object_meta.removed_at IS NOT NULL`,
      workspaceId,
      objects.map((entry) => entry.kind),
      objects.map((entry) => entry.name),
      objects.map((entry) => entry.createdAt ?? null),
      objects.map((entry) => entry.updatedAt ?? null),
    );
  }
  const runs = facts.materializations.flatMap((run) => {
    const viewId = viewIds.get(run.view);
    return viewId ? [{ ...run, viewId }] : [];
  });
  if (runs.length === 0 || !environmentId) return { materializations: 0 };
  // Feast records the event-time range each materialization loaded: its end is the watermark.
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO materialization_run (id, workspace_id, feature_view_id, environment_id, status, started_at, ended_at, watermark)
     SELECT u.id, $1, u.view_id, $2, 'success'::"RunStatus", u.started_at::timestamp(3), u.ended_at::timestamp(3),
            u.ended_at::timestamp(3)
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, view_id, started_at, ended_at)
     ON CONFLICT (feature_view_id, environment_id, started_at) DO NOTHING`,
    workspaceId,
    environmentId,
    runs.map(() => randomUUID()),
    runs.map((run) => run.viewId),
    runs.map((run) => run.startAt),
    runs.map((run) => run.endAt),
  );
  return { materializations: Number(inserted) };
}

/** Marks objects that left the registry (a sync); their rows and versions stay. */
export async function markFeastRemoved(
  tx: Tx,
  workspaceId: string,
  removed: Array<{ kind: DefinitionKind; name: string }>,
): Promise<void> {
  if (removed.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO external_object_meta (workspace_id, object_kind, object_name, system, removed_at)
     SELECT $1, u.kind, u.name, 'feast', now() FROM unnest($2::text[], $3::text[]) AS u(kind, name)
     ON CONFLICT (workspace_id, object_kind, object_name) DO UPDATE SET removed_at = now()`,
    workspaceId,
    removed.map((entry) => entry.kind),
    removed.map((entry) => entry.name),
  );
}

/** Names of the objects a workspace has from Feast and that are not marked removed, per kind. */
export async function feastObjectNames(
  tx: Tx,
  workspaceId: string,
): Promise<Array<{ kind: DefinitionKind; name: string }>> {
  const rows = await tx.$queryRaw<Array<{ kind: string; name: string }>>`
    SELECT object_kind AS kind, object_name AS name FROM external_object_meta
     WHERE workspace_id = ${workspaceId} AND system = 'feast' AND removed_at IS NULL`;
  return rows.map((row) => ({ kind: row.kind as DefinitionKind, name: row.name }));
}
