import "server-only";
import type { Db } from "@/lib/db";
import type { NodeKind, ObjectLevelLinks, RegistryRows } from "@/lib/lineage/types";
import type { LineageLevel } from "@/lib/validations/lineage";
import { DATASET_FEATURES } from "./edges";
import type { IdsByKind } from "./walk";

/**
 * Registry rows for buildLineageGraph: the given objects (or the whole workspace when `ids`
 * is omitted) and the links between them. At object level no column or feature rows are
 * loaded; view -> service links come pre-folded, and a view reading a source only through
 * feature source columns still gets its source link.
 */
export async function loadRegistryRows(
  prisma: Db,
  options: { workspaceId: string; level: LineageLevel; ids?: IdsByKind },
): Promise<RegistryRows & ObjectLevelLinks> {
  const { workspaceId, level, ids } = options;
  const isColumnLevel = level === "column";
  const scope = (kind: NodeKind) => (ids ? { id: { in: ids[kind] ?? [] } } : {});
  const has = (kind: NodeKind) => !ids || (ids[kind]?.length ?? 0) > 0;
  const none = Promise.resolve([]);
  const ownerFields = { id: true, name: true, owner: true, teamId: true } as const;

  const [dataSources, dataSourceColumns, entities, featureViews, features, featureServices, models, savedDatasets] =
    await Promise.all([
      has("data_source")
        ? prisma.dataSource.findMany({
            where: { workspaceId, ...scope("data_source") },
            select: { ...ownerFields, kind: true, batchSourceId: true },
          })
        : none,
      isColumnLevel && has("column")
        ? prisma.dataSourceColumn.findMany({
            where: { dataSource: { workspaceId }, ...scope("column") },
            select: { id: true, dataSourceId: true, name: true, position: true },
          })
        : none,
      has("entity")
        ? prisma.entity.findMany({ where: { workspaceId, ...scope("entity") }, select: ownerFields })
        : none,
      has("feature_view")
        ? prisma.featureView.findMany({
            where: { workspaceId, ...scope("feature_view") },
            select: { ...ownerFields, kind: true },
          })
        : none,
      isColumnLevel && has("feature")
        ? prisma.feature.findMany({
            where: { workspaceId, ...scope("feature") },
            select: { id: true, featureViewId: true, name: true, owner: true, position: true },
          })
        : none,
      has("feature_service")
        ? prisma.featureService.findMany({ where: { workspaceId, ...scope("feature_service") }, select: ownerFields })
        : none,
      has("model")
        ? prisma.model.findMany({
            where: { workspaceId, ...scope("model") },
            select: { ...ownerFields, trainingDatasetId: true },
          })
        : none,
      has("saved_dataset")
        ? prisma.savedDataset.findMany({
            where: { workspaceId, ...scope("saved_dataset") },
            select: { ...ownerFields, featureServiceId: true },
          })
        : none,
    ]);

  // Links are filtered by their ends' ids; buildLineageGraph drops any link to a missing end.
  const viewIds = featureViews.map((row) => row.id);
  const sourceIds = dataSources.map((row) => row.id);
  const featureIds = features.map((row) => row.id);
  const serviceIds = featureServices.map((row) => row.id);
  const byView = ids ? { featureViewId: { in: viewIds } } : { featureView: { workspaceId } };
  const [
    featureViewSources,
    featureViewEntities,
    featureViewInputs,
    featureSourceColumns,
    featureServiceFeatures,
    modelFeatureServices,
    datasetLinks,
    folded,
  ] = await Promise.all([
    viewIds.length && sourceIds.length
      ? prisma.featureViewSource.findMany({
          where: { ...byView, ...(ids ? { dataSourceId: { in: sourceIds } } : {}) },
          select: { featureViewId: true, dataSourceId: true },
        })
      : none,
    viewIds.length && entities.length
      ? prisma.featureViewEntity.findMany({
          where: { ...byView, ...(ids ? { entityId: { in: entities.map((row) => row.id) } } : {}) },
          select: { featureViewId: true, entityId: true },
        })
      : none,
    viewIds.length > 0
      ? prisma.featureViewInput.findMany({
          where: { ...byView, ...(ids ? { inputFeatureViewId: { in: viewIds } } : {}) },
          select: { featureViewId: true, inputFeatureViewId: true },
        })
      : none,
    featureIds.length && dataSourceColumns.length
      ? prisma.featureSourceColumn.findMany({
          where: ids
            ? { featureId: { in: featureIds }, columnId: { in: dataSourceColumns.map((row) => row.id) } }
            : { feature: { workspaceId } },
          select: { featureId: true, columnId: true },
        })
      : none,
    featureIds.length && serviceIds.length
      ? prisma.featureServiceFeature.findMany({
          where: ids
            ? { featureId: { in: featureIds }, featureServiceId: { in: serviceIds } }
            : { feature: { workspaceId } },
          select: { featureServiceId: true, featureId: true },
        })
      : none,
    serviceIds.length && models.length
      ? prisma.modelFeatureService.findMany({
          where: ids
            ? { featureServiceId: { in: serviceIds }, modelId: { in: models.map((row) => row.id) } }
            : { model: { workspaceId } },
          select: { modelId: true, featureServiceId: true },
        })
      : none,
    savedDatasets.length && (isColumnLevel ? featureIds.length : viewIds.length)
      ? loadSavedDatasetLinks(prisma, {
          workspaceId,
          datasetIds: savedDatasets.map((row) => row.id),
          endIds: isColumnLevel ? featureIds : viewIds,
          isColumnLevel,
          isWhole: !ids,
        })
      : none,
    isColumnLevel
      ? Promise.resolve(null)
      : loadFoldedLinks(prisma, { workspaceId, viewIds, sourceIds, serviceIds, isWhole: !ids }),
  ]);

  const viewSources = [...featureViewSources];
  if (folded) {
    const direct = new Set(viewSources.map((row) => `${row.featureViewId}|${row.dataSourceId}`));
    for (const row of folded.viewSources) {
      if (!direct.has(`${row.featureViewId}|${row.dataSourceId}`)) viewSources.push(row);
    }
  }
  return {
    dataSources,
    dataSourceColumns,
    entities,
    featureViews,
    featureViewSources: viewSources,
    featureViewEntities,
    featureViewInputs,
    features,
    featureSourceColumns,
    featureServices,
    featureServiceFeatures,
    featureViewServices: folded?.viewServices ?? [],
    models,
    modelFeatureServices,
    savedDatasets,
    savedDatasetFeatures: isColumnLevel
      ? datasetLinks.map((row) => ({ savedDatasetId: row.savedDatasetId, featureId: row.endId }))
      : [],
    featureViewSavedDatasets: isColumnLevel
      ? []
      : datasetLinks.map((row) => ({ savedDatasetId: row.savedDatasetId, featureViewId: row.endId })),
  };
}

