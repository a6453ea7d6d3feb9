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
import { NO_EXPIRY_TTL } from "@/lib/definitions/schema";
import { parseDuration } from "@/lib/duration";
import type { Prisma } from "@/lib/generated/prisma/client";

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

// ---------------------------------------------------------------- per kind

function commonFields(
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

function seconds(text: string | undefined): number | null {
  // "0s" (no expiry) is stored as 0, apart from a TTL that was never set (null).
  if (text === NO_EXPIRY_TTL) return 0;
  return text === undefined ? null : parseDuration(text);
}

async function writeDataSource(tx: Tx, context: RowWriteContext, definition: DataSourceDefinition): Promise<string> {
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

async function writeEntity(tx: Tx, context: RowWriteContext, definition: EntityDefinition): Promise<string> {
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

async function writeFeatureView(tx: Tx, context: RowWriteContext, definition: FeatureViewDefinition): Promise<string> {
  const data = {
    kind: definition.kind,
    transformation: definition.transformation?.code ?? "",
    transformationLanguage: definition.transformation?.language ?? "sql",
    schedule: definition.schedule ?? null,
    scheduleSeconds: seconds(definition.schedule),
    ttlSeconds: seconds(definition.ttl),
    slideInterval: definition.slideInterval ?? null,
    slideIntervalSeconds: seconds(definition.slideInterval),
    freshnessSlaSeconds: seconds(definition.freshnessSla),
    online: definition.online,
    offline: definition.offline,
    ...commonFields(context, definition),
  };
  const existing = context.ids.feature_view.get(definition.name);
  const id = existing
    ? (await tx.featureView.update({ where: { id: existing }, data, select: { id: true } })).id
    : (
        await tx.featureView.create({
          data: { ...data, workspaceId: context.workspaceId, name: definition.name },
          select: { id: true },
        })
      ).id;

  const resolve = (kind: DefinitionKind, names: string[]) =>
    [...new Set(names)].flatMap((name) => {
      const found = context.ids[kind].get(name);
      return found ? [found] : [];
    });
  // A new view has no links to replace, and empty lists need no statement: imports write
  // thousands of views, so every round trip saved per view counts.
  if (existing) {
    await tx.featureViewSource.deleteMany({ where: { featureViewId: id } });
    await tx.featureViewEntity.deleteMany({ where: { featureViewId: id } });
    await tx.featureViewInput.deleteMany({ where: { featureViewId: id } });
    await tx.aggregation.deleteMany({ where: { featureViewId: id } });
  }
  const sourceIds = resolve("data_source", definition.sources);
  if (sourceIds.length) {
    await tx.featureViewSource.createMany({
      data: sourceIds.map((dataSourceId) => ({ featureViewId: id, dataSourceId })),
    });
  }
  const entityIds = resolve("entity", definition.entities);
  if (entityIds.length) {
    await tx.featureViewEntity.createMany({ data: entityIds.map((entityId) => ({ featureViewId: id, entityId })) });
  }
  const inputIds = resolve("feature_view", definition.inputs);
  if (inputIds.length) {
    await tx.featureViewInput.createMany({
      data: inputIds.map((inputFeatureViewId) => ({ featureViewId: id, inputFeatureViewId })),
    });
  }
  if (definition.aggregations.length) {
    await tx.aggregation.createMany({
      data: definition.aggregations.map((aggregation, position) => ({
        featureViewId: id,
        function: aggregation.function,
        column: aggregation.column,
        windows: aggregation.windows,
        slideInterval: aggregation.slideInterval ?? null,
        position,
      })),
    });
  }

  // Features keep their ids by name: stars, comments, profiles and service links stay attached.
  const stored = existing
    ? await tx.feature.findMany({ where: { featureViewId: id }, select: { id: true, name: true } })
    : [];
  const storedByName = new Map(stored.map((feature) => [feature.name, feature.id]));
  const wanted = new Set(definition.features.map((feature) => feature.name));
  if (existing) await tx.feature.deleteMany({ where: { featureViewId: id, name: { notIn: [...wanted] } } });

  const referencedSources = [
    ...new Set(definition.features.flatMap((feature) => feature.sourceColumns.map((ref) => ref.split(".")[0]!))),
  ];
  const columns = referencedSources.length
    ? await tx.dataSourceColumn.findMany({
        where: { dataSource: { workspaceId: context.workspaceId, name: { in: referencedSources } } },
        select: { id: true, name: true, dataSource: { select: { name: true } } },
      })
    : [];
  const columnIds = new Map(columns.map((column) => [`${column.dataSource.name}.${column.name}`, column.id]));

  // New features in one statement (with their ids back), then their lineage in one more.
  const newFeatures = definition.features.flatMap((feature, position) =>
    storedByName.has(feature.name)
      ? []
      : [
          {
            workspaceId: context.workspaceId,
            featureViewId: id,
            name: feature.name,
            valueType: feature.valueType,
            description: feature.description,
            owner: definition.owner,
            tags: feature.tags,
            position,
          },
        ],
  );
  const created = newFeatures.length
    ? await tx.feature.createManyAndReturn({ data: newFeatures, select: { id: true, name: true } })
    : [];
  const createdByName = new Map(created.map((feature) => [feature.name, feature.id]));
  const createdLineage = definition.features.flatMap((feature) => {
    const featureId = createdByName.get(feature.name);
    if (!featureId) return [];
    return [...new Set(feature.sourceColumns)].flatMap((ref) => {
      const columnId = columnIds.get(ref);
      return columnId ? [{ featureId, columnId }] : [];
    });
  });
  if (createdLineage.length) await tx.featureSourceColumn.createMany({ data: createdLineage });

  for (const [position, feature] of definition.features.entries()) {
    if (createdByName.has(feature.name)) continue;
    const featureData = {
      valueType: feature.valueType,
      description: feature.description,
      owner: definition.owner,
      tags: feature.tags,
      position,
    };
    let featureId = storedByName.get(feature.name);
    if (featureId) {
      await tx.feature.update({ where: { id: featureId }, data: featureData });
      await tx.featureSourceColumn.deleteMany({ where: { featureId } });
    } else {
      featureId = (
        await tx.feature.create({
          data: { ...featureData, workspaceId: context.workspaceId, featureViewId: id, name: feature.name },
          select: { id: true },
        })
      ).id;
    }
    const lineage = [...new Set(feature.sourceColumns)].flatMap((ref) => {
      const columnId = columnIds.get(ref);
      return columnId ? [{ featureId: featureId!, columnId }] : [];
    });
    if (lineage.length) await tx.featureSourceColumn.createMany({ data: lineage });
  }
  return id;
}

async function writeFeatureService(
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

async function writeModel(tx: Tx, context: RowWriteContext, definition: ModelDefinition): Promise<string> {
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

async function writeSavedDataset(
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
