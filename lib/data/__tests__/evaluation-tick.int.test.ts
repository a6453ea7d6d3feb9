import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateRules, noDataSince } from "@/lib/data/alerts";
import { getFeatureDrift, listFeatureStatistics, listViewFreshness, setDriftBaseline } from "@/lib/data/monitoring";
import { compareProfiles } from "@/lib/monitoring/stats";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

/**
 * The set-based reads of an evaluation tick: the skew and drift of every feature in one
 * statement give the numbers the per-feature page computes; "no data" where nothing compares;
 * views not deployed to an environment are not stale there; a silent service says "no data".
 */
let database: TestDatabase;
let fixture: MonitoringFixture;
const now = new Date("2025-01-15T12:00:00Z");
const DAY = 86_400_000;
const EDGES = [0, 10, 20, 30, 40];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMonitoringFixture(database.prisma);
});
afterAll(() => database.cleanup());

async function profile(input: {
  featureId: string;
  source: "online" | "offline";
  daysAgo: number;
  counts: number[];
  categories?: string[];
  environmentId?: string;
  savedDatasetId?: string;
}) {
  const windowStart = new Date(now.getTime() - (input.daysAgo + 1) * DAY);
  await database.prisma.featureProfile.create({
    data: {
      workspaceId: fixture.workspaceId,
      featureId: input.featureId,
      environmentId: input.environmentId ?? fixture.prodId,
      source: input.source,
      windowStart,
      windowEnd: new Date(windowStart.getTime() + DAY),
      binEdges: input.categories ? [] : EDGES,
      categories: input.categories ?? [],
      counts: input.counts,
      count: BigInt(input.counts.reduce((sum, count) => sum + count, 0)),
      savedDatasetId: input.savedDatasetId ?? null,
    },
  });
}

