import "server-only";
import { randomBytes } from "node:crypto";
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
import { DEFINITION_KINDS, NO_EXPIRY_TTL } from "@/lib/definitions/schema";
import { parseDuration } from "@/lib/duration";
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

/** Rows per statement: bounds the size of one JSON parameter (50,000 features are ~10 MB). */
const CHUNK = 10_000;

let idCounter = 0;
/** cuid-shaped ids (what Prisma's @default(cuid()) makes), for rows written with raw SQL. */
export function newRowId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const count = idCounter.toString(36).padStart(4, "0");
  const random = [...randomBytes(11)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${time}${count}${random}`;
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

interface Batch {
  tx: Tx;
  context: RowWriteContext;
  /** Ids of the objects this batch creates (the others exist and are updated). */
  created: ReadonlySet<string>;
  /** One timestamp for created_at / updated_at of the whole batch (ISO, UTC). */
  now: string;
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

// ---------------------------------------------------------------- statements

/** A column of a recordset: its name, its type in the JSON, and an optional cast into the table. */
type Column = [name: string, type: string, cast?: string];

function recordset(columns: Column[]): string {
  return `jsonb_to_recordset($1::jsonb) AS r(${columns.map(([name, type]) => `"${name}" ${type}`).join(", ")})`;
}

function value([name, , cast]: Column): string {
  return cast ? `r."${name}"::${cast}` : `r."${name}"`;
}

async function run(tx: Tx, sql: string, rows: object[], ...params: unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + CHUNK)), ...params);
  }
}

async function insertRows(tx: Tx, table: string, columns: Column[], rows: object[]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  await run(
    tx,
    `INSERT INTO "${table}" (${names}) SELECT ${columns.map(value).join(", ")} FROM ${recordset(columns)}`,
    rows,
  );
}

async function updateRows(tx: Tx, table: string, columns: Column[], rows: object[]): Promise<void> {
  const set = columns.filter(([name]) => name !== "id").map((column) => `"${column[0]}" = ${value(column)}`);
  await run(tx, `UPDATE "${table}" AS t SET ${set.join(", ")} FROM ${recordset(columns)} WHERE t.id = r.id`, rows);
}

async function deleteWhere(tx: Tx, table: string, column: string, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${column}" = ANY ($1::text[])`, ids);
}

async function selectRows<R>(tx: Tx, sql: string, ...params: unknown[]): Promise<R[]> {
  return tx.$queryRawUnsafe<R[]>(sql, ...params);
}

const TIMESTAMP = "timestamptz";

/** created_at / updated_at are TIMESTAMP(3) holding UTC, like Prisma writes them. */
function utc(sql: string): string {
  return sql.replace(/r\."(created_at|updated_at|start_at|end_at)"/g, `(r."$1" AT TIME ZONE 'UTC')`);
}

/** Objects (top-level rows): new ones in one insert, stored ones in one update. */
async function upsertObjects(
  batch: Batch,
  table: string,
  columns: Column[],
  rows: Array<{ id: string; values: Record<string, unknown> }>,
): Promise<void> {
  const common: Column[] = [
    ["id", "text"],
    ["description", "text"],
    ["owner", "text"],
    ["team_id", "text"],
    ["tags", "text[]"],
    ["updated_at", TIMESTAMP],
    ...columns,
  ];
  const fresh = rows.filter((row) => batch.created.has(row.id));
  const stored = rows.filter((row) => !batch.created.has(row.id));
  const insertColumns: Column[] = [...common, ["workspace_id", "text"], ["name", "text"], ["created_at", TIMESTAMP]];
  const withTimes = (row: { id: string; values: Record<string, unknown> }) => ({
    id: row.id,
    ...row.values,
    updated_at: batch.now,
    created_at: batch.now,
    workspace_id: batch.context.workspaceId,
  });
  if (fresh.length > 0) {
    const names = insertColumns.map(([name]) => `"${name}"`).join(", ");
    const sql = `INSERT INTO "${table}" (${names}) SELECT ${insertColumns.map(value).join(", ")} FROM ${recordset(insertColumns)}`;
    await run(batch.tx, utc(sql), fresh.map(withTimes));
  }
  if (stored.length > 0) {
    const set = common.filter(([name]) => name !== "id").map((column) => `"${column[0]}" = ${value(column)}`);
    const sql = `UPDATE "${table}" AS t SET ${set.join(", ")} FROM ${recordset(common)} WHERE t.id = r.id`;
    await run(batch.tx, utc(sql), stored.map(withTimes));
  }
}

function commonValues(
  context: RowWriteContext,
  definition: { name: string; description: string; owner: string; team?: string; tags: string[] },
) {
  return {
    name: definition.name,
    description: definition.description,
    owner: definition.owner,
    team_id: definition.team === undefined ? null : (context.teamIds.get(definition.team) ?? null),
    tags: definition.tags,
  };
}

function seconds(text: string | undefined): number | null {
  // "0s" (no expiry) is stored as 0, apart from a TTL that was never set (null).
  if (text === NO_EXPIRY_TTL) return 0;
  return text === undefined ? null : parseDuration(text);
}

/** Ids resolved by name, each once, unknown names skipped (validation reported them). */
function resolve(context: RowWriteContext, kind: DefinitionKind, names: string[]): string[] {
  return [...new Set(names)].flatMap((name) => {
    const id = context.ids[kind].get(name);
    return id ? [id] : [];
  });
}

function storedIds(batch: Batch, rows: Array<{ id: string }>): string[] {
  return rows.flatMap((row) => (batch.created.has(row.id) ? [] : [row.id]));
}

/** Children matched by name under their parent: which to delete, update in place and create. */
async function matchChildren<T extends { parentId: string; name: string }>(
  batch: Batch,
  table: string,
  parentColumn: string,
  parents: string[],
  wanted: T[],
): Promise<{ remove: string[]; keep: Array<T & { id: string }>; add: Array<T & { id: string }> }> {
  const stored = parents.length
    ? await selectRows<{ id: string; parentId: string; name: string }>(
        batch.tx,
        `SELECT id, "${parentColumn}" AS "parentId", name FROM "${table}" WHERE "${parentColumn}" = ANY ($1::text[])`,
        parents,
      )
    : [];
  const storedByKey = new Map(stored.map((row) => [`${row.parentId}\u0000${row.name}`, row.id]));
  const wantedKeys = new Set(wanted.map((row) => `${row.parentId}\u0000${row.name}`));
  const keep: Array<T & { id: string }> = [];
  const add: Array<T & { id: string }> = [];
  for (const row of wanted) {
    const id = storedByKey.get(`${row.parentId}\u0000${row.name}`);
    if (id) keep.push({ ...row, id });
    else add.push({ ...row, id: newRowId() });
  }
  const remove = stored.flatMap((row) => (wantedKeys.has(`${row.parentId}\u0000${row.name}`) ? [] : [row.id]));
  return { remove, keep, add };
}

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
