import { describe, expect, it } from "vitest";
import {
  breakingFeatureChanges,
  checkBreakingChanges,
  checkDependencies,
  checkDefinitionsValid,
  checkFreshness,
  evaluateChecks,
  hasBlockingFailure,
  stateAfter,
  type DefinitionRef,
  type HealthInput,
  type RequestedItem,
} from "@/lib/promotions/checks";
import { impactInTarget } from "@/lib/promotions/impact";
import { targetSnapshotHash } from "@/lib/promotions/snapshot";

const source: DefinitionRef = {
  kind: "data_source",
  objectId: "src",
  name: "transactions",
  definition: {
    name: "transactions",
    kind: "batch",
    platform: "snowflake",
    columns: [
      { name: "user_id", type: "string" },
      { name: "amount", type: "float64" },
    ],
  },
};
const entity: DefinitionRef = {
  kind: "entity",
  objectId: "ent",
  name: "user",
  definition: { name: "user", joinKeys: [{ name: "user_id", valueType: "string" }] },
};
const viewV1 = {
  name: "user_spend",
  kind: "batch",
  sources: ["transactions"],
  entities: ["user"],
  schedule: "1d",
  features: [
    { name: "avg_amount", valueType: "float64", sourceColumns: ["transactions.amount"] },
    { name: "txn_count", valueType: "int64" },
  ],
};
const view: DefinitionRef = { kind: "feature_view", objectId: "fv", name: "user_spend", definition: viewV1 };
const service: DefinitionRef = {
  kind: "feature_service",
  objectId: "fs",
  name: "scoring",
  definition: { name: "scoring", features: ["user_spend:avg_amount"] },
};
const model: DefinitionRef = {
  kind: "model",
  objectId: "m",
  name: "detector",
  definition: { name: "detector", featureServices: ["scoring"] },
};
const TARGET = [source, entity, view, service, model];

function item(ref: DefinitionRef, definition: unknown, before: DefinitionRef | null = ref): RequestedItem {
  return { ...ref, definition, before };
}

const HEALTH: HealthInput = { sourceName: "staging", blockOnHealth: false, freshness: [], skew: [], drift: [] };

describe("breaking changes", () => {
  it("finds removed and retyped features", () => {
    const after = { ...view, definition: { ...viewV1, features: [{ name: "txn_count", valueType: "float64" }] } };
    expect(breakingFeatureChanges(view, after)).toEqual([
      { ref: "user_spend:avg_amount", change: "removed", beforeType: "float64" },
      { ref: "user_spend:txn_count", change: "retyped", beforeType: "int64", afterType: "float64" },
    ]);
  });

  it("blocks removing a feature a service in the target serves, and names the models", () => {
    const removed = item(view, { ...viewV1, features: [viewV1.features[1]] });
    const result = checkBreakingChanges([removed], stateAfter(TARGET, [removed]), "prod");
    expect(result).toMatchObject({ status: "fail", blocking: true });
    expect(result.details.problems[0]!.message).toBe(
      "This version removes or renames user_spend:avg_amount, which feature service scoring (used by model detector) still serves in prod.",
    );
  });

  it("ignores features nobody consumes, and a rename of the whole view counts as removal", () => {
    const dropUnused = item(view, { ...viewV1, features: [viewV1.features[0]] });
    expect(checkBreakingChanges([dropUnused], stateAfter(TARGET, [dropUnused]), "prod").status).toBe("pass");
    const renamed = item({ ...view, name: "user_spend_v2" }, { ...viewV1, name: "user_spend_v2" }, view);
    expect(checkBreakingChanges([renamed], stateAfter(TARGET, [renamed]), "prod").status).toBe("fail");
  });

  it("blocks a service that stops serving a feature a model uses", () => {
    const narrowed = item(service, { name: "scoring", features: [] });
    const result = checkBreakingChanges([narrowed], stateAfter(TARGET, [narrowed]), "prod");
    expect(result.details.problems[0]!.message).toMatch(
      /stops serving user_spend:avg_amount, which model detector still uses/,
    );
  });
});