describe(`the set-based skew and drift read on ${testEngineKind()}`, () => {
  beforeAll(async () => {
    const { accountAge, country, logins15m, amountRatio } = fixture.features;
    // accountAge: skew (offline of the same window) and drift (training profile); an older online
    // profile that must be ignored.
    await profile({ featureId: accountAge.id, source: "online", daysAgo: 3, counts: [1, 1, 1, 97] });
    await profile({ featureId: accountAge.id, source: "online", daysAgo: 0, counts: [100, 200, 300, 400] });
    await profile({ featureId: accountAge.id, source: "offline", daysAgo: 0, counts: [250, 250, 250, 250] });
    await profile({
      featureId: accountAge.id,
      source: "offline",
      daysAgo: 20,
      counts: [400, 300, 200, 100],
      savedDatasetId: fixture.dataset.id,
    });
    // country: categorical skew, categories aligned by name.
    await profile({
      featureId: country.id,
      source: "online",
      daysAgo: 0,
      counts: [60, 30, 10],
      categories: ["DE", "FR", "NL"],
    });
    await profile({ featureId: country.id, source: "offline", daysAgo: 0, counts: [50, 50], categories: ["FR", "DE"] });
    // logins15m: an online profile and nothing to compare it with.
    await profile({ featureId: logins15m.id, source: "online", daysAgo: 0, counts: [5, 5, 5, 5] });
    // amountRatio: drift against a pinned window of its own online profiles (wins over training).
    await profile({ featureId: amountRatio.id, source: "online", daysAgo: 5, counts: [10, 20, 30, 40] });
    await profile({ featureId: amountRatio.id, source: "online", daysAgo: 4, counts: [30, 20, 10, 40] });
    await profile({ featureId: amountRatio.id, source: "online", daysAgo: 0, counts: [40, 30, 20, 10] });
    await profile({
      featureId: amountRatio.id,
      source: "offline",
      daysAgo: 30,
      counts: [1, 1, 1, 1],
      savedDatasetId: fixture.dataset.id,
    });
    await setDriftBaseline(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        featureId: amountRatio.id,
        environmentId: fixture.prodId,
        window: { start: new Date(now.getTime() - 6 * DAY), end: new Date(now.getTime() - 4 * DAY) },
      },
      { userId: fixture.authorId },
    );
    // Profiles in staging only: not part of prod's list.
    await profile({
      featureId: country.id,
      source: "online",
      daysAgo: 0,
      counts: [1, 1],
      categories: ["DE", "FR"],
      environmentId: fixture.envId("staging"),
    });
  });

  it("gives every profiled feature the same statistics as its own page, and says no data when nothing compares", async () => {
    const rows = await listFeatureStatistics(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
    });
    const { accountAge, country, logins15m, amountRatio } = fixture.features;
    expect(rows.map((row) => row.featureId).sort()).toEqual(
      [accountAge.id, country.id, logins15m.id, amountRatio.id].sort(),
    );
    for (const row of rows) {
      const page = await getFeatureDrift(database.prisma, {
        workspaceId: fixture.workspaceId,
        environmentId: fixture.prodId,
        featureId: row.featureId,
        from: new Date(now.getTime() - 40 * DAY),
        to: now,
      });
      expect(row.skew?.values ?? null, row.name).toEqual(page!.skew?.values ?? null);
      expect(row.drift?.values ?? null, row.name).toEqual(page!.drift?.values ?? null);
      expect(row.skew?.worst ?? null, row.name).toEqual(page!.skew?.worst ?? null);
      expect(row.drift?.worst ?? null, row.name).toEqual(page!.drift?.worst ?? null);
    }
    const byId = new Map(rows.map((row) => [row.featureId, row]));
    // Pinned against the statistics module directly: the newest online profile, not the older one.
    expect(byId.get(accountAge.id)!.skew!.values).toEqual(
      compareProfiles(
        { kind: "numeric", binEdges: EDGES, counts: [250, 250, 250, 250] },
        { kind: "numeric", binEdges: EDGES, counts: [100, 200, 300, 400] },
      ),
    );
    expect(byId.get(accountAge.id)!.drift!.values).toEqual(
      compareProfiles(
        { kind: "numeric", binEdges: EDGES, counts: [400, 300, 200, 100] },
        { kind: "numeric", binEdges: EDGES, counts: [100, 200, 300, 400] },
      ),
    );
    expect(byId.get(amountRatio.id)!.drift!.values).toEqual(
      compareProfiles(
        { kind: "numeric", binEdges: EDGES, counts: [40, 40, 40, 80] },
        { kind: "numeric", binEdges: EDGES, counts: [40, 30, 20, 10] },
      ),
    );
    expect(byId.get(country.id)!.kind).toBe("categorical");
    expect(byId.get(country.id)!.skew!.values.chi2PValue).toBeGreaterThan(0);
    expect(byId.get(logins15m.id)).toMatchObject({ skew: null, drift: null, worst: "no_data", psi: null });
    // The worst first, "no data" last.
    expect(rows.at(-1)!.featureId).toBe(logins15m.id);
  });

  it("reads only the features asked for, and a service's features", async () => {
    const only = await listFeatureStatistics(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureIds: [fixture.features.country.id],
    });
    expect(only.map((row) => row.featureId)).toEqual([fixture.features.country.id]);
    const served = await listFeatureStatistics(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureServiceId: fixture.service.id,
    });
    expect(served).toHaveLength(4);
  });

  it("raises no statistic alert for a feature with no data, and one for a drifting feature", async () => {
    await evaluateRules(database.prisma, { workspaceId: fixture.workspaceId, now, kinds: ["statistic"] });
    const alerts = await database.prisma.alert.findMany({
      where: { workspaceId: fixture.workspaceId, environmentId: fixture.prodId, endedAt: null },
      select: { objectId: true },
    });
    const alerted = new Set(alerts.map((alert) => alert.objectId));
    expect(alerted.has(fixture.features.accountAge.id)).toBe(true);
    expect(alerted.has(fixture.features.logins15m.id)).toBe(false);
  });
});

