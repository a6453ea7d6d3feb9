import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { feastDumpShapeErrors } from "@/lib/feast/dump-shape";
import { feastDumpToRepository } from "@/lib/feast/import";
import { encodeFeastRegistry, readFeastRegistry } from "@/lib/feast/registry-proto";
import { TRAIT_PROJECT, traitRegistry } from "./trait-registry";

const fixtures = path.join(import.meta.dirname, "../../__tests__/fixtures/feast");
const registryDb = readFileSync(path.join(fixtures, "credit_scoring_registry.db"));
const dump = JSON.parse(readFileSync(path.join(fixtures, "credit_scoring_registry-dump.json"), "utf8")) as Record<
  string,
  unknown
>;

function read(bytes: Uint8Array, project?: string) {
  const result = readFeastRegistry(bytes, project);
  if (!result.ok) throw new Error(result.message);
  return result.dump;
}

describe("readFeastRegistry: Feast's own registry.db", () => {
  it("maps exactly like the registry-dump of the same registry", () => {
    const fromDb = feastDumpToRepository(read(registryDb));
    const fromDump = feastDumpToRepository(dump);
    expect(fromDb.document).toEqual(fromDump.document);
    expect(fromDb.report).toEqual(fromDump.report);
    expect(fromDb.facts).toEqual(fromDump.facts);
    expect(fromDb.document.featureViews).toHaveLength(4);
  });

  it("decodes in the dump's JSON conventions: enum names, RFC 3339 times, durations, sorted lists", () => {
    const decoded = read(registryDb);
    expect(decoded.project).toBe("credit_scoring_aws");
    const views = decoded.featureViews as Array<{ spec: Record<string, unknown>; meta: Record<string, unknown> }>;
    expect(views.map((view) => view.spec.name)).toEqual([
      "credit_history",
      "zipcode_features",
      "zipcode_money_features",
    ]);
    expect(views[0]!.spec.ttl).toBe("777600000s");
    expect(views[0]!.meta.createdTimestamp).toBe("2024-11-20T16:10:12.904918Z");
    expect((views[0]!.spec.features as Array<{ valueType: string }>)[0]!.valueType).toBe("INT64");
    expect(feastDumpShapeErrors(decoded)).toEqual([]);
  });
});

describe("readFeastRegistry: what is not a registry", () => {
  it("says a random binary is not a Feast registry", () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256);
    expect(readFeastRegistry(bytes)).toMatchObject({ ok: false, reason: "not_registry" });
    expect(readFeastRegistry(Buffer.from("%PDF-1.7 not a registry"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a Feast registry/),
    });
  });

  it("sends JSON to the JSON import and refuses an empty file", () => {
    expect(readFeastRegistry(Buffer.from(JSON.stringify(dump)))).toMatchObject({ ok: false, reason: "json" });
    expect(readFeastRegistry(new Uint8Array())).toMatchObject({ ok: false, reason: "empty" });
  });

  it("asks which project when the registry holds several, and keeps only that one's objects", () => {
    const registry = traitRegistry();
    const other = {
      spec: { name: "other_view", project: "other", batchSource: { name: "s", type: 1 } },
    };
    (registry.featureViews as unknown[]).push(other);
    (registry.projects as unknown[]).push({ spec: { name: "other" } });
    const bytes = encodeFeastRegistry(registry);
    expect(readFeastRegistry(bytes)).toMatchObject({
      ok: false,
      reason: "choose_project",
      projects: ["other", TRAIT_PROJECT],
    });
    const chosen = read(bytes, TRAIT_PROJECT);
    expect((chosen.featureViews as unknown[]).length).toBe(3);
    expect(readFeastRegistry(bytes, "missing")).toMatchObject({ ok: false, reason: "unknown_project" });
  });
});

