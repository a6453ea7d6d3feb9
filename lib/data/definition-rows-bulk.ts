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
import { DEFINITION_KINDS } from "@/lib/definitions/schema";
import {
  TIMESTAMP,
  commonValues,
  deleteWhere,
  insertRows,
  matchChildren,
  newRowId,
  resolve,
  selectRows,
  storedIds,
  updateRows,
  upsertObjects,
  type Batch,
  type Column,
} from "./bulk-rows";
import { writeFeatureViews, type Rows } from "./definition-rows-bulk-views";
import type { RowWriteContext, Tx } from "./definition-rows";

/*
 * Writes many definitions into the registry rows in sets: per kind one statement creates the
 * new objects and one updates the stored ones, and each kind of child row (columns, join keys,
 * links, aggregations, features, lineage) takes one delete, one update and one insert for the
 * whole batch, whatever its size. Rows travel as one JSON parameter (jsonb_to_recordset), so
 * there is no bind-parameter limit to chunk around beyond memory.
 * Ids of new objects and child rows are made here, before anything is written, so references
 * between objects of the same batch resolve without a round trip. Child rows that other tables
 * point at (columns, features) are matched by name and updated in place: their ids, and the
 * stars, comments, profiles and lineage attached to them, survive an edit.
 */

export interface DefinitionToWrite {
  kind: DefinitionKind;
  definition: AnyDefinition;
}

/**
 * Creates or updates the rows of every definition (in dependency order: kinds in
 * DEFINITION_KINDS order); returns each object's id by `kind:name` and keeps `context.ids`
 * current. `onWritten` is told how many objects are done after each kind.
 */
export async function writeDefinitionsInBulk(
  tx: Tx,
  context: RowWriteContext,
  items: DefinitionToWrite[],
  onWritten?: (done: number) => void,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const created = new Set<string>();
  for (const { kind, definition } of items) {
    let id = context.ids[kind].get(definition.name);
    if (!id) {
      id = newRowId();
      created.add(id);
      context.ids[kind].set(definition.name, id);
    }
    ids.set(`${kind}:${definition.name}`, id);
  }
  const batch: Batch = { tx, context, created, now: new Date().toISOString() };
  let done = 0;
  for (const kind of DEFINITION_KINDS) {
    const ofKind = items.filter((item) => item.kind === kind);
    if (ofKind.length === 0) continue;
    const rows = ofKind.map(({ definition }) => ({ id: context.ids[kind].get(definition.name)!, definition }));
    await WRITERS[kind](batch, rows as never);
    done += ofKind.length;
    onWritten?.(done);
  }
  return ids;
}

const WRITERS: { [K in DefinitionKind]: (batch: Batch, rows: Rows<AnyDefinition>) => Promise<void> } = {
  data_source: (batch, rows) => writeDataSources(batch, rows as Rows<DataSourceDefinition>),
  entity: (batch, rows) => writeEntities(batch, rows as Rows<EntityDefinition>),
  feature_view: (batch, rows) => writeFeatureViews(batch, rows as Rows<FeatureViewDefinition>),
  feature_service: (batch, rows) => writeFeatureServices(batch, rows as Rows<FeatureServiceDefinition>),
  saved_dataset: (batch, rows) => writeSavedDatasets(batch, rows as Rows<SavedDatasetDefinition>),
  model: (batch, rows) => writeModels(batch, rows as Rows<ModelDefinition>),
};

// ---------------------------------------------------------------- per kind

async function writeDataSources(batch: Batch, rows: Rows<DataSourceDefinition>): Promise<void> {
  const { context, tx } = batch;
  await upsertObjects(
    batch,
    "data_source",
    [
      ["kind", "text", '"DataSourceKind"'],
      ["platform", "text"],
      ["location", "text"],
      ["event_timestamp_column", "text"],
      ["batch_source_id", "text"],
      ["options", "jsonb"],
    ],
    rows.map(({ id, definition }) => ({
      id,
      values: {
        ...commonValues(context, definition),
        kind: definition.kind,
        platform: definition.platform,
        location: definition.location,
        event_timestamp_column: definition.eventTimestampColumn ?? null,
        batch_source_id:
          definition.batchSource === undefined ? null : (context.ids.data_source.get(definition.batchSource) ?? null),
        options: definition.options,
      },
    })),
  );
  // Columns keep their ids (feature-level lineage points at them).
  const wanted = rows.flatMap(({ id, definition }) =>
    definition.columns.map((column, position) => ({
      parentId: id,
      name: column.name,
      type: column.type,
      description: column.description,
      position,
    })),
  );
  const columns = await matchChildren(batch, "data_source_column", "data_source_id", storedIds(batch, rows), wanted);
  await deleteWhere(tx, "data_source_column", "id", columns.remove);
  const shape: Column[] = [
    ["id", "text"],
    ["type", "text"],
    ["description", "text"],
    ["position", "int"],
  ];
  await updateRows(tx, "data_source_column", shape, columns.keep);
  await insertRows(
    tx,
    "data_source_column",
    [...shape, ["data_source_id", "text"], ["name", "text"]],
    columns.add.map((row) => ({ ...row, data_source_id: row.parentId })),
  );
}

