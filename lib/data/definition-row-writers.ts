import "server-only";
import type {
  DataSourceDefinition,
  EntityDefinition,
  FeatureServiceDefinition,
  ModelDefinition,
  SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import { NO_EXPIRY_TTL } from "@/lib/definitions/schema";
import { parseDuration } from "@/lib/duration";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RowWriteContext, Tx } from "@/lib/data/definition-rows";

/* The rows of data sources, entities, feature services, models and saved datasets (see definition-rows.ts). */

export function commonFields(
  context: RowWriteContext,
  definition: { description: string; owner: string; team?: string; tags: string[] },
) {
  return {
    description: definition.description,
    owner: definition.owner,
    teamId: definition.team === undefined ? null : (context.teamIds.get(definition.team) ?? null),
    tags: definition.tags,
  };
}

export function seconds(text: string | undefined): number | null {
  // "0s" (no expiry) is stored as 0, apart from a TTL that was never set (null).
  if (text === NO_EXPIRY_TTL) return 0;
  return text === undefined ? null : parseDuration(text);
}

export async function writeDataSource(
  tx: Tx,
  context: RowWriteContext,
  definition: DataSourceDefinition,
): Promise<string> {
  const data = {
    kind: definition.kind,
    platform: definition.platform,
    location: definition.location,
    eventTimestampColumn: definition.eventTimestampColumn ?? null,
    batchSourceId:
      definition.batchSource === undefined ? null : (context.ids.data_source.get(definition.batchSource) ?? null),
    options: definition.options as Prisma.InputJsonValue,
    ...commonFields(context, definition),
  };
  const existing = context.ids.data_source.get(definition.name);
  const id = existing
    ? (await tx.dataSource.update({ where: { id: existing }, data, select: { id: true } })).id
    : (
        await tx.dataSource.create({
          data: { ...data, workspaceId: context.workspaceId, name: definition.name },
          select: { id: true },
        })
      ).id;

  // Columns keep their ids (feature-level lineage points at them).
  const stored = await tx.dataSourceColumn.findMany({ where: { dataSourceId: id }, select: { id: true, name: true } });
  const storedByName = new Map(stored.map((column) => [column.name, column.id]));
  const wanted = new Set(definition.columns.map((column) => column.name));
  await tx.dataSourceColumn.deleteMany({ where: { dataSourceId: id, name: { notIn: [...wanted] } } });
  for (const [position, column] of definition.columns.entries()) {
    const columnData = { type: column.type, description: column.description, position };
    const columnId = storedByName.get(column.name);
    if (columnId) await tx.dataSourceColumn.update({ where: { id: columnId }, data: columnData });
    else await tx.dataSourceColumn.create({ data: { ...columnData, dataSourceId: id, name: column.name } });
  }
  return id;
}

export async function writeEntity(tx: Tx, context: RowWriteContext, definition: EntityDefinition): Promise<string> {
  const data = commonFields(context, definition);
  const existing = context.ids.entity.get(definition.name);
  const id = existing
    ? (await tx.entity.update({ where: { id: existing }, data, select: { id: true } })).id
    : (
        await tx.entity.create({
          data: { ...data, workspaceId: context.workspaceId, name: definition.name },
          select: { id: true },
        })
      ).id;
  await tx.entityJoinKey.deleteMany({ where: { entityId: id } });
  await tx.entityJoinKey.createMany({
    data: definition.joinKeys.map((joinKey, position) => ({
      entityId: id,
      name: joinKey.name,
      valueType: joinKey.valueType,
      position,
    })),
  });
  return id;
}

export async function writeFeatureService(
  tx: Tx,
  context: RowWriteContext,
  definition: FeatureServiceDefinition,
): Promise<string> {
  const data = { latencyBudgetMs: definition.latencyBudgetMs, ...commonFields(context, definition) };
  const existing = context.ids.feature_service.get(definition.name);
  const id = existing
    ? (await tx.featureService.update({ where: { id: existing }, data, select: { id: true } })).id
    : (
        await tx.featureService.create({
          data: { ...data, workspaceId: context.workspaceId, name: definition.name },
          select: { id: true },
        })
      ).id;
  const featureIds = await resolveFeatureRefs(tx, context.workspaceId, definition.features);
  await tx.featureServiceFeature.deleteMany({ where: { featureServiceId: id } });
  await tx.featureServiceFeature.createMany({
    data: featureIds.map((featureId) => ({ featureServiceId: id, featureId })),
  });
  return id;
}

async function resolveFeatureRefs(tx: Tx, workspaceId: string, refs: string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const viewNames = [...new Set(refs.map((ref) => ref.split(":")[0]!))];
  const features = await tx.feature.findMany({
    where: { workspaceId, featureView: { workspaceId, name: { in: viewNames } } },
    select: { id: true, name: true, featureView: { select: { name: true } } },
  });
  const byRef = new Map(features.map((feature) => [`${feature.featureView.name}:${feature.name}`, feature.id]));
  return [...new Set(refs)].flatMap((ref) => {
    const id = byRef.get(ref);
    return id ? [id] : [];
  });
}

export async function writeModel(tx: Tx, context: RowWriteContext, definition: ModelDefinition): Promise<string> {
  const data = {
    version: definition.version,
    endpoint: definition.endpoint,
    trainingDatasetId:
      definition.trainingDataset === undefined
        ? null
        : (context.ids.saved_dataset.get(definition.trainingDataset) ?? null),
    ...commonFields(context, definition),
  };
  const existing = context.ids.model.get(definition.name);
  const id = existing
    ? (await tx.model.update({ where: { id: existing }, data, select: { id: true } })).id
    : (
        await tx.model.create({
          data: { ...data, workspaceId: context.workspaceId, name: definition.name },
          select: { id: true },
        })
      ).id;
  const serviceIds = [...new Set(definition.featureServices)].flatMap((name) => {
    const found = context.ids.feature_service.get(name);
    return found ? [found] : [];
  });
  await tx.modelFeatureService.deleteMany({ where: { modelId: id } });
  await tx.modelFeatureService.createMany({
    data: serviceIds.map((featureServiceId) => ({ modelId: id, featureServiceId })),
  });
  return id;
}

export async function writeSavedDataset(
  tx: Tx,
  context: RowWriteContext,
  definition: SavedDatasetDefinition,
): Promise<string> {
  const data = {
    storage: definition.storage,
    featureServiceId:
      definition.featureService === undefined
        ? null
        : (context.ids.feature_service.get(definition.featureService) ?? null),
    featureRefs: definition.features,
    joinKeys: definition.joinKeys ?? [],
    startAt: definition.startAt ? new Date(definition.startAt) : null,
    endAt: definition.endAt ? new Date(definition.endAt) : null,
    ...commonFields(context, definition),
  };
  const existing = context.ids.saved_dataset.get(definition.name);
  return existing
    ? (await tx.savedDataset.update({ where: { id: existing }, data, select: { id: true } })).id
    : (
        await tx.savedDataset.create({
          data: { ...data, workspaceId: context.workspaceId, name: definition.name },
          select: { id: true },
        })
      ).id;
}
