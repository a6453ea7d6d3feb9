import "server-only";
import type { DefinitionKind, FeatureViewDefinition } from "@/lib/definitions/schema";
import type { RowWriteContext, Tx } from "@/lib/data/definition-rows";
import { commonFields, seconds } from "@/lib/data/definition-row-writers";

/* The rows of a feature view: sources, entities, inputs, aggregations and features matched by name. */

export async function writeFeatureView(
  tx: Tx,
  context: RowWriteContext,
  definition: FeatureViewDefinition,
): Promise<string> {
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