async function writeEntities(batch: Batch, rows: Rows<EntityDefinition>): Promise<void> {
  const { context, tx } = batch;
  await upsertObjects(
    batch,
    "entity",
    [],
    rows.map(({ id, definition }) => ({ id, values: commonValues(context, definition) })),
  );
  await deleteWhere(tx, "entity_join_key", "entity_id", storedIds(batch, rows));
  await insertRows(
    tx,
    "entity_join_key",
    [
      ["id", "text"],
      ["entity_id", "text"],
      ["name", "text"],
      ["value_type", "text"],
      ["position", "int"],
    ],
    rows.flatMap(({ id, definition }) =>
      definition.joinKeys.map((joinKey, position) => ({
        id: newRowId(),
        entity_id: id,
        name: joinKey.name,
        value_type: joinKey.valueType,
        position,
      })),
    ),
  );
}

async function writeFeatureServices(batch: Batch, rows: Rows<FeatureServiceDefinition>): Promise<void> {
  const { context, tx } = batch;
  await upsertObjects(
    batch,
    "feature_service",
    [["latency_budget_ms", "int"]],
    rows.map(({ id, definition }) => ({
      id,
      values: { ...commonValues(context, definition), latency_budget_ms: definition.latencyBudgetMs },
    })),
  );
  const refs = [...new Set(rows.flatMap(({ definition }) => definition.features))];
  const viewNames = [...new Set(refs.map((ref) => ref.split(":")[0]!))];
  const features = viewNames.length
    ? await selectRows<{ id: string; ref: string }>(
        tx,
        `SELECT f.id, fv.name || ':' || f.name AS ref FROM feature f
         JOIN feature_view fv ON fv.id = f.feature_view_id
         WHERE fv.workspace_id = $1 AND f.workspace_id = $1 AND fv.name = ANY ($2::text[])`,
        context.workspaceId,
        viewNames,
      )
    : [];
  const featureIds = new Map(features.map((feature) => [feature.ref, feature.id]));
  await deleteWhere(tx, "feature_service_feature", "feature_service_id", storedIds(batch, rows));
  await insertRows(
    tx,
    "feature_service_feature",
    [
      ["feature_service_id", "text"],
      ["feature_id", "text"],
    ],
    rows.flatMap(({ id, definition }) =>
      [...new Set(definition.features)].flatMap((ref) => {
        const featureId = featureIds.get(ref);
        return featureId ? [{ feature_service_id: id, feature_id: featureId }] : [];
      }),
    ),
  );
}

async function writeSavedDatasets(batch: Batch, rows: Rows<SavedDatasetDefinition>): Promise<void> {
  const { context } = batch;
  await upsertObjects(
    batch,
    "saved_dataset",
    [
      ["storage", "text"],
      ["feature_service_id", "text"],
      ["feature_refs", "text[]"],
      ["join_keys", "text[]"],
      ["start_at", TIMESTAMP],
      ["end_at", TIMESTAMP],
    ],
    rows.map(({ id, definition }) => ({
      id,
      values: {
        ...commonValues(context, definition),
        storage: definition.storage,
        feature_service_id:
          definition.featureService === undefined
            ? null
            : (context.ids.feature_service.get(definition.featureService) ?? null),
        feature_refs: definition.features,
        join_keys: definition.joinKeys ?? [],
        start_at: definition.startAt ? new Date(definition.startAt).toISOString() : null,
        end_at: definition.endAt ? new Date(definition.endAt).toISOString() : null,
      },
    })),
  );
}

async function writeModels(batch: Batch, rows: Rows<ModelDefinition>): Promise<void> {
  const { context, tx } = batch;
  await upsertObjects(
    batch,
    "model",
    [
      ["version", "text"],
      ["endpoint", "text"],
      ["training_dataset_id", "text"],
    ],
    rows.map(({ id, definition }) => ({
      id,
      values: {
        ...commonValues(context, definition),
        version: definition.version,
        endpoint: definition.endpoint,
        training_dataset_id:
          definition.trainingDataset === undefined
            ? null
            : (context.ids.saved_dataset.get(definition.trainingDataset) ?? null),
      },
    })),
  );
  await deleteWhere(tx, "model_feature_service", "model_id", storedIds(batch, rows));
  await insertRows(
    tx,
    "model_feature_service",
    [
      ["model_id", "text"],
      ["feature_service_id", "text"],
    ],
    rows.flatMap(({ id, definition }) =>
      resolve(context, "feature_service", definition.featureServices).map((serviceId) => ({
        model_id: id,
        feature_service_id: serviceId,
      })),
    ),
  );
}