describe(`deployment and silence on ${testEngineKind()}`, () => {
  it("does not list a view as stale, nor alert on it, in an environment it is not deployed to", async () => {
    const { userProfile, loginActivity } = fixture.views;
    // user_profile is deployed to dev only; login_activity is outside the promotion workflow.
    const version = await database.prisma.definitionVersion.create({
      data: {
        workspaceId: fixture.workspaceId,
        objectKind: "feature_view",
        objectId: userProfile.id,
        objectName: "user_profile",
        number: 1,
        contentHash: "h",
        definition: {},
      },
    });
    await database.prisma.activeVersion.create({
      data: {
        environmentId: fixture.envId("dev"),
        objectKind: "feature_view",
        objectId: userProfile.id,
        versionId: version.id,
      },
    });
    // Both last landed 5 days ago in prod (SLA 2 days and 10 minutes): stale if judged.
    for (const view of [userProfile, loginActivity]) {
      await database.prisma.materializationRun.create({
        data: {
          workspaceId: fixture.workspaceId,
          featureViewId: view.id,
          environmentId: fixture.prodId,
          status: "success",
          startedAt: new Date(now.getTime() - 5 * DAY),
          endedAt: new Date(now.getTime() - 5 * DAY + 600_000),
          watermark: new Date(now.getTime() - 5 * DAY),
        },
      });
    }
    const scope = { workspaceId: fixture.workspaceId, environmentId: fixture.prodId, now };
    const listed = await listViewFreshness(database.prisma, scope);
    expect(listed.map((view) => [view.name, view.status])).toEqual([["login_activity", "stale"]]);
    const own = await listViewFreshness(database.prisma, {
      ...scope,
      includeUndeployed: true,
      featureViewIds: [userProfile.id],
    });
    expect(own[0]!.status).toBe("not_deployed");

    await evaluateRules(database.prisma, { workspaceId: fixture.workspaceId, now, kinds: ["freshness"] });
    const open = await database.prisma.alert.findMany({
      where: {
        workspaceId: fixture.workspaceId,
        environmentId: fixture.prodId,
        endedAt: null,
        objectKind: "feature_view",
      },
      select: { objectId: true },
    });
    expect(open.map((alert) => alert.objectId)).toEqual([loginActivity.id]);

    // Deployed to prod as well: now it is judged there, and stale.
    await database.prisma.activeVersion.create({
      data: {
        environmentId: fixture.prodId,
        objectKind: "feature_view",
        objectId: userProfile.id,
        versionId: version.id,
      },
    });
    const after = await listViewFreshness(database.prisma, scope);
    expect(after.find((view) => view.name === "user_profile")?.status).toBe("stale");
  });

  it("raises one no-data alert when a service that reported stops, and clears it when traffic returns", async () => {
    const minute = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const reported = (minutesAgo: number) => ({
      workspaceId: fixture.workspaceId,
      featureServiceId: fixture.service.id,
      environmentId: fixture.prodId,
      bucketStart: minute(minutesAgo),
      bucketSeconds: 60,
      requestCount: 100,
      errorCount: 0,
      latencyP50Ms: 5,
      latencyP95Ms: 9,
      latencyP99Ms: 12,
    });
    await database.prisma.servingMetric.createMany({ data: [40, 39, 38].map(reported) });
    await evaluateRules(database.prisma, {
      workspaceId: fixture.workspaceId,
      now,
      kinds: ["latency_p99", "error_rate"],
    });
    const open = await database.prisma.alert.findMany({
      where: { objectId: fixture.service.id, endedAt: null },
      select: { id: true, value: true, severity: true, message: true, rule: { select: { kind: true } } },
    });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ value: null, severity: "warning", rule: { kind: "latency_p99" } });
    expect(open[0]!.message).toBe("fraud_scoring_v3 has reported no traffic for 38 m (no data)");

    await database.prisma.servingMetric.create({ data: reported(2) });
    await evaluateRules(database.prisma, {
      workspaceId: fixture.workspaceId,
      now,
      kinds: ["latency_p99", "error_rate"],
    });
    const cleared = await database.prisma.alert.findUniqueOrThrow({ where: { id: open[0]!.id } });
    expect(cleared).toMatchObject({ endedAt: now, resolution: "cleared" });
  });

  it("counts silence only between the evaluation window and a day", () => {
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    expect(noDataSince(null, now)).toBeNull();
    expect(noDataSince(ago(10), now)).toBeNull();
    expect(noDataSince(ago(20), now)).toBe(20 * 60);
    expect(noDataSince(ago(25 * 60), now)).toBeNull();
  });
});
