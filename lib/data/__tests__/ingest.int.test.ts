import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize, type ApiPrincipal } from "@/lib/api/principal";
import { authenticateApiToken, createApiToken } from "@/lib/data/api-tokens";
import {
  ingestMaterializationRuns,
  ingestProfiles,
  ingestServingMetrics,
  pruneMonitoringData,
  type IngestStore,
} from "@/lib/data/ingest";
import { registryWriteEpoch, writeEpoch } from "@/lib/db/write-epoch";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import {
  INGEST_ACCESS,
  materializationRunBatchSchema,
  profileBatchSchema,
  servingMetricBatchSchema,
} from "@/lib/validations/monitoring";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let store: IngestStore;
let fixture: MonitoringFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  store = { prisma: database.prisma, engine: database.engine };
  fixture = await createMonitoringFixture(database.prisma);
});
afterAll(() => database.cleanup());

const context = () => ({ workspaceId: fixture.workspaceId, actor: { tokenId: "token-1" } });
const minute = (iso: string, offset: number) => new Date(new Date(iso).getTime() + offset * 60_000).toISOString();

function servingItems(count: number, start = "2025-01-15T10:00:00Z", service = "fraud_scoring_v3") {
  return Array.from({ length: count }, (_, i) => ({
    featureService: service,
    environment: "prod",
    bucketStart: minute(start, i),
    requestCount: 100,
    errorCount: 1,
    p50Ms: 10,
    p95Ms: 20,
    p99Ms: 30 + i,
  }));
}

const servingRows = (bucketSeconds: number) =>
  database.prisma.servingMetric.findMany({
    where: { featureServiceId: fixture.service.id, bucketSeconds },
    orderBy: { bucketStart: "asc" },
  });

describe(`ingestion auth and scopes on ${testEngineKind()}`, () => {
  it("lets ingest-scoped tokens and authors in, and keeps read tokens and viewers out", async () => {
    const ingestToken = await createApiToken(
      database.prisma,
      { workspaceId: fixture.workspaceId, name: "platform", scopes: ["ingest"] },
      {},
    );
    const readToken = await createApiToken(
      database.prisma,
      { workspaceId: fixture.workspaceId, name: "reader", scopes: ["read"] },
      {},
    );
    const asPrincipal = async (token: string): Promise<ApiPrincipal> => ({
      kind: "token",
      ...(await authenticateApiToken(database.prisma, token))!,
    });
    const ingest = await asPrincipal(ingestToken.token);
    const read = await asPrincipal(readToken.token);
    expect(() => authorize(ingest, INGEST_ACCESS)).not.toThrow();
    expect(() => authorize(read, INGEST_ACCESS)).toThrow(/ingest/);
    const user = (role: "viewer" | "author"): ApiPrincipal => ({
      kind: "user",
      userId: "u",
      email: "u@x",
      name: "U",
      workspaceId: fixture.workspaceId,
      workspaceSlug: "fraud",
      role,
      memberships: [],
    });
    expect(() => authorize(user("author"), INGEST_ACCESS)).not.toThrow();
    expect(() => authorize(user("viewer"), INGEST_ACCESS)).toThrow(/author/);
  });
});

describe(`batch validation on ${testEngineKind()}`, () => {
  it("rejects a whole batch for one bad item, naming its index and field", () => {
    const items = servingItems(5);
    (items[3] as Record<string, unknown>).bucketStart = "2025-01-15T10:03:30Z";
    const parsed = servingMetricBatchSchema.safeParse({ items });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["items", 3, "bucketStart"]);
  });

  it("limits a batch to 10,000 items", () => {
    expect(servingMetricBatchSchema.safeParse({ items: servingItems(10_000) }).success).toBe(true);
    const tooMany = servingMetricBatchSchema.safeParse({ items: servingItems(10_001) });
    expect(tooMany.error?.issues[0]?.message).toMatch(/10,000/);
  });

  it("asks for percentiles or a histogram, and a watermark for successful runs", () => {
    const metric = servingMetricBatchSchema.safeParse({ items: [{ ...servingItems(1)[0], p99Ms: undefined }] });
    expect(metric.error?.issues[0]?.path).toEqual(["items", 0, "p99Ms"]);
    const run = materializationRunBatchSchema.safeParse({
      items: [
        {
          featureView: "user_profile",
          environment: "prod",
          status: "success",
          startedAt: "2025-01-15T00:00:00Z",
          endedAt: "2025-01-15T00:10:00Z",
        },
      ],
    });
    expect(run.error?.issues[0]?.path).toEqual(["items", 0, "watermark"]);
  });
});

