import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCurrentDefinition, importFeastRegistry } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { encodeFeastRegistry } from "@/lib/feast/registry-proto";
import { traitRegistry } from "@/lib/feast/__tests__/trait-registry";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
const actor = { userId: null };
const fixtures = path.join(import.meta.dirname, "../../__tests__/fixtures/feast");
const json = (file: string) => JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as Record<string, unknown>;
const creditDump = json("credit_scoring_registry-dump.json");
const creditDb = readFileSync(path.join(fixtures, "credit_scoring_registry.db"));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

async function newWorkspace(slug: string) {
  return (await createWorkspace(database.prisma, { slug, name: slug })).id;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

/** Objects per kind as stored, with features and service links. */
async function counts(workspaceId: string) {
  const where = { workspaceId };
  const [dataSources, entities, featureViews, features, featureServices, serviceFeatures, savedDatasets, runs] =
    await Promise.all([
      database.prisma.dataSource.count({ where }),
      database.prisma.entity.count({ where }),
      database.prisma.featureView.count({ where }),
      database.prisma.feature.count({ where }),
      database.prisma.featureService.count({ where }),
      database.prisma.featureServiceFeature.count({ where: { featureService: where } }),
      database.prisma.savedDataset.count({ where }),
      database.prisma.materializationRun.count({ where }),
    ]);
  return { dataSources, entities, featureViews, features, featureServices, serviceFeatures, savedDatasets, runs };
}

/** A checksum of every registry table a Feast import writes: equal before and after means nothing changed. */
async function checksum(): Promise<string> {
  const tables = [
    "data_source",
    "entity",
    "feature_view",
    "feature",
    "feature_service",
    "feature_service_feature",
    "saved_dataset",
    "definition_version",
    "active_version",
    "audit_log",
    "materialization_run",
    "external_object_meta",
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await database.prisma.$queryRawUnsafe<Array<{ sum: string | null }>>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`,
    );
    parts.push(`${table}:${row?.sum}`);
  }
  return parts.join(",");
}

/** The credit-scoring dump with values replaced at paths such as `featureViews[1].spec.entities`. */
function broken(changes: Array<[string, unknown]>): Record<string, unknown> {
  const dump = structuredClone(creditDump);
  for (const [at, value] of changes) {
    const keys = at.split(/\.|\[|\]/).filter(Boolean);
    let target = dump as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[keys.at(-1)!] = value;
  }
  return dump;
}

async function definitionsOf(workspaceId: string, kind: DefinitionKind) {
  const rows = await database.prisma.definitionVersion.findMany({
    where: { workspaceId, objectKind: kind },
    select: { objectName: true, contentHash: true },
    orderBy: { objectName: "asc" },
  });
  return rows.map((row) => `${row.objectName}:${row.contentHash}`);
}

describe(`Feast import of the shared fixtures on ${testEngineKind()}`, () => {
  it("imports credit_scoring_registry.db exactly like its registry-dump", async () => {
    const fromDb = await newWorkspace("credit-db");
    const fromDump = await newWorkspace("credit-dump");
    const dbReport = await importFeastRegistry(database.prisma, { workspaceId: fromDb, registry: creditDb }, actor);
    const dumpReport = await importFeastRegistry(database.prisma, { workspaceId: fromDump, dump: creditDump }, actor);
    expect(dbReport).toEqual(dumpReport);
    expect(await counts(fromDb)).toEqual(await counts(fromDump));
    expect(await counts(fromDb)).toMatchObject({
      dataSources: 3,
      entities: 2,
      featureViews: 4,
      featureServices: 5,
      savedDatasets: 0,
    });
    for (const kind of ["data_source", "entity", "feature_view", "feature_service"] as const) {
      expect(await definitionsOf(fromDb, kind)).toEqual(await definitionsOf(fromDump, kind));
    }
    // The dump of the same registry then has nothing to change.
    const again = await importFeastRegistry(database.prisma, { workspaceId: fromDb, dump: creditDump }, actor);
    expect(again).toMatchObject({ created: [], updated: [], removed: [], unchanged: 14 });
  });

  it("imports the 2022 UI demo: materialization history, a UDF-only stream view, no invented budget", async () => {
    const workspaceId = await newWorkspace("demo-2022");
    const report = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: json("feast-ui-demo-2022_registry-dump.json") },
      actor,
    );
    expect(report.skipped.map((entry) => entry.name)).toEqual(["__dummy"]);
    expect(await counts(workspaceId)).toMatchObject({
      dataSources: 5,
      entities: 2,
      featureViews: 5,
      featureServices: 5,
      runs: 6,
    });
    const stream = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "transaction_stream_example",
    });
    expect(stream?.definition).toMatchObject({
      kind: "stream",
      aggregations: [],
      transformation: { language: "python" },
    });
    expect(JSON.stringify(stream?.definition)).toContain("@stream_feature_view(");
    const services = await database.prisma.featureService.findMany({ where: { workspaceId } });
    expect(services.every((service) => service.latencyBudgetMs === null)).toBe(true);
    const run = await database.prisma.materializationRun.findFirst({
      where: { workspaceId },
      orderBy: { watermark: "desc" },
    });
    expect(run).toMatchObject({ status: "success", watermark: new Date("2022-05-11T19:27:43Z") });
    // Importing again adds no second history.
    await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: json("feast-ui-demo-2022_registry-dump.json") },
      actor,
    );
    expect((await counts(workspaceId)).runs).toBe(6);
  });

  it("imports the RAG registry served by Feast's REST API", async () => {
    const workspaceId = await newWorkspace("rag");
    const report = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: json("feast-ui-rag_rest-registry.json") },
      actor,
    );
    expect(report.project).toBe("rag_project");
    expect(report.skipped).toEqual([]);
    expect(await counts(workspaceId)).toMatchObject({ dataSources: 2, entities: 2, featureViews: 3, features: 7 });
  });
});

describe(`Feast import of a built registry.db with every trait on ${testEngineKind()}`, () => {
  it("carries everything over and stores what pages show", async () => {
    const workspaceId = await newWorkspace("traits");
    const report = await importFeastRegistry(
      database.prisma,
      { workspaceId, registry: encodeFeastRegistry(traitRegistry()) },
      actor,
    );
    expect(report.skipped).toEqual([]);
    expect(await counts(workspaceId)).toEqual({
      dataSources: 5,
      entities: 1,
      featureViews: 5,
      features: 6,
      featureServices: 1,
      serviceFeatures: 2,
      savedDatasets: 1,
      runs: 2,
    });
    const trips = await database.prisma.featureView.findFirst({ where: { workspaceId, name: "driver_trips" } });
    expect(trips).toMatchObject({ ttlSeconds: 0, online: true, offline: false });
    const dataset = await database.prisma.savedDataset.findFirst({ where: { workspaceId } });
    expect(dataset).toMatchObject({
      joinKeys: ["driver_id", "event_timestamp"],
      storage: "s3://rides/training.parquet",
      startAt: new Date("2021-12-01T00:00:00Z"),
      endAt: new Date("2022-01-01T00:00:00Z"),
    });
    expect(dataset?.featureServiceId).not.toBeNull();
    const meta = await database.prisma.externalObjectMeta.findUnique({
      where: { workspaceId_objectKind_objectName: { workspaceId, objectKind: "entity", objectName: "driver" } },
    });
    expect(meta?.createdAt).toEqual(new Date("2022-01-02T03:04:05Z"));
  });
});

describe(`Feast import refuses broken files on ${testEngineKind()}`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = await newWorkspace("strict");
    await importFeastRegistry(database.prisma, { workspaceId, dump: creditDump }, actor);
  });

  // [what, the path broken, the wrong value]
  const variants: Array<[string, string, unknown]> = [
    ["featureViews as an object", "featureViews", { credit_history: {} }],
    ["entities of a view as a string", "featureViews[1].spec.entities", "zipcode"],
    ["a service's projections as a string", "featureServices[0].spec.features", "all"],
    ["a name as a number", "entities[1].spec.name", 7],
    ["a spec as a list", "onDemandFeatureViews[0].spec", []],
    ["tags as a string", "dataSources[0].tags", "a,b"],
  ];

  for (const [what, fieldPath, value] of variants) {
    it(`rejects ${what} with its path and writes nothing`, async () => {
      const dump = broken([[fieldPath, value]]);
      const before = await checksum();
      const error = await caught(importFeastRegistry(database.prisma, { workspaceId, dump }, actor));
      expect(error.status).toBe(422);
      expect(error.fields?.map((field) => field.path)).toContain(fieldPath);
      expect(await checksum()).toBe(before);
    });
  }

  it("names every broken path at once", async () => {
    const dump = broken([
      ["featureViews[0].spec.features", {}],
      ["savedDatasets", [{ spec: { name: "s", joinKeys: "id" } }]],
    ]);
    const error = await caught(importFeastRegistry(database.prisma, { workspaceId, dump }, actor));
    expect(error.fields?.map((field) => field.path)).toEqual([
      "featureViews[0].spec.features",
      "savedDatasets[0].spec.joinKeys",
    ]);
  });

  it("says a binary that is not a registry is not a Feast registry, and writes nothing", async () => {
    const before = await checksum();
    const error = await caught(
      importFeastRegistry(database.prisma, { workspaceId, registry: Buffer.from("GIF89a\u0001\u0000garbage") }, actor),
    );
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/not a Feast registry/);
    expect(await checksum()).toBe(before);
  });

  it("keeps a feature whose value type became unknown, with a warning on it", async () => {
    const dump = broken([["featureViews[0].spec.features[0].valueType", "GARBAGE"]]);
    const report = await importFeastRegistry(database.prisma, { workspaceId, dump }, actor);
    expect(report).toMatchObject({ created: [], updated: [], skipped: [{ name: "__dummy" }] });
    expect(report.warnings).toContainEqual({
      kind: "feature",
      name: "credit_history:credit_card_due",
      message: 'Value type "GARBAGE" is unknown; kept the previous type int64',
    });
    expect(await database.prisma.feature.count({ where: { workspaceId, name: "credit_card_due" } })).toBe(1);
  });

  it("plans without writing on a dry run", async () => {
    const fresh = await newWorkspace("dry-run");
    const before = await checksum();
    const plan = await importFeastRegistry(
      database.prisma,
      { workspaceId: fresh, dump: creditDump, dryRun: true },
      actor,
    );
    expect(plan).toMatchObject({ dryRun: true, updated: [], removed: [] });
    expect(plan.created).toHaveLength(14);
    expect(await checksum()).toBe(before);
  });
});