/**
 * Saved dataset -> the features its references name (column level) or their views (object
 * level), resolved by name as the lineage walk does (DATASET_FEATURES).
 */
async function loadSavedDatasetLinks(
  prisma: Db,
  options: { workspaceId: string; datasetIds: string[]; endIds: string[]; isColumnLevel: boolean; isWhole: boolean },
): Promise<Array<{ savedDatasetId: string; endId: string }>> {
  const end = options.isColumnLevel ? "f.id" : "f.feature_view_id";
  return prisma.$queryRawUnsafe<Array<{ savedDatasetId: string; endId: string }>>(
    `SELECT DISTINCT d.id AS "savedDatasetId", ${end} AS "endId" FROM ${DATASET_FEATURES}
      WHERE d.workspace_id = $1 AND ($2::boolean OR (d.id = ANY($3::text[]) AND ${end} = ANY($4::text[])))`,
    options.workspaceId,
    options.isWhole,
    options.datasetIds,
    options.endIds,
  );
}

/** Object-level links that go through features: view -> service, and source -> view via columns. */
async function loadFoldedLinks(
  prisma: Db,
  options: { workspaceId: string; viewIds: string[]; sourceIds: string[]; serviceIds: string[]; isWhole: boolean },
) {
  const { workspaceId, viewIds, sourceIds, serviceIds, isWhole } = options;
  const filter = (column: string, param: string) => (isWhole ? "" : ` AND ${column} = ANY(${param}::text[])`);
  const [viewServices, viewSources] = await Promise.all([
    viewIds.length && serviceIds.length
      ? prisma.$queryRawUnsafe<{ featureViewId: string; featureServiceId: string }[]>(
          `SELECT DISTINCT f.feature_view_id AS "featureViewId", x.feature_service_id AS "featureServiceId"
             FROM feature f JOIN feature_service_feature x ON x.feature_id = f.id
            WHERE f.workspace_id = $1${filter("f.feature_view_id", "$2")}${filter("x.feature_service_id", "$3")}
              AND $2::text[] IS NOT NULL AND $3::text[] IS NOT NULL`,
          workspaceId,
          isWhole ? [] : viewIds,
          isWhole ? [] : serviceIds,
        )
      : [],
    viewIds.length && sourceIds.length
      ? prisma.$queryRawUnsafe<{ featureViewId: string; dataSourceId: string }[]>(
          `SELECT DISTINCT f.feature_view_id AS "featureViewId", c.data_source_id AS "dataSourceId"
             FROM feature f JOIN feature_source_column x ON x.feature_id = f.id
             JOIN data_source_column c ON c.id = x.column_id
            WHERE f.workspace_id = $1${filter("f.feature_view_id", "$2")}${filter("c.data_source_id", "$3")}
              AND $2::text[] IS NOT NULL AND $3::text[] IS NOT NULL`,
          workspaceId,
          isWhole ? [] : viewIds,
          isWhole ? [] : sourceIds,
        )
      : [],
  ]);
  return { viewServices, viewSources };
}