describe(`serving metrics ingestion on ${testEngineKind()}`, () => {
  it("writes nothing when a name is unknown and names every unknown one", async () => {
    const items = [...servingItems(2), ...servingItems(1, "2025-01-15T11:00:00Z", "ghost_service")];
    items.push({ ...servingItems(1, "2025-01-15T12:00:00Z")[0]!, environment: "qa" });
    const batch = servingMetricBatchSchema.parse({ items });
    const error = await ingestServingMetrics(store, context(), batch.items).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "unprocessable" });
    expect((error as Error).message).toMatch(/feature service "ghost_service"/);
    expect((error as Error).message).toMatch(/environment "qa"/);
    expect((error as { fields: { path: string }[] }).fields.map((field) => field.path)).toEqual([
      "items[2].featureService",
      "items[3].environment",
    ]);
    expect(await servingRows(60)).toHaveLength(0);
  });

  it("rejects duplicate buckets in one batch", async () => {
    const items = servingItems(3);
    items[2] = { ...items[2]!, bucketStart: items[0]!.bucketStart };
    const batch = servingMetricBatchSchema.parse({ items });
    await expect(ingestServingMetrics(store, context(), batch.items)).rejects.toMatchObject({
      code: "unprocessable",
      fields: [{ path: "items[2].bucketStart" }],
    });
  });

  it("writes minutes and rolls them up into hours and days", async () => {
    const batch = servingMetricBatchSchema.parse({ items: servingItems(90, "2025-01-15T10:00:00Z") });
    const outcome = await ingestServingMetrics(store, context(), batch.items);
    expect(outcome).toMatchObject({
      status: 200,
      replayed: false,
      body: { accepted: 90, kind: "serving_metrics", rollups: { hourly: 2, daily: 1 } },
    });
    expect(await servingRows(60)).toHaveLength(90);
    const hours = await servingRows(3600);
    expect(hours.map((row) => [row.bucketStart.toISOString(), row.requestCount, row.errorCount])).toEqual([
      ["2025-01-15T10:00:00.000Z", 6000, 60],
      ["2025-01-15T11:00:00.000Z", 3000, 30],
    ]);
    // Equal traffic per minute: the hourly p99 is the mean of the minutes' p99s (30..89 -> 59.5).
    expect(hours[0]!.latencyP99Ms).toBeCloseTo(59.5, 6);
    const days = await servingRows(86_400);
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ requestCount: 9000, errorCount: 90 });
    expect(days[0]!.latencyP99Ms).toBeCloseTo((59.5 * 6000 + 104.5 * 3000) / 9000, 6);
  });

  it("replaces a re-sent minute instead of double-counting, and re-rolls its hour", async () => {
    const item = { ...servingItems(1, "2025-01-15T11:29:00Z")[0]!, requestCount: 400, errorCount: 0 };
    await ingestServingMetrics(store, context(), servingMetricBatchSchema.parse({ items: [item] }).items);
    const hours = await servingRows(3600);
    expect(hours[1]).toMatchObject({ requestCount: 3000 - 100 + 400, errorCount: 29 });
    const days = await servingRows(86_400);
    expect(days[0]).toMatchObject({ requestCount: 9300 });
  });

  it("rolls up an hour fed by concurrent batches with every batch's minutes", async () => {
    // Four platform workers push different minutes of one hour at once (on PostgreSQL these
    // are four connections; each batch's rollup must include the others' committed minutes).
    const batches = [0, 15, 30, 45].map(
      (offset) =>
        servingMetricBatchSchema.parse({ items: servingItems(15, minute("2025-01-17T08:00:00Z", offset)) }).items,
    );
    await Promise.all(batches.map((items) => ingestServingMetrics(store, context(), items)));
    const hour = (await servingRows(3600)).find((row) => row.bucketStart.toISOString() === "2025-01-17T08:00:00.000Z");
    expect(hour).toMatchObject({ requestCount: 6000, errorCount: 60 });
    const day = (await servingRows(86_400)).find((row) => row.bucketStart.toISOString() === "2025-01-17T00:00:00.000Z");
    expect(day).toMatchObject({ requestCount: 6000, errorCount: 60 });
  });

  it("retires the shared reads that show monitoring data, and not those of the registry alone", async () => {
    const writes = () => ({ any: writeEpoch(), registry: registryWriteEpoch() });
    const before = writes();
    const items = servingMetricBatchSchema.parse({ items: servingItems(3, "2025-01-17T00:00:00Z") }).items;
    await ingestServingMetrics(store, { ...context(), idempotencyKey: "epochs" }, items);
    const runs = materializationRunBatchSchema.parse({
      items: [
        {
          featureView: "login_activity",
          environment: "dev",
          status: "success",
          startedAt: "2025-01-17T00:00:00Z",
          endedAt: "2025-01-17T00:05:00Z",
          watermark: "2025-01-17T00:00:00Z",
        },
      ],
    }).items;
    await ingestMaterializationRuns(store, context(), runs);
    const after = writes();
    expect(after.any).toBeGreaterThan(before.any);
    expect(after.registry).toBe(before.registry);

    await database.prisma.team.create({ data: { workspaceId: fixture.workspaceId, slug: "epochs", name: "Epochs" } });
    expect(writes().registry).toBeGreaterThan(after.registry);
  });

  it("answers a retried Idempotency-Key with the first response and writes once", async () => {
    const items = servingMetricBatchSchema.parse({ items: servingItems(5, "2025-01-16T00:00:00Z") }).items;
    const first = await ingestServingMetrics(store, { ...context(), idempotencyKey: "batch-42" }, items);
    const again = await ingestServingMetrics(store, { ...context(), idempotencyKey: "batch-42" }, items);
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, status: 200, body: first.body });
    const days = await database.prisma.servingMetric.findMany({
      where: { bucketSeconds: 86_400, bucketStart: new Date("2025-01-16T00:00:00Z") },
    });
    expect(days[0]?.requestCount).toBe(500);
    const changed = servingMetricBatchSchema.parse({ items: servingItems(4, "2025-01-16T00:00:00Z") }).items;
    await expect(
      ingestServingMetrics(store, { ...context(), idempotencyKey: "batch-42" }, changed),
    ).rejects.toMatchObject({ code: "unprocessable" });
    // Keys are per workspace: another workspace may use the same key for its own batch.
    const keys = await database.prisma.idempotencyKey.findMany({ where: { key: { endsWith: ":batch-42" } } });
    expect(keys).toHaveLength(1);
    expect(keys[0]?.key.startsWith(fixture.workspaceId)).toBe(true);
  });

  it("derives percentiles from histograms and merges them exactly in rollups", async () => {
    const histogram = { edgesMs: [0, 10, 20, 40, 80], counts: [50, 30, 15, 5] };
    const items = [0, 1].map((i) => ({
      featureService: "fraud_scoring_v3",
      environment: "staging",
      bucketStart: minute("2025-01-15T10:00:00Z", i),
      requestCount: 100,
      errorCount: 0,
      histogram,
      viewTimings: { user_profile: 4 + i * 2, login_activity: 10 },
    }));
    await ingestServingMetrics(store, context(), servingMetricBatchSchema.parse({ items }).items);
    const stagingId = fixture.envId("staging");
    const [raw] = await database.prisma.servingMetric.findMany({
      where: { environmentId: stagingId, bucketSeconds: 60 },
      orderBy: { bucketStart: "asc" },
    });
    expect(raw?.latencyP50Ms).toBeCloseTo(10, 6);
    expect(raw?.latencyP99Ms).toBeCloseTo(72, 6);
    const [hour] = await database.prisma.servingMetric.findMany({
      where: { environmentId: stagingId, bucketSeconds: 3600 },
    });
    expect(hour?.histogram).toEqual({ edgesMs: [0, 10, 20, 40, 80], counts: [100, 60, 30, 10] });
    expect(hour?.latencyP99Ms).toBeCloseTo(72, 6);
    expect(hour?.viewTimings).toEqual({ user_profile: 5, login_activity: 10 });
  });
});