describe("dependencies and validity", () => {
  it("needs sources, entities and features in the target or the request", () => {
    const newView = item(
      { kind: "feature_view", objectId: "fv2", name: "user_spend_7d", definition: null },
      { ...viewV1, name: "user_spend_7d", sources: ["transactions", "logins"] },
      null,
    );
    const result = checkDependencies([newView], stateAfter(TARGET, [newView]), "staging");
    expect(result.status).toBe("fail");
    expect(result.details.problems.map((problem) => problem.message)).toEqual([
      "Needs data source logins, which is neither active in staging nor in this request.",
    ]);
    const withFeature = item(service, { name: "scoring", features: ["user_spend:nope"] });
    expect(
      checkDependencies([withFeature], stateAfter(TARGET, [withFeature]), "staging").details.problems[0]!.message,
    ).toMatch(/feature user_spend:nope/);
    expect(checkDependencies([item(view, viewV1)], TARGET, "staging")).toMatchObject({ status: "pass" });
  });

  it("reports validation errors per object", () => {
    const bad = item(view, { ...viewV1, features: [{ name: "avg_amount", valueType: "float65" }] });
    const result = checkDefinitionsValid([bad], stateAfter(TARGET, [bad]));
    expect(result).toMatchObject({ status: "fail", blocking: true });
    expect(result.details.problems[0]).toMatchObject({ object: "user_spend", severity: "error" });
  });
});

describe("health", () => {
  it("warns with the numbers, blocks only when the target says so, and says when nothing landed", () => {
    const input = {
      ...HEALTH,
      freshness: [{ view: "user_spend", slaSeconds: 172_800, maxStalenessSeconds: 259_200, runCount: 1 }],
    };
    expect(checkFreshness(input)).toMatchObject({ status: "warn", blocking: false });
    expect(checkFreshness(input).details.problems[0]!.message).toBe(
      "Staleness reached 3 d in the last 24 h, over its SLA of 2 d.",
    );
    expect(checkFreshness({ ...input, blockOnHealth: true })).toMatchObject({ status: "fail", blocking: true });
    const none = {
      ...HEALTH,
      blockOnHealth: true,
      freshness: [{ view: "user_spend", slaSeconds: 3600, maxStalenessSeconds: null, runCount: 0 }],
    };
    expect(checkFreshness(none)).toMatchObject({ status: "warn" });
  });

  it("blocks on skew alerts only with block-on-health", () => {
    const skew = [{ view: "user_spend", feature: "avg_amount", values: { psi: 0.4 }, worst: "alert" as const }];
    const checks = evaluateChecks({
      items: [item(view, viewV1)],
      target: TARGET,
      targetName: "prod",
      health: { ...HEALTH, skew },
    });
    expect(checks.find((check) => check.name === "skew")).toMatchObject({ status: "warn" });
    expect(hasBlockingFailure(checks)).toBe(false);
    const blocking = evaluateChecks({
      items: [item(view, viewV1)],
      target: TARGET,
      targetName: "prod",
      health: { ...HEALTH, skew, blockOnHealth: true },
    });
    expect(blocking.find((check) => check.name === "skew")!.details.problems[0]!.message).toBe(
      "Over its alert threshold: psi 0.400.",
    );
    expect(hasBlockingFailure(blocking)).toBe(true);
  });
});

describe("impact and snapshot", () => {
  it("traces services and models downstream in the target", () => {
    const [impact] = impactInTarget([view], TARGET, TARGET);
    expect(impact!.impacted.map((entry) => `${entry.kind}:${entry.name}`)).toEqual([
      "feature_service:scoring",
      "model:detector",
    ]);
  });

  it("hashes what is active regardless of order, and changes with any version", () => {
    const a = targetSnapshotHash([
      { kind: "feature_view", objectId: "a", versionId: "1" },
      { kind: "feature_service", objectId: "b", versionId: null },
    ]);
    const b = targetSnapshotHash([
      { kind: "feature_service", objectId: "b", versionId: null },
      { kind: "feature_view", objectId: "a", versionId: "1" },
    ]);
    expect(a).toBe(b);
    expect(
      targetSnapshotHash([
        { kind: "feature_view", objectId: "a", versionId: "2" },
        { kind: "feature_service", objectId: "b", versionId: null },
      ]),
    ).not.toBe(a);
  });
});
