import type {
  DataSourceDefinition,
  EntityDefinition,
  FeatureServiceDefinition,
  FeatureViewDefinition,
  ModelDefinition,
  SavedDatasetDefinition,
} from "@/lib/definitions/schema";
import { buildLineageGraph } from "@/lib/lineage/build";
import { impactOf } from "@/lib/lineage/traverse";
import { nodeId, type LineageGraph, type RegistryRows } from "@/lib/lineage/types";
import { parsedDefinition, type DefinitionRef } from "@/lib/promotions/checks";

/*
 * Lineage of one environment, built from the definitions active there (not from the registry
 * rows, which hold the dev head), so "who sees this change in prod" is answered from prod.
 * Definitions reference each other by name; columns and features get ids derived from their
 * owner's object id.
 */

const childId = (ownerId: string, name: string) => `${ownerId}.${name}`;

export function registryRowsOf(definitions: readonly DefinitionRef[]): RegistryRows {
  type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer Row> ? Row[] : never };
  const rows: Mutable<RegistryRows> = {
    dataSources: [],
    dataSourceColumns: [],
    entities: [],
    featureViews: [],
    featureViewSources: [],
    featureViewEntities: [],
    featureViewInputs: [],
    features: [],
    featureSourceColumns: [],
    featureServices: [],
    featureServiceFeatures: [],
    models: [],
    modelFeatureServices: [],
    savedDatasets: [],
  };
  const ids = new Map<string, string>();
  for (const ref of definitions) ids.set(`${ref.kind}:${ref.name}`, ref.objectId);
  const idOf = (kind: string, name: string) => ids.get(`${kind}:${name}`);
  const parse = <T>(ref: DefinitionRef) => parsedDefinition(ref) as T;

  for (const ref of definitions) {
    if (ref.kind === "data_source") {
      const source = parse<DataSourceDefinition>(ref);
      rows.dataSources.push({
        id: ref.objectId,
        name: ref.name,
        kind: source.kind ?? "batch",
        owner: source.owner,
        teamId: source.team,
        batchSourceId: source.batchSource ? idOf("data_source", source.batchSource) : null,
      });
      (source.columns ?? []).forEach((column, position) =>
        rows.dataSourceColumns.push({
          id: childId(ref.objectId, column.name),
          dataSourceId: ref.objectId,
          name: column.name,
          position,
        }),
      );
    } else if (ref.kind === "entity") {
      const entity = parse<EntityDefinition>(ref);
      rows.entities.push({ id: ref.objectId, name: ref.name, owner: entity.owner, teamId: entity.team });
    } else if (ref.kind === "feature_view") {
      const view = parse<FeatureViewDefinition>(ref);
      rows.featureViews.push({
        id: ref.objectId,
        name: ref.name,
        kind: view.kind ?? "batch",
        owner: view.owner,
        teamId: view.team,
      });
      for (const name of view.sources ?? []) {
        const id = idOf("data_source", name);
        if (id) rows.featureViewSources.push({ featureViewId: ref.objectId, dataSourceId: id });
      }
      for (const name of view.entities ?? []) {
        const id = idOf("entity", name);
        if (id) rows.featureViewEntities.push({ featureViewId: ref.objectId, entityId: id });
      }
      for (const name of view.inputs ?? []) {
        const id = idOf("feature_view", name);
        if (id) rows.featureViewInputs.push({ featureViewId: ref.objectId, inputFeatureViewId: id });
      }
      (view.features ?? []).forEach((feature, position) => {
        const featureId = childId(ref.objectId, feature.name);
        rows.features.push({ id: featureId, featureViewId: ref.objectId, name: feature.name, position });
        for (const column of feature.sourceColumns ?? []) {
          const dot = column.indexOf(".");
          const sourceId = idOf("data_source", column.slice(0, dot));
          if (sourceId)
            rows.featureSourceColumns.push({ featureId, columnId: childId(sourceId, column.slice(dot + 1)) });
        }
      });
    } else if (ref.kind === "feature_service") {
      const service = parse<FeatureServiceDefinition>(ref);
      rows.featureServices.push({ id: ref.objectId, name: ref.name, owner: service.owner, teamId: service.team });
      for (const text of service.features ?? []) {
        const [viewName, featureName] = text.split(":");
        const viewId = viewName ? idOf("feature_view", viewName) : undefined;
        if (viewId && featureName) {
          rows.featureServiceFeatures.push({ featureServiceId: ref.objectId, featureId: childId(viewId, featureName) });
        }
      }
    } else if (ref.kind === "model") {
      const model = parse<ModelDefinition>(ref);
      rows.models.push({
        id: ref.objectId,
        name: ref.name,
        owner: model.owner,
        teamId: model.team,
        trainingDatasetId: model.trainingDataset ? idOf("saved_dataset", model.trainingDataset) : null,
      });
      for (const name of model.featureServices ?? []) {
        const id = idOf("feature_service", name);
        if (id) rows.modelFeatureServices.push({ modelId: ref.objectId, featureServiceId: id });
      }
    } else if (ref.kind === "saved_dataset") {
      const dataset = parse<SavedDatasetDefinition>(ref);
      rows.savedDatasets.push({ id: ref.objectId, name: ref.name, owner: dataset.owner, teamId: dataset.team });
    }
  }
  return rows;
}

export interface ImpactEntry {
  kind: "feature_view" | "feature_service" | "model";
  objectId: string;
  name: string;
  owner?: string;
}

export interface ItemImpact {
  kind: string;
  objectId: string;
  name: string;
  /** Downstream views, services and models in the target (features are left out: the diff shows them). */
  impacted: ImpactEntry[];
}

/**
 * Who sees each requested object's change in the target. An object already active there is
 * traced in the target as it is now (its current consumers); a new one in the target as it
 * will be.
 */
export function impactInTarget(
  items: readonly DefinitionRef[],
  before: readonly DefinitionRef[],
  after: readonly DefinitionRef[],
): ItemImpact[] {
  let beforeGraph: LineageGraph | null = null;
  let afterGraph: LineageGraph | null = null;
  const activeBefore = new Set(before.map((ref) => `${ref.kind}:${ref.objectId}`));
  return items.map((item) => {
    const existed = activeBefore.has(`${item.kind}:${item.objectId}`);
    const graph = existed
      ? (beforeGraph ??= buildLineageGraph(registryRowsOf(before)))
      : (afterGraph ??= buildLineageGraph(registryRowsOf(after)));
    const impact = impactOf(graph, nodeId(item.kind, item.objectId));
    const impacted: ImpactEntry[] = [];
    for (const entry of impact?.items ?? []) {
      if (entry.kind === "feature") continue;
      impacted.push({
        kind: entry.kind,
        objectId: entry.objectId,
        name: entry.name,
        ...(entry.owner ? { owner: entry.owner } : {}),
      });
    }
    return { kind: item.kind, objectId: item.objectId, name: item.name, impacted };
  });
}
