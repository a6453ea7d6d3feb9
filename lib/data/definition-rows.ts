import "server-only";
import type { AnyDefinition, DefinitionKind } from "@/lib/definitions/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeDefinitionsInBulk } from "./definition-rows-bulk";

/*
 * The registry rows that hold the dev head (data_source + columns, feature_view +
 * sources/entities/inputs/aggregations/features ...): the ids by name a write resolves
 * references with, writing one definition (definition-rows-bulk.ts writes many in sets) and
 * deleting one. References are by name; callers keep `ids` current.
 */

export type Tx = Prisma.TransactionClient;

export interface RowWriteContext {
  workspaceId: string;
  /** Team slug -> id. */
  teamIds: ReadonlyMap<string, string>;
  /** Name -> id of every registry object per kind; updated as objects are written. */
  ids: Record<DefinitionKind, Map<string, string>>;
}

export async function loadRowIds(tx: Tx, workspaceId: string): Promise<RowWriteContext> {
  const where = { workspaceId };
  const select = { id: true, name: true } as const;
  const [sources, entities, views, services, models, datasets, teams] = await Promise.all([
    tx.dataSource.findMany({ where, select }),
    tx.entity.findMany({ where, select }),
    tx.featureView.findMany({ where, select }),
    tx.featureService.findMany({ where, select }),
    tx.model.findMany({ where, select }),
    tx.savedDataset.findMany({ where, select }),
    tx.team.findMany({ where, select: { id: true, slug: true } }),
  ]);
  const byName = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((row) => [row.name, row.id]));
  return {
    workspaceId,
    teamIds: new Map(teams.map((team) => [team.slug, team.id])),
    ids: {
      data_source: byName(sources),
      entity: byName(entities),
      feature_view: byName(views),
      feature_service: byName(services),
      model: byName(models),
      saved_dataset: byName(datasets),
    },
  };
}

/** Creates or updates the rows of one definition (a batch of one); returns the object's id. */
export async function writeDefinitionRows(
  tx: Tx,
  context: RowWriteContext,
  kind: DefinitionKind,
  definition: AnyDefinition,
): Promise<string> {
  const ids = await writeDefinitionsInBulk(tx, context, [{ kind, definition }]);
  return ids.get(`${kind}:${definition.name}`)!;
}

/** Deletes objects' rows (of one kind) and the references to them that have no foreign key: a few statements for any number. */
export async function deleteDefinitionRows(
  tx: Tx,
  context: RowWriteContext,
  kind: DefinitionKind,
  objectIds: readonly string[],
): Promise<void> {
  if (objectIds.length === 0) return;
  const ids = [...objectIds];
  const where = { id: { in: ids }, workspaceId: context.workspaceId };
  switch (kind) {
    case "data_source":
      await tx.featureViewSource.deleteMany({ where: { dataSourceId: { in: ids } } });
      await tx.dataSource.updateMany({ where: { batchSourceId: { in: ids } }, data: { batchSourceId: null } });
      await tx.dataSource.deleteMany({ where });
      break;
    case "entity":
      await tx.entity.deleteMany({ where });
      break;
    case "feature_view":
      await tx.featureView.deleteMany({ where });
      break;
    case "feature_service":
      await tx.savedDataset.updateMany({ where: { featureServiceId: { in: ids } }, data: { featureServiceId: null } });
      await tx.featureService.deleteMany({ where });
      break;
    case "model":
      await tx.model.deleteMany({ where });
      break;
    case "saved_dataset":
      await tx.model.updateMany({ where: { trainingDatasetId: { in: ids } }, data: { trainingDatasetId: null } });
      await tx.savedDataset.deleteMany({ where });
      break;
  }
  const removed = new Set(ids);
  for (const [name, id] of context.ids[kind]) if (removed.has(id)) context.ids[kind].delete(name);
}
