import { mulberry32 } from "@/lib/demo/random";
import type { RegistryRows } from "@/lib/lineage/types";

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
export type RegistryRowsDraft = Mutable<RegistryRows>;

/** A small fraud team registry (docs/domain.md's typical catalog). */
export function fraudRegistry(): RegistryRowsDraft {
  return {
    dataSources: [
      { id: "txn", name: "transactions", kind: "batch", owner: "data-eng@acme.io", teamId: "data" },
      {
        id: "logins_s3",
        name: "logins_backfill",
        kind: "batch",
        owner: "data-eng@acme.io",
        teamId: "data",
      },
      {
        id: "logins",
        name: "logins",
        kind: "stream",
        owner: "data-eng@acme.io",
        teamId: "data",
        batchSourceId: "logins_s3",
      },
      {
        id: "txn_req",
        name: "transaction_request",
        kind: "request",
        owner: "fraud@acme.io",
        teamId: "fraud",
      },
    ],
    dataSourceColumns: [
      { id: "txn_amount", dataSourceId: "txn", name: "amount", position: 0 },
      { id: "txn_user_id", dataSourceId: "txn", name: "user_id", position: 1 },
      { id: "txn_ts", dataSourceId: "txn", name: "ts", position: 2 },
      { id: "logins_user_id", dataSourceId: "logins", name: "user_id", position: 0 },
      { id: "logins_ts", dataSourceId: "logins", name: "ts", position: 1 },
      { id: "req_amount", dataSourceId: "txn_req", name: "amount", position: 0 },
    ],
    entities: [
      { id: "user", name: "user", owner: "platform@acme.io", teamId: "platform" },
      { id: "merchant", name: "merchant", owner: "platform@acme.io", teamId: "platform" },
    ],
    featureViews: [
      {
        id: "user_profile",
        name: "user_profile",
        kind: "batch",
        owner: "ana@acme.io",
        teamId: "fraud",
      },
      {
        id: "merchant_stats",
        name: "merchant_stats",
        kind: "batch",
        owner: "raj@acme.io",
        teamId: "risk",
      },
      {
        id: "login_activity",
        name: "login_activity",
        kind: "stream",
        owner: "ana@acme.io",
        teamId: "fraud",
      },
      {
        id: "txn_vs_avg",
        name: "txn_amount_vs_avg",
        kind: "on_demand",
        owner: "ana@acme.io",
        teamId: "fraud",
      },
    ],
    featureViewSources: [
      { featureViewId: "user_profile", dataSourceId: "txn" },
      { featureViewId: "merchant_stats", dataSourceId: "txn" },
      { featureViewId: "login_activity", dataSourceId: "logins" },
      { featureViewId: "txn_vs_avg", dataSourceId: "txn_req" },
    ],
    featureViewEntities: [
      { featureViewId: "user_profile", entityId: "user" },
      { featureViewId: "merchant_stats", entityId: "merchant" },
      { featureViewId: "login_activity", entityId: "user" },
      { featureViewId: "txn_vs_avg", entityId: "user" },
    ],
    featureViewInputs: [{ featureViewId: "txn_vs_avg", inputFeatureViewId: "user_profile" }],
    features: [
      { id: "account_age_days", featureViewId: "user_profile", name: "account_age_days" },
      { id: "country", featureViewId: "user_profile", name: "country" },
      { id: "avg_30d_spend", featureViewId: "user_profile", name: "avg_30d_spend" },
      {
        id: "txn_count_1d",
        featureViewId: "merchant_stats",
        name: "txn_count_1d",
        owner: "kim@acme.io",
      },
      { id: "login_attempts_5m", featureViewId: "login_activity", name: "login_attempts_5m" },
      { id: "login_attempts_15d", featureViewId: "login_activity", name: "login_attempts_15d" },
      { id: "amount_over_avg", featureViewId: "txn_vs_avg", name: "amount_over_avg" },
    ],
    featureSourceColumns: [
      { featureId: "account_age_days", columnId: "txn_ts" },
      { featureId: "avg_30d_spend", columnId: "txn_amount" },
      { featureId: "avg_30d_spend", columnId: "txn_ts" },
      { featureId: "txn_count_1d", columnId: "txn_ts" },
      { featureId: "login_attempts_5m", columnId: "logins_user_id" },
      { featureId: "login_attempts_5m", columnId: "logins_ts" },
      { featureId: "login_attempts_15d", columnId: "logins_ts" },
      { featureId: "amount_over_avg", columnId: "req_amount" },
    ],
    featureServices: [{ id: "fraud_v3", name: "fraud_scoring_v3", owner: "ana@acme.io", teamId: "fraud" }],
    featureServiceFeatures: [
      { featureServiceId: "fraud_v3", featureId: "account_age_days" },
      { featureServiceId: "fraud_v3", featureId: "avg_30d_spend" },
      { featureServiceId: "fraud_v3", featureId: "login_attempts_5m" },
      { featureServiceId: "fraud_v3", featureId: "amount_over_avg" },
    ],
    models: [
      {
        id: "detector",
        name: "fraud_detector",
        owner: "ml@acme.io",
        teamId: "fraud",
        trainingDatasetId: "train",
      },
    ],
    modelFeatureServices: [{ modelId: "detector", featureServiceId: "fraud_v3" }],
    savedDatasets: [{ id: "train", name: "fraud_training_2024q4", owner: "ml@acme.io", teamId: "fraud" }],
  };
}