describe(`materialization runs and profiles on ${testEngineKind()}`, () => {
  it("updates a re-reported run (running, then success) instead of adding one", async () => {
    const running = {
      featureView: "user_profile",
      environment: "prod",
      status: "running",
      startedAt: "2025-01-15T02:00:00Z",
    };
    await ingestMaterializationRuns(store, context(), materializationRunBatchSchema.parse({ items: [running] }).items);
    const done = {
      ...running,
      status: "success",
      endedAt: "2025-01-15T02:20:00Z",
      watermark: "2025-01-15T01:55:00Z",
      rowsWritten: 4_200_000,
      computeSeconds: 1200,
      cost: 1.32,
    };
    await ingestMaterializationRuns(store, context(), materializationRunBatchSchema.parse({ items: [done] }).items);
    const runs = await database.prisma.materializationRun.findMany({
      where: { featureViewId: fixture.views.userProfile.id },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "success", rowsWritten: 4_200_000n, cost: 1.32 });
    expect(runs[0]?.watermark?.toISOString()).toBe("2025-01-15T01:55:00.000Z");
  });

  it("stores numeric and categorical profiles, with a training baseline by saved dataset name", async () => {
    const base = {
      featureView: "user_profile",
      environment: "prod",
      windowStart: "2025-01-14T00:00:00Z",
      windowEnd: "2025-01-15T00:00:00Z",
      count: 1000,
    };
    const items = profileBatchSchema.parse({
      items: [
        {
          ...base,
          feature: "account_age_days",
          source: "online",
          binEdges: [0, 10, 20, 30],
          counts: [500, 300, 200],
          mean: 12.5,
          quantiles: { p50: 10 },
        },
        {
          ...base,
          feature: "country",
          source: "offline",
          categories: ["US", 'G"B', "DE"],
          counts: [600, 300, 100],
          nullCount: 3,
        },
        {
          ...base,
          feature: "account_age_days",
          source: "offline",
          windowStart: "2024-10-01T00:00:00Z",
          binEdges: [0, 10, 20, 30],
          counts: [400, 400, 200],
          savedDataset: "fraud_training_2024q4",
        },
      ],
    }).items;
    const outcome = await ingestProfiles(store, context(), items);
    expect(outcome.touched).toMatchObject({
      kind: "feature",
      ids: [fixture.features.accountAge.id, fixture.features.country.id],
    });
    const stored = await database.prisma.featureProfile.findMany({ orderBy: { windowStart: "asc" } });
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({
      savedDatasetId: fixture.dataset.id,
      binEdges: [0, 10, 20, 30],
      counts: [400, 400, 200],
    });
    const country = stored.find((profile) => profile.featureId === fixture.features.country.id);
    expect(country).toMatchObject({
      categories: ["US", 'G"B', "DE"],
      counts: [600, 300, 100],
      nullCount: 3n,
      binEdges: [],
    });
  });

  it("names an unknown feature of a known view", async () => {
    const items = profileBatchSchema.parse({
      items: [
        {
          featureView: "user_profile",
          feature: "shoe_size",
          environment: "prod",
          source: "online",
          windowStart: "2025-01-14T00:00:00Z",
          windowEnd: "2025-01-15T00:00:00Z",
          count: 1,
          categories: ["a"],
          counts: [1],
        },
      ],
    }).items;
    await expect(ingestProfiles(store, context(), items)).rejects.toMatchObject({
      code: "unprocessable",
      fields: [{ path: "items[0].feature", message: expect.stringMatching(/user_profile:shoe_size/) }],
    });
  });
});

describe(`retention on ${testEngineKind()}`, () => {
  it("deletes raw minutes past the retention and keeps their rollups", async () => {
    const before = (await servingRows(3600)).length;
    const result = await pruneMonitoringData(store, {
      workspaceId: fixture.workspaceId,
      now: new Date("2025-02-15T00:00:00Z"),
    });
    expect(result.retentionDays).toBe(14);
    expect(result.rawRowsDeleted).toBeGreaterThan(0);
    expect(await database.prisma.servingMetric.count({ where: { bucketSeconds: 60 } })).toBe(0);
    expect((await servingRows(3600)).length).toBe(before);
  });
});
