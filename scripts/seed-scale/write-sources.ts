import type { RawTx } from "@/lib/db/engine";
import { bulkInsert, tagsColumn, textColumns } from "./bulk-insert";
import type { ScaleCatalog } from "./catalog";
import { teamIdsOf } from "./write-workspace";

/** Data sources with their columns, and entities with their join keys. */
export async function writeSourcesAndEntities(tx: RawTx, catalog: ScaleCatalog): Promise<void> {
  const workspaceId = catalog.workspace.id;
  const teamIds = teamIdsOf(catalog);
  await bulkInsert(
    tx,
    "data_source",
    [
      ...textColumns("id", "workspace_id", "name"),
      { name: "kind", type: "text", expression: `$::"DataSourceKind"` },
      ...textColumns("platform", "location", "event_timestamp_column", "description", "owner", "team_id"),
      tagsColumn,
      { name: "updated_at", type: "timestamp" },
    ],
    catalog.sources.map((s) => [
      s.id,
      workspaceId,
      s.name,
      s.kind,
      s.platform,
      s.location,
      "event_time",
      s.description,
      s.owner,
      teamIds.get(s.team),
      s.tags.join(","),
      s.updatedAt,
    ]),
  );
  await bulkInsert(
    tx,
    "data_source_column",
    [...textColumns("id", "data_source_id", "name", "type"), { name: "position", type: "int" }],
    catalog.sources.flatMap((s) =>
      s.columns.map((column, position) => [column.id, s.id, column.name, column.type, position]),
    ),
  );
  await bulkInsert(
    tx,
    "entity",
    [
      ...textColumns("id", "workspace_id", "name", "description", "owner"),
      tagsColumn,
      { name: "updated_at", type: "timestamp" },
    ],
    catalog.entities.map((e) => [
      e.id,
      workspaceId,
      e.name,
      e.description,
      "data-platform@acme.com",
      "core",
      e.updatedAt,
    ]),
  );
  await bulkInsert(
    tx,
    "entity_join_key",
    [...textColumns("id", "entity_id", "name", "value_type"), { name: "position", type: "int" }],
    catalog.entities.map((e) => [e.joinKey.id, e.id, e.joinKey.name, "string", 0]),
  );
}
