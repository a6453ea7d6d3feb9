import { latest, type DemoCatalog, type DemoObject } from "@/lib/demo/catalog";
import { parseDuration } from "@/lib/duration";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId, type SeedCounts } from "@/lib/demo/ids";

export interface RegistryObjectIds {
  sourceIds: Map<string, string>;
  entityIds: Map<string, string>;
  viewIds: Map<string, string>;
  featureIds: Map<string, string>;
  serviceIds: Map<string, string>;
  datasetIds: Map<string, string>;
  modelIds: Map<string, string>;
}

/** Writes the registry objects of the demo catalog (sources to models) and returns their ids by name. */
export async function writeRegistryObjects(
  tx: Prisma.TransactionClient,
  catalog: DemoCatalog,
  context: { workspaceId: string; teamId: (slug: string | undefined) => string | null; counts: SeedCounts },
): Promise<RegistryObjectIds> {
  const { workspaceId, teamId, counts } = context;
  // ---- data sources and columns
  const sourceIds = new Map(catalog.dataSources.map((object) => [object.name, newId()]));
  const columnIds = new Map<string, string>();
  const columnRows: Prisma.DataSourceColumnCreateManyInput[] = [];
  await tx.dataSource.createMany({
    data: catalog.dataSources.map((object) => {
      const source = latest(object);
      source.columns.forEach((column, position) => {
        const id = newId();
        columnIds.set(`${source.name}.${column.name}`, id);
        columnRows.push({
          id,
          dataSourceId: sourceIds.get(source.name)!,
          name: column.name,
          type: column.type,
          description: column.description,
          position,
        });
      });
      return {
        id: sourceIds.get(source.name)!,
        workspaceId,
        name: source.name,
        kind: source.kind,
        platform: source.platform,
        location: source.location,
        eventTimestampColumn: source.eventTimestampColumn ?? null,
        batchSourceId: source.batchSource ? (sourceIds.get(source.batchSource) ?? null) : null,
        description: source.description,
        owner: source.owner,
        teamId: teamId(source.team),
        tags: source.tags,
        options: source.options as Prisma.InputJsonValue,
        ...timestamps(object),
      };
    }),
  });
  await tx.dataSourceColumn.createMany({ data: columnRows });
  counts.dataSources = catalog.dataSources.length;

  // ---- entities
  const entityIds = new Map(catalog.entities.map((object) => [object.name, newId()]));
  await tx.entity.createMany({
    data: catalog.entities.map((object) => {
      const entity = latest(object);
      return {
        id: entityIds.get(entity.name)!,
        workspaceId,
        name: entity.name,
        description: entity.description,
        owner: entity.owner,
        teamId: teamId(entity.team),
        tags: entity.tags,
        ...timestamps(object),
      };
    }),
  });
  await tx.entityJoinKey.createMany({
    data: catalog.entities.flatMap((object) =>
      latest(object).joinKeys.map((key, position) => ({
        id: newId(),
        entityId: entityIds.get(object.name)!,
        name: key.name,
        valueType: key.valueType,
        position,
      })),
    ),
  });
  counts.entities = catalog.entities.length;

  // ---- feature views, their links, aggregations and features
  const viewIds = new Map(catalog.featureViews.map((object) => [object.name, newId()]));
  const featureIds = new Map<string, string>();
  const featureRows: Prisma.FeatureCreateManyInput[] = [];
  const lineageRows: Prisma.FeatureSourceColumnCreateManyInput[] = [];
  const aggregationRows: Prisma.AggregationCreateManyInput[] = [];
  const viewSourceRows: Prisma.FeatureViewSourceCreateManyInput[] = [];
  const viewEntityRows: Prisma.FeatureViewEntityCreateManyInput[] = [];
  const viewInputRows: Prisma.FeatureViewInputCreateManyInput[] = [];
  const viewRows = catalog.featureViews.map((object) => {
    const view = latest(object);
    const viewId = viewIds.get(view.name)!;
    const times = timestamps(object);
    for (const source of view.sources)
      viewSourceRows.push({ featureViewId: viewId, dataSourceId: sourceIds.get(source)! });
    for (const entity of view.entities)
      viewEntityRows.push({ featureViewId: viewId, entityId: entityIds.get(entity)! });
    for (const input of view.inputs)
      viewInputRows.push({ featureViewId: viewId, inputFeatureViewId: viewIds.get(input)! });
    view.aggregations.forEach((aggregation, position) =>
      aggregationRows.push({
        id: newId(),
        featureViewId: viewId,
        function: aggregation.function,
        column: aggregation.column,
        windows: aggregation.windows,
        slideInterval: aggregation.slideInterval ?? null,
        position,
      }),
    );
    view.features.forEach((feature, position) => {
      const id = newId();
      featureIds.set(`${view.name}:${feature.name}`, id);
      featureRows.push({
        id,
        workspaceId,
        featureViewId: viewId,
        name: feature.name,
        valueType: feature.valueType,
        description: feature.description,
        owner: view.owner,
        tags: feature.tags,
        position,
        ...times,
      });
      for (const ref of feature.sourceColumns) {
        const columnId = columnIds.get(ref);
        if (!columnId) throw new Error(`Feature ${view.name}:${feature.name} names unknown source column ${ref}`);
        lineageRows.push({ featureId: id, columnId });
      }
    });
    return {
      id: viewId,
      workspaceId,
      name: view.name,
      kind: view.kind,
      description: view.description,
      owner: view.owner,
      teamId: teamId(view.team),
      tags: view.tags,
      transformation: view.transformation?.code ?? "",
      transformationLanguage: view.transformation?.language ?? "sql",
      schedule: view.schedule ?? null,
      scheduleSeconds: view.schedule ? parseDuration(view.schedule) : null,
      ttlSeconds: view.ttl ? parseDuration(view.ttl) : null,
      slideInterval: view.slideInterval ?? null,
      slideIntervalSeconds: view.slideInterval ? parseDuration(view.slideInterval) : null,
      freshnessSlaSeconds: view.freshnessSla ? parseDuration(view.freshnessSla) : null,
      online: view.online,
      offline: view.offline,
      ...times,
    };
  });
  await tx.featureView.createMany({ data: viewRows });
  await tx.featureViewSource.createMany({ data: viewSourceRows });
  await tx.featureViewEntity.createMany({ data: viewEntityRows });
  await tx.featureViewInput.createMany({ data: viewInputRows });
  await tx.aggregation.createMany({ data: aggregationRows });
  await tx.feature.createMany({ data: featureRows });
  await tx.featureSourceColumn.createMany({ data: lineageRows, skipDuplicates: true });
  counts.featureViews = catalog.featureViews.length;
  counts.features = featureRows.length;

  // ---- services, datasets, models
  const serviceIds = new Map(catalog.featureServices.map((object) => [object.name, newId()]));
  await tx.featureService.createMany({
    data: catalog.featureServices.map((object) => {
      const service = latest(object);
      return {
        id: serviceIds.get(service.name)!,
        workspaceId,
        name: service.name,
        description: service.description,
        owner: service.owner,
        teamId: teamId(service.team),
        tags: service.tags,
        latencyBudgetMs: service.latencyBudgetMs,
        ...timestamps(object),
      };
    }),
  });
  await tx.featureServiceFeature.createMany({
    data: catalog.featureServices.flatMap((object) =>
      latest(object).features.map((ref) => {
        const featureId = featureIds.get(ref);
        if (!featureId) throw new Error(`Feature service ${object.name} references unknown feature ${ref}`);
        return { featureServiceId: serviceIds.get(object.name)!, featureId };
      }),
    ),
  });
  counts.featureServices = catalog.featureServices.length;

  const datasetIds = new Map(catalog.savedDatasets.map((object) => [object.name, newId()]));
  await tx.savedDataset.createMany({
    data: catalog.savedDatasets.map((object) => {
      const dataset = latest(object);
      const details = catalog.savedDatasetDetails[dataset.name]!;
      return {
        id: datasetIds.get(dataset.name)!,
        workspaceId,
        name: dataset.name,
        description: dataset.description,
        owner: dataset.owner,
        teamId: teamId(dataset.team),
        tags: dataset.tags,
        storage: dataset.storage,
        featureServiceId: dataset.featureService ? (serviceIds.get(dataset.featureService) ?? null) : null,
        featureRefs: dataset.features,
        rowCount: BigInt(details.rowCount),
        startAt: details.startAt,
        endAt: details.endAt,
        ...timestamps(object),
      };
    }),
  });
  counts.savedDatasets = catalog.savedDatasets.length;

  const modelIds = new Map(catalog.models.map((object) => [object.name, newId()]));
  await tx.model.createMany({
    data: catalog.models.map((object) => {
      const model = latest(object);
      return {
        id: modelIds.get(model.name)!,
        workspaceId,
        name: model.name,
        version: model.version,
        description: model.description,
        owner: model.owner,
        teamId: teamId(model.team),
        tags: model.tags,
        endpoint: model.endpoint,
        trainingDatasetId: model.trainingDataset ? (datasetIds.get(model.trainingDataset) ?? null) : null,
        ...timestamps(object),
      };
    }),
  });
  await tx.modelFeatureService.createMany({
    data: catalog.models.flatMap((object) =>
      latest(object).featureServices.map((service) => ({
        modelId: modelIds.get(object.name)!,
        featureServiceId: serviceIds.get(service)!,
      })),
    ),
  });
  counts.models = catalog.models.length;

  return { sourceIds, entityIds, viewIds, featureIds, serviceIds, datasetIds, modelIds };
}

function timestamps(object: DemoObject<unknown>): { createdAt: Date; updatedAt: Date } {
  return {
    createdAt: object.versions[0]!.createdAt,
    updatedAt: object.versions[object.versions.length - 1]!.createdAt,
  };
}
