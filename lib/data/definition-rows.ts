import "server-only";
import type {
  AnyDefinition,
  DataSourceDefinition,
  DefinitionKind,
  EntityDefinition,
  FeatureServiceDefinition,
  FeatureViewDefinition,
  ModelDefinition,
  SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  writeDataSource,
  writeEntity,
  writeFeatureService,
  writeModel,
  writeSavedDataset,
} from "@/lib/data/definition-row-writers";
import { writeFeatureView } from "@/lib/data/feature-view-rows";

/*
 * Writes one definition into the registry rows that hold the dev head (data_source + columns,
 * feature_view + sources/entities/inputs/aggregations/features ...). Child rows that other
 * tables point at (columns, features) are matched by name and updated in place, so their ids,
 * and the stars, comments, profiles and lineage attached to them, survive an edit.
 * References are by name; callers write in dependency order and keep `ids` current.
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

/** Creates or updates the rows of one definition; returns the object's id. */
export async function writeDefinitionRows(
  tx: Tx,
  context: RowWriteContext,
  kind: DefinitionKind,
  definition: AnyDefinition,
): Promise<string> {
  let id: string;
  switch (kind) {
    case "data_source":
      id = await writeDataSource(tx, context, definition as DataSourceDefinition);
      break;
    case "entity":
      id = await writeEntity(tx, context, definition as EntityDefinition);
      break;
    case "feature_view":
      id = await writeFeatureView(tx, context, definition as FeatureViewDefinition);
      break;
    case "feature_service":
      id = await writeFeatureService(tx, context, definition as FeatureServiceDefinition);
      break;
    case "model":
      id = await writeModel(tx, context, definition as ModelDefinition);
      break;
    case "saved_dataset":
      id = await writeSavedDataset(tx, context, definition as SavedDatasetDefinition);
      break;
  }
  context.ids[kind].set(definition.name, id);
  return id;
}

/** Deletes an object's rows and the references to it that have no foreign key. */
export async function deleteDefinitionRows(
  tx: Tx,
  context: RowWriteContext,
  kind: DefinitionKind,
  objectId: string,
): Promise<void> {
  const where = { id: objectId, workspaceId: context.workspaceId };
  switch (kind) {
    case "data_source":
      await tx.featureViewSource.deleteMany({ where: { dataSourceId: objectId } });
      await tx.dataSource.updateMany({ where: { batchSourceId: objectId }, data: { batchSourceId: null } });
      await tx.dataSource.deleteMany({ where });
      break;
    case "entity":
      await tx.entity.deleteMany({ where });
      break;
    case "feature_view":
      await tx.featureView.deleteMany({ where });
      break;
    case "feature_service":
      await tx.savedDataset.updateMany({ where: { featureServiceId: objectId }, data: { featureServiceId: null } });
      await tx.featureService.deleteMany({ where });
      break;
    case "model":
      await tx.model.deleteMany({ where });
      break;
    case "saved_dataset":
      await tx.model.updateMany({ where: { trainingDatasetId: objectId }, data: { trainingDatasetId: null } });
      await tx.savedDataset.deleteMany({ where });
      break;
  }
  for (const [name, id] of context.ids[kind]) if (id === objectId) context.ids[kind].delete(name);
}
