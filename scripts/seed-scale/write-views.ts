import type { RawTx } from "@/lib/db/engine";
import { bulkInsert, tagsColumn, textArrayColumn, textColumns } from "./bulk-insert";
import type { ScaleCatalog, ViewSpec } from "./catalog";
import { teamIdsOf } from "./write-workspace";

const FEATURE_CHUNK = 20_000;
const SCHEDULE_SECONDS: Record<string, number> = { "1h": 3600, "6h": 21600, "1d": 86400 };

/** A plausible body: SQL over the source for batch views, Python for on-demand ones, none for streams. */
function transformationOf(view: ViewSpec, sourceLocation: string): string {
  if (view.kind === "batch")
    return `SELECT ${view.entities[0]}_id, event_time,\n  ${view.features
      .slice(0, 3)
      .map((f) => `count(*) AS ${f.name}`)
      .join(",\n  ")}\nFROM ${sourceLocation}\nGROUP BY 1, 2`;
  if (view.kind === "on_demand")
    return `def transform(inputs):\n    return {"${view.features[0]?.name ?? "value"}": inputs["${view.measure}_amount"] / max(inputs["${view.measure}_avg_30d"], 1e-9)}`;
  return "";
}

/** Feature views with their entities, sources and stream aggregations, then their features. */
export async function writeViewsAndFeatures(
  tx: RawTx,
  catalog: ScaleCatalog,
  log: (message: string) => void,
): Promise<void> {
  const workspaceId = catalog.workspace.id;
  const teamIds = teamIdsOf(catalog);
  const entityIds = new Map(catalog.entities.map((e) => [e.name, e.id]));
  const sourceLocations = new Map(catalog.sources.map((s) => [s.id, s.location]));
  await bulkInsert(
    tx,
    "feature_view",
    [
      ...textColumns("id", "workspace_id", "name"),
      { name: "kind", type: "text", expression: `$::"FeatureViewKind"` },
      ...textColumns("description", "owner", "team_id"),
      tagsColumn,
      ...textColumns("transformation", "transformation_language", "schedule"),
      { name: "schedule_seconds", type: "int" },
      { name: "ttl_seconds", type: "int" },
      { name: "slide_interval", type: "text" },
      { name: "slide_interval_seconds", type: "int" },
      { name: "updated_at", type: "timestamp" },
    ],
    catalog.views.map((v) => [
      v.id,
      workspaceId,
      v.name,
      v.kind,
      v.description,
      v.owner,
      teamIds.get(v.team),
      v.tags.join(","),
      transformationOf(v, sourceLocations.get(v.sourceId)!),
      v.kind === "on_demand" ? "python" : "sql",
      v.schedule,
      v.schedule ? (SCHEDULE_SECONDS[v.schedule] ?? null) : null,
      v.kind === "on_demand" ? null : 86400 * 30,
      v.kind === "stream" ? "1m" : null,
      v.kind === "stream" ? 60 : null,
      v.updatedAt,
    ]),
  );
  await bulkInsert(
    tx,
    "feature_view_entity",
    textColumns("feature_view_id", "entity_id"),
    catalog.views.flatMap((v) => v.entities.map((e) => [v.id, entityIds.get(e)])),
  );
  await bulkInsert(
    tx,
    "feature_view_source",
    textColumns("feature_view_id", "data_source_id"),
    catalog.views.filter((v) => v.kind !== "on_demand").map((v) => [v.id, v.sourceId]),
  );
  await bulkInsert(
    tx,
    "aggregation",
    [
      ...textColumns("id", "feature_view_id", "function", "column"),
      textArrayColumn("windows"),
      { name: "position", type: "int" },
    ],
    catalog.views.flatMap((v) =>
      v.aggregation
        ? [[v.aggregation.id, v.id, v.aggregation.function, v.aggregation.column, v.aggregation.windows.join(","), 0]]
        : [],
    ),
  );
  log(`${catalog.views.length} feature views`);

  const { features } = catalog;
  for (let start = 0; start < features.length; start += FEATURE_CHUNK) {
    const slice = features.slice(start, start + FEATURE_CHUNK);
    await bulkInsert(
      tx,
      "feature",
      [
        ...textColumns("id", "workspace_id", "feature_view_id", "name", "value_type", "description", "owner"),
        tagsColumn,
        { name: "position", type: "int" },
        { name: "updated_at", type: "timestamp" },
      ],
      slice.map((f) => [
        f.id,
        workspaceId,
        f.viewId,
        f.name,
        f.valueType,
        f.description,
        "",
        f.tags.join(","),
        f.position,
        f.updatedAt,
      ]),
    );
    log(`${Math.min(start + slice.length, features.length)} / ${features.length} features`);
  }
}
