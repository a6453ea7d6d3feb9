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
  recordset,
  resolve,
  run,
  seconds,
  selectRows,
  storedIds,
  updateRows,
  upsertObjects,
  utc,
  value,
  type Batch,
  type Column,
} from "./bulk-rows";
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

type Rows<T extends AnyDefinition> = Array<{ id: string; definition: T }>;

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

async function writeFeatureViews(batch: Batch, rows: Rows<FeatureViewDefinition>): Promise<void> {
  const { context, tx } = batch;
  await upsertObjects(
    batch,
    "feature_view",
    [
      ["kind", "text", '"FeatureViewKind"'],
      ["transformation", "text"],
      ["transformation_language", "text"],
      ["schedule", "text"],
      ["schedule_seconds", "int"],
      ["ttl_seconds", "int"],
      ["slide_interval", "text"],
      ["slide_interval_seconds", "int"],
      ["freshness_sla_seconds", "int"],
      ["online", "boolean"],
      ["offline", "boolean"],
    ],
    rows.map(({ id, definition }) => ({
      id,
      values: {
        ...commonValues(context, definition),
        kind: definition.kind,
        transformation: definition.transformation?.code ?? "",
        transformation_language: definition.transformation?.language ?? "sql",
        schedule: definition.schedule ?? null,
        schedule_seconds: seconds(definition.schedule),
        ttl_seconds: seconds(definition.ttl),
        slide_interval: definition.slideInterval ?? null,
        slide_interval_seconds: seconds(definition.slideInterval),
        freshness_sla_seconds: seconds(definition.freshnessSla),
        online: definition.online,
        offline: definition.offline,
      },
    })),
  );

  // Links are replaced whole (nothing points at them); a new view has none to delete.
  const stored = storedIds(batch, rows);
  for (const table of ["feature_view_source", "feature_view_entity", "feature_view_input", "aggregation"]) {
    await deleteWhere(tx, table, "feature_view_id", stored);
  }
  const links = (kind: DefinitionKind, names: (view: FeatureViewDefinition) => string[]) =>
    rows.flatMap(({ id, definition }) => resolve(context, kind, names(definition)).map((other) => [id, other]));
  const insertLinks = (table: string, column: string, pairs: string[][]) =>
    insertRows(
      tx,
      table,
      [
        ["feature_view_id", "text"],
        [column, "text"],
      ],
      pairs.map(([viewId, other]) => ({ feature_view_id: viewId, [column]: other })),
    );
  await insertLinks(
    "feature_view_source",
    "data_source_id",
    links("data_source", (view) => view.sources),
  );
  await insertLinks(
    "feature_view_entity",
    "entity_id",
    links("entity", (view) => view.entities),
  );
  await insertLinks(
    "feature_view_input",
    "input_feature_view_id",
    links("feature_view", (view) => view.inputs),
  );
  await insertRows(
    tx,
    "aggregation",
    [
      ["id", "text"],
      ["feature_view_id", "text"],
      ["function", "text"],
      ["column", "text"],
      ["windows", "text[]"],
      ["slide_interval", "text"],
      ["position", "int"],
    ],
    rows.flatMap(({ id, definition }) =>
      definition.aggregations.map((aggregation, position) => ({
        id: newRowId(),
        feature_view_id: id,
        function: aggregation.function,
        column: aggregation.column,
        windows: aggregation.windows,
        slide_interval: aggregation.slideInterval ?? null,
        position,
      })),
    ),
  );
  await writeFeatures(batch, rows, stored);
}

/** Features keep their ids by name: stars, comments, profiles and service links stay attached. */
async function writeFeatures(batch: Batch, rows: Rows<FeatureViewDefinition>, storedViews: string[]): Promise<void> {
  const { context, tx } = batch;
  const wanted = rows.flatMap(({ id, definition }) =>
    definition.features.map((feature, position) => ({
      parentId: id,
      name: feature.name,
      value_type: feature.valueType,
      description: feature.description,
      owner: definition.owner,
      tags: feature.tags,
      position,
      updated_at: batch.now,
      sourceColumns: feature.sourceColumns,
    })),
  );
  const features = await matchChildren(batch, "feature", "feature_view_id", storedViews, wanted);
  await deleteWhere(tx, "feature", "id", features.remove);
  const shape: Column[] = [
    ["id", "text"],
    ["value_type", "text"],
    ["description", "text"],
    ["owner", "text"],
    ["tags", "text[]"],
    ["position", "int"],
    ["updated_at", TIMESTAMP],
  ];
  const strip = <T extends { sourceColumns: string[] }>({ sourceColumns: _omit, ...row }: T) => row;
  if (features.keep.length > 0) {
    const set = shape.filter(([name]) => name !== "id").map((column) => `"${column[0]}" = ${value(column)}`);
    await run(
      tx,
      utc(`UPDATE "feature" AS t SET ${set.join(", ")} FROM ${recordset(shape)} WHERE t.id = r.id`),
      features.keep.map(strip),
    );
  }
  const insertShape: Column[] = [
    ...shape,
    ["workspace_id", "text"],
    ["feature_view_id", "text"],
    ["name", "text"],
    ["created_at", TIMESTAMP],
  ];
  if (features.add.length > 0) {
    const names = insertShape.map(([name]) => `"${name}"`).join(", ");
    await run(
      tx,
      utc(
        `INSERT INTO "feature" (${names}) SELECT ${insertShape.map(value).join(", ")} FROM ${recordset(insertShape)}`,
      ),
      features.add.map((row) => ({
        ...strip(row),
        workspace_id: context.workspaceId,
        feature_view_id: row.parentId,
        created_at: batch.now,
      })),
    );
  }

  // Lineage: replaced for the features kept, written for the new ones.
  await deleteWhere(
    tx,
    "feature_source_column",
    "feature_id",
    features.keep.map((row) => row.id),
  );
  const all = [...features.keep, ...features.add];
  const sources = [...new Set(all.flatMap((row) => row.sourceColumns.map((ref) => ref.split(".")[0]!)))];
  const columns = sources.length
    ? await selectRows<{ id: string; ref: string }>(
        tx,
        `SELECT c.id, ds.name || '.' || c.name AS ref FROM data_source_column c
         JOIN data_source ds ON ds.id = c.data_source_id
         WHERE ds.workspace_id = $1 AND ds.name = ANY ($2::text[])`,
        context.workspaceId,
        sources,
      )
    : [];
  const columnIds = new Map(columns.map((column) => [column.ref, column.id]));
  await insertRows(
    tx,
    "feature_source_column",
    [
      ["feature_id", "text"],
      ["column_id", "text"],
    ],
    all.flatMap((row) =>
      [...new Set(row.sourceColumns)].flatMap((ref) => {
        const columnId = columnIds.get(ref);
        return columnId ? [{ feature_id: row.id, column_id: columnId }] : [];
      }),
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
