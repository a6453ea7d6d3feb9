import type { RawTx } from "@/lib/db/engine";
import { bulkInsert, tagsColumn, textColumns } from "./bulk-insert";
import type { ScaleCatalog } from "./catalog";
import { teamIdsOf } from "./write-workspace";

/** Feature services and their features, saved training datasets, models and the services they call. */
export async function writeServicesAndModels(tx: RawTx, catalog: ScaleCatalog): Promise<void> {
  const workspaceId = catalog.workspace.id;
  const teamIds = teamIdsOf(catalog);
  await bulkInsert(
    tx,
    "feature_service",
    [
      ...textColumns("id", "workspace_id", "name", "description", "owner", "team_id"),
      tagsColumn,
      { name: "latency_budget_ms", type: "int" },
      { name: "updated_at", type: "timestamp" },
    ],
    catalog.services.map((s) => [
      s.id,
      workspaceId,
      s.name,
      s.description,
      s.owner,
      teamIds.get(s.team),
      s.tags.join(","),
      s.budget,
      s.updatedAt,
    ]),
  );
  await bulkInsert(
    tx,
    "feature_service_feature",
    textColumns("feature_service_id", "feature_id"),
    catalog.services.flatMap((s) => s.features.map((f) => [s.id, f.id])),
  );
  await bulkInsert(
    tx,
    "saved_dataset",
    [
      ...textColumns("id", "workspace_id", "name", "owner", "team_id"),
      tagsColumn,
      ...textColumns("storage", "feature_service_id"),
      { name: "updated_at", type: "timestamp" },
    ],
    catalog.datasets.map((d) => [
      d.id,
      workspaceId,
      d.name,
      d.owner,
      teamIds.get(d.team),
      "",
      `s3://acme-ml/datasets/${d.name}.parquet`,
      d.serviceId,
      d.updatedAt,
    ]),
  );
  await bulkInsert(
    tx,
    "model",
    [
      ...textColumns("id", "workspace_id", "name", "version", "owner", "team_id"),
      tagsColumn,
      ...textColumns("endpoint", "training_dataset_id"),
      { name: "updated_at", type: "timestamp" },
    ],
    catalog.models.map((m) => [
      m.id,
      workspaceId,
      m.name,
      m.version,
      m.owner,
      teamIds.get(m.team),
      "",
      `${m.name.replace(/_/g, "-")}-prod`,
      m.datasetId,
      m.updatedAt,
    ]),
  );
  await bulkInsert(
    tx,
    "model_feature_service",
    textColumns("model_id", "feature_service_id"),
    catalog.models.flatMap((m) => m.serviceIds.map((serviceId) => [m.id, serviceId])),
  );
}
