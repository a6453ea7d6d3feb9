import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestProfiles, type IngestStore } from "@/lib/data/ingest";
import { listLatestFeatureProfiles } from "@/lib/data/monitoring/feature-profiles";
import { featureData } from "@/lib/monitoring/feature-data";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { profileBatchSchema } from "@/lib/validations/monitoring";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let fixture: MonitoringFixture;
const DAY = 86_400_000;
const END = Date.parse("2025-01-15T00:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

/** An online profile of account_age_days in prod for the day `daysAgo` days before END. */
const profile = (daysAgo: number, extra: Record<string, unknown> = {}) => ({
  featureView: "user_profile",
  feature: "account_age_days",
  environment: "prod",
  source: "online",
  windowStart: iso(END - (daysAgo + 1) * DAY),
  windowEnd: iso(END - daysAgo * DAY),
  binEdges: [0, 100, 200],
  counts: [10 + daysAgo, 5],
  count: 20 + daysAgo,
  nullCount: daysAgo,
  mean: 100 - daysAgo,
  min: 1,
  max: 199 - daysAgo,
  ...extra,
});

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
  const store: IngestStore = { prisma: database.prisma, engine: database.engine };
  const items = profileBatchSchema.parse({
    items: [
      ...[4, 3, 2, 1, 0].map((daysAgo) => profile(daysAgo)),
      // Not serving data of prod: the offline twin, a training baseline, and staging.
      profile(0, { source: "offline", mean: -1 }),
      profile(0, {
        source: "offline",
        windowStart: "2024-10-01T00:00:00Z",
        windowEnd: "2025-01-20T00:00:00Z",
        savedDataset: "fraud_training_2024q4",
      }),
      profile(0, { environment: "staging", windowEnd: iso(END + DAY), mean: -2 }),
      // Another feature, categorical, one profile.
      {
        featureView: "user_profile",
        feature: "country",
        environment: "prod",
        source: "online",
        windowStart: iso(END - DAY),
        windowEnd: iso(END),
        categories: ["FR", "US"],
        counts: [3, 7],
        count: 10,
      },
    ],
  }).items;
  await ingestProfiles(store, { workspaceId: fixture.workspaceId, actor: { tokenId: "t" } }, items);
});
afterAll(() => database.cleanup());

describe(`latest feature profiles on ${testEngineKind()}`, () => {
  const read = (featureIds: string[], limit?: number) =>
    listLatestFeatureProfiles(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureIds,
      limit,
    });

  it("reads the latest N online profiles of each feature in one call, newest first", async () => {
    const { accountAge, country } = fixture.features;
    const byFeature = await read([accountAge.id, country.id], 3);
    const ages = byFeature.get(accountAge.id)!;
    expect(ages.map((row) => row.windowEnd.toISOString())).toEqual([iso(END), iso(END - DAY), iso(END - 2 * DAY)]);
    expect(ages.every((row) => row.source === "online" && row.savedDatasetId === null)).toBe(true);
    expect(ages[0]!.mean).toBe(100);
    expect(byFeature.get(country.id)!.map((row) => row.categories)).toEqual([["FR", "US"]]);
  });

  it("gives the trend over the profiles read: latest, change from the previous, series oldest first", async () => {
    const { accountAge } = fixture.features;
    const data = featureData((await read([accountAge.id], 4)).get(accountAge.id)!)!;
    expect(data.windowEnd).toBe(iso(END));
    expect(data.trend.mean).toEqual({ latest: 100, previous: 99, change: 1, series: [97, 98, 99, 100] });
    expect(data.trend.max.series).toEqual([196, 197, 198, 199]);
    expect(data.trend.nullRate.series).toEqual([3 / 23, 2 / 22, 1 / 21, 0]);
    expect(data.histogram.map((bar) => bar.count)).toEqual([10, 5]);
  });

  it("has nothing for a feature without profiles, and nothing for another workspace's ids", async () => {
    const { logins15m, accountAge } = fixture.features;
    const byFeature = await read([logins15m.id]);
    expect(byFeature.size).toBe(0);
    expect(featureData(byFeature.get(logins15m.id) ?? [])).toBeNull();
    const elsewhere = await listLatestFeatureProfiles(database.prisma, {
      workspaceId: "another-workspace",
      environmentId: fixture.prodId,
      featureIds: [accountAge.id],
    });
    expect(elsewhere.size).toBe(0);
    expect((await read([])).size).toBe(0);
  });
});
