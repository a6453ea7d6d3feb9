import { describe, expect, it } from "vitest";

import { contentHash } from "@/lib/definitions/canonical";
import { diffDefinitions, planRepository, type CurrentDefinitions } from "@/lib/definitions/diff";
import { featureViewDefinitionSchema, type RepositoryDocument } from "@/lib/definitions/schema";

import { fraudRepository } from "./fraud-repository";

const base = featureViewDefinitionSchema.parse({
  name: "transactions_30d",
  kind: "stream",
  sources: ["transactions_stream"],
  entities: ["user"],
  aggregations: [{ function: "sum", column: "amount", windows: ["1h", "1d"] }],
  features: [
    { name: "amount", valueType: "float32" },
    { name: "txn_count", valueType: "int64" },
  ],
  tags: ["fraud", "pii"],
});

function edited(change: (view: typeof base) => void) {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe("diffDefinitions", () => {
  it("finds nothing between equal definitions", () => {
    expect(diffDefinitions(base, structuredClone(base))).toEqual([]);
  });

  it("reports a changed type at the feature's name", () => {
    const after = edited((view) => (view.features[0]!.valueType = "float64"));
    expect(diffDefinitions(base, after)).toEqual([
      { path: "features[name=amount].valueType", before: "float32", after: "float64", change: "changed" },
    ]);
  });

  it("reports a renamed feature as removed and added", () => {
    const after = edited((view) => (view.features[1]!.name = "transaction_count"));
    const changes = diffDefinitions(base, after);
    expect(changes.map(({ path, change }) => `${change} ${path}`)).toEqual([
      "removed features[name=txn_count]",
      "added features[name=transaction_count]",
    ]);
    expect(changes[1]?.after).toMatchObject({ name: "transaction_count", valueType: "int64" });
  });

  it("reports an added window inside an aggregation", () => {
    const after = edited((view) => view.aggregations[0]!.windows.push("15d"));
    expect(diffDefinitions(base, after)).toEqual([
      { path: "aggregations[0].windows[2]", before: undefined, after: "15d", change: "added" },
    ]);
  });

  it("reports added and removed scalar fields and list members", () => {
    const after = edited((view) => {
      view.ttl = "1d";
      view.tags = ["fraud", "finance"];
      delete view.transformation;
    });
    const before = edited((view) => (view.transformation = { language: "python", code: "pass" }));
    expect(diffDefinitions(before, after)).toEqual([
      { path: "tags[1]", before: "pii", after: undefined, change: "removed" },
      { path: "tags[1]", before: undefined, after: "finance", change: "added" },
      { path: "transformation", before: { language: "python", code: "pass" }, after: undefined, change: "removed" },
      { path: "ttl", before: undefined, after: "1d", change: "added" },
    ]);
  });

  it("reports a reordered list as one change", () => {
    const after = edited((view) => view.tags.reverse());
    expect(diffDefinitions(base, after)).toEqual([
      { path: "tags", before: ["fraud", "pii"], after: ["pii", "fraud"], change: "changed" },
    ]);
  });

  it("reports a whole object appearing or disappearing at the root", () => {
    expect(diffDefinitions(undefined, { name: "x" })).toEqual([
      { path: "", before: undefined, after: { name: "x" }, change: "added" },
    ]);
  });
});

describe("planRepository", () => {
  function stored(document: RepositoryDocument): CurrentDefinitions {
    return {
      data_source: document.dataSources,
      entity: document.entities,
      feature_view: document.featureViews,
      feature_service: document.featureServices,
      saved_dataset: document.savedDatasets,
      model: document.models,
    };
  }

  it("creates everything in dependency order against an empty registry", () => {
    const plan = planRepository(fraudRepository(), {});
    expect(plan.create.map((object) => object.kind)).toEqual([
      "data_source",
      "data_source",
      "data_source",
      "data_source",
      "entity",
      "entity",
      "feature_view",
      "feature_view",
      "feature_view",
      "feature_service",
      "saved_dataset",
      "model",
    ]);
    expect(plan.create[0]?.contentHash).toBe(contentHash(fraudRepository().dataSources[0]));
    expect(plan).toMatchObject({ update: [], delete: [], unchanged: 0 });
  });

  it("counts identical definitions as unchanged by hash", () => {
    const plan = planRepository(fraudRepository(), stored(fraudRepository()));
    expect(plan).toEqual({ create: [], update: [], delete: [], unchanged: 12 });
  });

  it("treats a stored version that lacks defaulted fields as unchanged", () => {
    const current = stored(fraudRepository());
    current.entity = [
      { name: "user", joinKeys: [{ name: "user_id", valueType: "int64" }] },
      { name: "merchant", joinKeys: [{ name: "merchant_id", valueType: "int64" }] },
    ];
    expect(planRepository(fraudRepository(), current).unchanged).toBe(12);
  });

  it("lists updates with their field changes", () => {
    const document = fraudRepository();
    document.featureViews[0]!.features[1]!.valueType = "float32";
    const plan = planRepository(document, stored(fraudRepository()));
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({
      kind: "feature_view",
      name: "user_profile",
      changes: [
        { path: "features[name=avg_spend_30d].valueType", before: "float64", after: "float32", change: "changed" },
      ],
    });
    expect(plan.unchanged).toBe(11);
  });

  it("deletes objects missing from the document only with prune", () => {
    const current = stored(fraudRepository());
    const document = fraudRepository();
    document.models = [];
    document.savedDatasets = [];
    expect(planRepository(document, current).delete).toEqual([]);

    document.prune = true;
    // Dependents go first: the model before the dataset it was trained on.
    expect(planRepository(document, current).delete).toEqual([
      { kind: "model", name: "fraud_detector" },
      { kind: "saved_dataset", name: "fraud_training_2024" },
    ]);
  });
});