describe("a registry.db with the traits of several Feast eras", () => {
  const { document, report, facts } = feastDumpToRepository(read(encodeFeastRegistry(traitRegistry())));
  const view = (name: string) => document.featureViews.find((candidate) => candidate.name === name)!;

  it("imports every view, naming unnamed embedded sources after their view and deduping identical ones", () => {
    expect(document.featureViews.map((candidate) => `${candidate.name}:${candidate.kind}`).sort()).toEqual([
      "driver_live:stream",
      "driver_profile:batch",
      "driver_trips:batch",
      "driver_trips_weekly:batch",
      "trip_ratio:on_demand",
    ]);
    expect(view("driver_trips").sources).toEqual(["driver_trips_source"]);
    expect(view("driver_trips_weekly").sources).toEqual(["driver_trips_source"]);
    expect(view("driver_profile").sources).toEqual(["driver_profile_source"]);
    expect(document.dataSources.map((source) => source.name).sort()).toEqual([
      "driver_events",
      "driver_events_archive",
      "driver_profile_source",
      "driver_trips_source",
      "ride_request",
    ]);
    expect(report.skipped).toEqual([]);
  });

  it("keeps a UDF-only stream view: kind stream, its code and mode, no windows", () => {
    expect(view("driver_live")).toMatchObject({
      kind: "stream",
      aggregations: [],
      transformation: { language: "python", code: "def clean(df):\n    return df\n", mode: "spark" },
    });
  });

  it("invents nothing: omitted flags are false, a zero or omitted TTL is no expiry, services have no budget", () => {
    expect(view("driver_trips")).toMatchObject({ online: true, offline: false, ttl: "0s" });
    expect(view("driver_trips_weekly")).toMatchObject({ online: false, offline: false, ttl: "0s" });
    expect(view("driver_profile")).toMatchObject({ offline: true, ttl: "1d" });
    expect(document.featureServices[0]!.latencyBudgetMs).toBeNull();
  });

  it("keeps on-demand inputs with their chosen columns, mode and source text", () => {
    expect(view("trip_ratio")).toMatchObject({
      inputs: ["driver_trips"],
      inputFeatures: ["driver_trips:trips_today"],
      sources: ["ride_request"],
      transformation: { code: "def ratio(inputs):\n    return inputs\n", mode: "python" },
    });
  });

  it("keeps projection aliases and the chosen features of services", () => {
    expect(document.featureServices[0]).toMatchObject({
      name: "driver_ranking",
      features: ["driver_trips:rating", "driver_profile:vehicle"],
      viewAliases: { driver_trips: "trips" },
    });
  });

  it("keeps saved datasets with join keys, storage, time range, features and service", () => {
    expect(document.savedDatasets[0]).toMatchObject({
      name: "ranking_training",
      featureService: "driver_ranking",
      features: ["driver_trips:rating", "driver_profile:vehicle"],
      joinKeys: ["driver_id", "event_timestamp"],
      storage: "s3://rides/training.parquet",
      startAt: "2021-12-01T00:00:00.000Z",
      endAt: "2022-01-01T00:00:00.000Z",
    });
  });

  it("returns Feast's timestamps and materialization intervals as facts", () => {
    expect(facts.materializations).toEqual([
      { view: "driver_trips", startAt: "2022-02-01T00:00:00.000Z", endAt: "2022-02-02T00:00:00.000Z" },
      { view: "driver_trips", startAt: "2022-02-02T00:00:00.000Z", endAt: "2022-02-03T00:00:00.000Z" },
    ]);
    expect(facts.timestamps).toContainEqual({
      kind: "entity",
      name: "driver",
      createdAt: "2022-01-02T03:04:05.000Z",
      updatedAt: "2022-02-03T04:05:06.500Z",
    });
    expect(document.entities[0]!.joinKeys).toEqual([{ name: "driver_id", valueType: "int64" }]);
  });
});

describe("feastDumpShapeErrors", () => {
  it("accepts every shared fixture", () => {
    for (const file of [
      "credit_scoring_registry-dump.json",
      "feast-ui-demo-2022_registry-dump.json",
      "feast-ui-rag_rest-registry.json",
    ]) {
      expect(feastDumpShapeErrors(JSON.parse(readFileSync(path.join(fixtures, file), "utf8"))), file).toEqual([]);
    }
  });

  it("names the path of each wrong JSON type", () => {
    const broken = structuredClone(dump) as Record<string, unknown> & {
      featureViews: Array<{ spec: Record<string, unknown> }>;
    };
    broken.featureViews[1]!.spec.entities = "zipcode";
    broken.featureViews[2]!.spec.name = 42;
    broken.featureServices = { credit_score_v1: {} };
    expect(feastDumpShapeErrors(broken)).toEqual([
      { path: "featureViews[1].spec.entities", message: "Expected a list, got a string" },
      { path: "featureViews[2].spec.name", message: "Expected a string, got a number" },
      { path: "featureServices", message: "Expected a list, got an object" },
    ]);
    expect(feastDumpShapeErrors([1, 2])).toEqual([
      { path: "", message: "A registry dump is a JSON object, got a list" },
    ]);
  });
});
