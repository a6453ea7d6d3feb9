import { contentHash } from "@/lib/definitions/canonical";
import { canonicalDefinition } from "@/lib/definitions/diff";
import type { RawTx } from "@/lib/db/engine";
import { bulkInsert, textColumns } from "./bulk-insert";
import type { ScaleCatalog, VersionSpec } from "./catalog";

const objectKindColumn = { name: "object_kind", type: "text", expression: `$::"ObjectKind"` };

/**
 * Version 1 of every feature view and service, with the canonical definition and content hash a
 * registry apply would have stored, active in the environments the generator chose.
 * Returns the number of versions and of active versions.
 */
export async function writeVersions(tx: RawTx, catalog: ScaleCatalog): Promise<{ versions: number; active: number }> {
  const workspaceId = catalog.workspace.id;
  const envIds = new Map(catalog.environments.map((e) => [e.name, e.id]));
  const sourceNames = new Map(catalog.sources.map((s) => [s.id, s.name]));
  const versionRows: unknown[][] = [];
  const activeRows: unknown[][] = [];
  const addVersion = (
    kind: "feature_view" | "feature_service",
    object: { id: string; name: string; version: VersionSpec },
    definition: unknown,
    createdAt: Date,
  ) => {
    const { id, activeIn } = object.version;
    const hash = contentHash(definition);
    versionRows.push([id, workspaceId, kind, object.id, object.name, 1, hash, JSON.stringify(definition), createdAt]);
    for (const environment of activeIn) activeRows.push([envIds.get(environment), kind, object.id, id]);
  };

  for (const v of catalog.views) {
    const definition = canonicalDefinition("feature_view", {
      name: v.name,
      kind: v.kind,
      sources: v.kind === "on_demand" ? [] : [sourceNames.get(v.sourceId)],
      entities: v.entities,
      ...(v.schedule ? { schedule: v.schedule } : {}),
      features: v.features.map((f) => ({
        name: f.name,
        valueType: f.valueType,
        description: f.description,
        tags: f.tags,
      })),
      owner: v.owner,
      team: v.team,
      tags: v.tags,
    });
    addVersion("feature_view", v, definition, v.updatedAt);
  }
  for (const s of catalog.services) {
    const definition = canonicalDefinition("feature_service", {
      name: s.name,
      features: s.features.map((f) => `${f.viewName}:${f.name}`),
      latencyBudgetMs: s.budget,
      owner: s.owner,
      team: s.team,
      tags: s.tags,
    });
    addVersion("feature_service", s, definition, catalog.now);
  }

  await bulkInsert(
    tx,
    "definition_version",
    [
      { name: "id", type: "text" },
      { name: "workspace_id", type: "text" },
      objectKindColumn,
      ...textColumns("object_id", "object_name"),
      { name: "number", type: "int" },
      { name: "content_hash", type: "text" },
      { name: "definition", type: "text", expression: "$::jsonb" },
      { name: "created_at", type: "timestamp" },
    ],
    versionRows,
  );
  await bulkInsert(
    tx,
    "active_version",
    [{ name: "environment_id", type: "text" }, objectKindColumn, ...textColumns("object_id", "version_id")],
    activeRows,
  );
  return { versions: versionRows.length, active: activeRows.length };
}