/**
 * A registry shaped like a large workspace: ~6,900 nodes and ~12,800 edges, with sources
 * holding columns, batch/stream/on-demand views (on-demand chains up to 3 deep), features
 * derived from columns, services mixing views, models and training datasets.
 */
export function largeRegistry(seed = 7): RegistryRowsDraft {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const rows: RegistryRowsDraft = {
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
  const teams = ["fraud", "eta", "pricing", "growth", "recs"];

  const columnsBySource = new Map<string, string[]>();
  const batchSources: string[] = [];
  for (let s = 0; s < 350; s++) {
    const id = `src${s}`;
    const kind = s % 10 === 9 ? "stream" : s % 10 === 8 ? "request" : "batch";
    const batchSourceId = kind === "stream" && batchSources.length > 0 ? pick(batchSources) : null;
    rows.dataSources.push({ id, name: `source_${s}`, kind, teamId: pick(teams), batchSourceId });
    if (kind === "batch") batchSources.push(id);
    const columns: string[] = [];
    for (let c = 0; c < 7; c++) {
      rows.dataSourceColumns.push({
        id: `${id}_c${c}`,
        dataSourceId: id,
        name: `col_${c}`,
        position: c,
      });
      columns.push(`${id}_c${c}`);
    }
    columnsBySource.set(id, columns);
  }
  for (let e = 0; e < 40; e++) rows.entities.push({ id: `ent${e}`, name: `entity_${e}`, teamId: pick(teams) });

  const featuresByView = new Map<string, string[]>();
  const views: string[] = [];
  for (let v = 0; v < 480; v++) {
    const id = `fv${v}`;
    const kind = v >= 380 ? "on_demand" : v % 4 === 3 ? "stream" : "batch";
    rows.featureViews.push({
      id,
      name: `view_${v}`,
      kind,
      owner: `owner${v % 60}@acme.io`,
      teamId: pick(teams),
    });
    const sources = [pick(rows.dataSources).id];
    if (kind === "batch" && rand() < 0.4) sources.push(pick(rows.dataSources).id);
    for (const source of new Set(sources)) rows.featureViewSources.push({ featureViewId: id, dataSourceId: source });
    rows.featureViewEntities.push({ featureViewId: id, entityId: pick(rows.entities).id });
    if (kind === "on_demand") {
      // Read earlier views only, so chains exist (on-demand reading on-demand) but no cycles.
      for (const input of new Set([pick(views), pick(views)])) {
        rows.featureViewInputs.push({ featureViewId: id, inputFeatureViewId: input });
      }
    }
    const features: string[] = [];
    for (let f = 0; f < 6; f++) {
      const featureId = `${id}_f${f}`;
      rows.features.push({ id: featureId, featureViewId: id, name: `feature_${f}` });
      features.push(featureId);
      const columns = columnsBySource.get(sources[0]!)!;
      const first = pick(columns);
      rows.featureSourceColumns.push({ featureId, columnId: first });
      const second = pick(columns);
      if (rand() < 0.4 && second !== first) rows.featureSourceColumns.push({ featureId, columnId: second });
    }
    featuresByView.set(id, features);
    views.push(id);
  }

  for (let s = 0; s < 230; s++) {
    const id = `svc${s}`;
    rows.featureServices.push({ id, name: `service_${s}`, teamId: pick(teams) });
    const chosen = new Set<string>();
    while (chosen.size < 8) chosen.add(pick(featuresByView.get(pick(views))!));
    for (const featureId of chosen) rows.featureServiceFeatures.push({ featureServiceId: id, featureId });
  }
  for (let m = 0; m < 200; m++) {
    const datasetId = `ds${m}`;
    rows.savedDatasets.push({ id: datasetId, name: `dataset_${m}` });
    rows.models.push({
      id: `mdl${m}`,
      name: `model_${m}`,
      teamId: pick(teams),
      trainingDatasetId: datasetId,
    });
    for (const service of new Set([pick(rows.featureServices).id, pick(rows.featureServices).id])) {
      rows.modelFeatureServices.push({ modelId: `mdl${m}`, featureServiceId: service });
    }
  }
  return rows;
}
