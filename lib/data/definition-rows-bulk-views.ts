import "server-only";
import type { DefinitionKind, FeatureViewDefinition } from "@/lib/definitions/schema";
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
  upsertObjects,
  utc,
  value,
  type Batch,
  type Column,
} from "./bulk-rows";

/*
 * The feature-view part of writeDefinitionsInBulk (definition-rows-bulk.ts): the views' rows, their
 * entities, sources, aggregations and lineage, then their features, kept by name.
 */

export type Rows<T> = Array<{ id: string; definition: T }>;

export async function writeFeatureViews(batch: Batch, rows: Rows<FeatureViewDefinition>): Promise<void> {
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
