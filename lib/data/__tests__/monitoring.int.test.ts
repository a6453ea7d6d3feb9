import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateRules, getOpenAlertsByObject, listAlerts } from "@/lib/data/alerts";
import {
  ingestMaterializationRuns,
  ingestProfiles,
  ingestServingMetrics,
  rollupServingRange,
  type IngestStore,
} from "@/lib/data/ingest";
import {
  bucketSecondsFor,
  getFeatureDrift,
  getFreshnessDetail,
  getServingDetail,
  listFeatureStatistics,
  listViewFreshness,
  saveThresholdOverrides,
  setDriftBaseline,
} from "@/lib/data/monitoring";
import { psi } from "@/lib/monitoring/stats";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import {
  materializationRunBatchSchema,
  profileBatchSchema,
  servingMetricBatchSchema,
} from "@/lib/validations/monitoring";
import { createMonitoringFixture, type MonitoringFixture } from "./monitoring-fixture";

let database: TestDatabase;
let store: IngestStore;
let fixture: MonitoringFixture;
const now = new Date("2025-01-15T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 86_400_000;
const DRIFT_PSI = psi([400, 300, 200, 100], [100, 200, 300, 400]);
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  store = { prisma: database.prisma, engine: database.engine };
  fixture = await createMonitoringFixture(database.prisma);
});
afterAll(() => database.cleanup());

const context = () => ({ workspaceId: fixture.workspaceId, actor: { tokenId: "t" } });

async function ingestServing(startMs: number, minutes: number, p99: (i: number) => number, errors = 0) {
  const items = Array.from({ length: minutes }, (_, i) => ({
    featureService: "fraud_scoring_v3",
    environment: "prod",
    bucketStart: iso(startMs + i * 60_000),
    requestCount: 1000,
    errorCount: errors,
    p50Ms: 5,
    p95Ms: 10,
    p99Ms: p99(i),
  }));
  return ingestServingMetrics(store, context(), servingMetricBatchSchema.parse({ items }).items);
}

describe(`freshness on ${testEngineKind()}`, () => {
  it("computes staleness against twice the schedule, and a staleness series with runs and cost", async () => {
    // Daily runs for three days; the last one failed, so the data is 2 days and some hours old.
    const items = [3, 2, 1].map((daysAgo) => {
      const start = Date.parse("2025-01-15T02:00:00Z") - daysAgo * DAY;
      const failed = daysAgo === 1;
      return {
        featureView: "user_profile",
        environment: "prod",
        status: failed ? "failed" : "success",
        startedAt: iso(start),
        endedAt: iso(start + 20 * 60_000),
        ...(failed ? {} : { watermark: iso(start - 5 * 60_000), rowsWritten: 1000 }),
        computeSeconds: 600,
        cost: 0.5,
      };
    });
    await ingestMaterializationRuns(store, context(), materializationRunBatchSchema.parse({ items }).items);
    const [view] = await listViewFreshness(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      now,
      featureViewIds: [fixture.views.userProfile.id],
    });
    expect(view).toMatchObject({ slaSeconds: 172_800, status: "stale", lastRunStatus: "failed", failedRuns24h: 0 });
    expect(view!.stalenessSeconds).toBe((now.getTime() - Date.parse("2025-01-13T01:55:00Z")) / 1000);

    const detail = await getFreshnessDetail(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureViewId: fixture.views.userProfile.id,
      from: new Date(now.getTime() - 2.5 * DAY),
      to: now,
      now,
    });
    expect(detail!.runs.map((run) => run.status)).toEqual(["success", "failed"]);
    expect(detail!.staleness[0]!.stalenessSeconds).toBe(
      (now.getTime() - 2.5 * DAY - Date.parse("2025-01-12T01:55:00Z")) / 1000,
    );
    expect(detail!.costPerDay.map((day) => [day.day, day.cost])).toEqual([
      ["2025-01-13", 0.5],
      ["2025-01-14", 0.5],
    ]);
    expect(detail!.hasCost).toBe(true);
  });
});

describe(`serving latency on ${testEngineKind()}`, () => {
  it("reads raw minutes for a day and rollups for longer ranges", async () => {
    const cutoff = new Date(now.getTime() - 14 * DAY);
    expect(bucketSecondsFor(new Date(now.getTime() - HOUR), now, cutoff)).toBe(60);
    expect(bucketSecondsFor(new Date(now.getTime() - 7 * DAY), now, cutoff)).toBe(3600);
    expect(bucketSecondsFor(new Date(now.getTime() - 30 * DAY), now, cutoff)).toBe(86400);
    expect(bucketSecondsFor(new Date(now.getTime() - 20 * DAY), new Date(now.getTime() - 19.5 * DAY), cutoff)).toBe(
      3600,
    );

    await ingestServing(now.getTime() - 2 * HOUR, 120, (i) => (i < 100 ? 30 : 80));
    const detail = await getServingDetail(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureServiceId: fixture.service.id,
      from: new Date(now.getTime() - 2 * HOUR),
      to: now,
      now,
    });
    expect(detail!.range.bucketSeconds).toBe(60);
    expect(detail!.points).toHaveLength(120);
    expect(detail!.points.at(-1)).toMatchObject({ p99: 80, requests: 1000, requestsPerSecond: 1000 / 60 });
    expect(detail!.summary).toMatchObject({ requestCount: 120_000, isApproximate: true });

    const week = await getServingDetail(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureServiceId: fixture.service.id,
      from: new Date(now.getTime() - 7 * DAY),
      to: now,
      now,
    });
    expect(week!.range.bucketSeconds).toBe(3600);
    expect(week!.points.map((point) => point.requests)).toEqual([60_000, 60_000]);
  });

  it("rebuilds rollups of a range from raw rows", async () => {
    await database.prisma.servingMetric.deleteMany({ where: { bucketSeconds: { gt: 60 } } });
    const counts = await rollupServingRange(database.engine, { from: new Date(now.getTime() - DAY), to: now });
    expect(counts).toEqual({ hourly: 2, daily: 1 });
  });

  it("opens a p99 alert over the budget, keeps one per object, and ends it when healthy", async () => {
    const evaluation = await evaluateRules(database.prisma, { workspaceId: fixture.workspaceId, now });
    expect(evaluation.opened).toBeGreaterThanOrEqual(2); // the stale view and the slow service
    const alerts = await database.prisma.alert.findMany({
      where: { objectId: fixture.service.id, endedAt: null },
      include: { rule: true },
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: "critical", value: 80, threshold: 50 });
    expect(alerts[0]!.rule.kind).toBe("latency_p99");
    const badges = await getOpenAlertsByObject(database.prisma, { workspaceId: fixture.workspaceId });
    expect(badges.get(`feature_view:${fixture.views.userProfile.id}`)?.count).toBe(1);

    await evaluateRules(database.prisma, { workspaceId: fixture.workspaceId, now });
    expect(await database.prisma.alert.count({ where: { objectId: fixture.service.id } })).toBe(1);

    // Fifteen calm minutes later the p99 is back under budget: ingestion evaluates and ends the alert.
    const outcome = await ingestServing(now.getTime(), 15, () => 20);
    const later = new Date(now.getTime() + 15 * 60_000);
    await evaluateRules(database.prisma, {
      workspaceId: fixture.workspaceId,
      now: later,
      environmentIds: outcome.touched.environmentIds,
      only: { kind: "feature_service", ids: outcome.touched.ids },
    });
    const ended = await database.prisma.alert.findFirst({ where: { objectId: fixture.service.id } });
    expect(ended?.endedAt?.toISOString()).toBe(later.toISOString());
  });

  it("lists an object's firing alerts, acknowledged or not, however many have ended since", async () => {
    const rule = await database.prisma.alertRule.findFirstOrThrow({ where: { workspaceId: fixture.workspaceId } });
    const objectId = "flapping-view";
    const base = {
      workspaceId: fixture.workspaceId,
      ruleId: rule.id,
      objectKind: "feature_view" as const,
      objectId,
      environmentId: fixture.prodId,
      message: "stale",
    };
    await database.prisma.alert.createMany({
      data: [
        { ...base, severity: "critical", startedAt: new Date(now.getTime() - DAY), acknowledgedAt: now },
        { ...base, severity: "warning", startedAt: new Date(now.getTime() - DAY + HOUR) },
        ...Array.from({ length: 60 }, (_, i) => ({
          ...base,
          severity: "warning" as const,
          startedAt: new Date(now.getTime() - HOUR + i * 60_000),
          endedAt: new Date(now.getTime() - HOUR + i * 60_000 + 30_000),
        })),
      ],
    });
    const firing = await listAlerts(database.prisma, {
      workspaceId: fixture.workspaceId,
      objectKind: "feature_view",
      objectId,
      state: "firing",
      limit: 50,
    });
    expect(firing.map((alert) => alert.severity).sort()).toEqual(["critical", "warning"]);
    expect(firing.every((alert) => alert.endedAt === null)).toBe(true);
  });

  it("raises an error-rate alert", async () => {
    await ingestServing(now.getTime() + 15 * 60_000, 15, () => 20, 50);
    const later = new Date(now.getTime() + 30 * 60_000);
    await evaluateRules(database.prisma, { workspaceId: fixture.workspaceId, now: later });
    const alert = await database.prisma.alert.findFirst({
      where: { objectId: fixture.service.id, endedAt: null },
      include: { rule: true },
    });
    expect(alert).toMatchObject({ value: 0.05, severity: "critical", rule: { kind: "error_rate" } });
  });
});

describe(`skew and drift on ${testEngineKind()}`, () => {
  const edges = [0, 10, 20, 30, 40];
  const window = (daysAgo: number) => ({
    windowStart: iso(Date.parse("2025-01-15T00:00:00Z") - (daysAgo + 1) * DAY),
    windowEnd: iso(Date.parse("2025-01-15T00:00:00Z") - daysAgo * DAY),
  });
  const profile = (
    source: "offline" | "online",
    counts: number[],
    daysAgo: number,
    extra: Record<string, unknown> = {},
  ) => ({
    featureView: "txn_amount_vs_avg",
    feature: "txn_amount_vs_avg",
    environment: "prod",
    source,
    ...window(daysAgo),
    binEdges: edges,
    counts,
    count: counts.reduce((a, b) => a + b, 0),
    ...extra,
  });

  beforeAll(async () => {
    const items = profileBatchSchema.parse({
      items: [
        profile("offline", [400, 300, 200, 100], 0, {
          windowStart: "2024-10-01T00:00:00Z",
          windowEnd: "2024-12-31T00:00:00Z",
          savedDataset: "fraud_training_2024q4",
        }),
        profile("offline", [400, 300, 200, 100], 1),
        profile("online", [390, 310, 200, 100], 1),
        profile("offline", [400, 300, 200, 100], 0),
        profile("online", [100, 200, 300, 400], 0),
      ],
    }).items;
    await ingestProfiles(store, context(), items);
  });

  it("compares the latest online profile with the training baseline and the offline profile", async () => {
    const drift = await getFeatureDrift(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureId: fixture.features.amountRatio.id,
      from: new Date(now.getTime() - 30 * DAY),
      to: now,
    });
    expect(drift!.kind).toBe("numeric");
    expect(drift!.baseline.source).toBe("training");
    expect(drift!.drift!.values.psi).toBeCloseTo(DRIFT_PSI, 12);
    expect(drift!.drift!.statuses.psi).toBe("alert");
    expect(drift!.skew!.worst).toBe("alert");
    expect(drift!.drift!.overlay).toHaveLength(4);
    expect(drift!.drift!.overlay[0]).toEqual({ label: "[0, 10)", expected: 0.4, actual: 0.1 });
    expect(drift!.history.map((point) => point.driftPsi! > 0.25)).toEqual([false, true]);
    expect(drift!.thresholds.find((t) => t.statistic === "psi")).toMatchObject({
      warn: 0.1,
      alert: 0.25,
      isOverride: false,
    });
    expect(drift!.thresholds.some((t) => t.statistic === "linf")).toBe(false);
    expect(drift!.usedBy.models).toEqual([{ id: fixture.model.id, name: "fraud_detector" }]);
  });

  it("uses a feature's threshold overrides, lists the worst features and raises a statistic alert", async () => {
    await saveThresholdOverrides(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        featureId: fixture.features.amountRatio.id,
        thresholds: [{ statistic: "psi", warn: 1.5, alert: 2 }],
        reset: [],
      },
      { userId: fixture.authorId },
    );
    const rows = await listFeatureStatistics(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureServiceId: fixture.service.id,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.psi).toBeCloseTo(DRIFT_PSI, 12);
    await evaluateRules(database.prisma, {
      workspaceId: fixture.workspaceId,
      now,
      only: { kind: "feature", ids: [fixture.features.amountRatio.id] },
    });
    expect(await database.prisma.alert.count({ where: { objectId: fixture.features.amountRatio.id } })).toBe(0);

    await saveThresholdOverrides(
      database.prisma,
      { workspaceId: fixture.workspaceId, featureId: fixture.features.amountRatio.id, thresholds: [], reset: ["psi"] },
      { userId: fixture.authorId },
    );
    await evaluateRules(database.prisma, {
      workspaceId: fixture.workspaceId,
      now,
      only: { kind: "feature", ids: [fixture.features.amountRatio.id] },
    });
    const alert = await database.prisma.alert.findFirst({ where: { objectId: fixture.features.amountRatio.id } });
    expect(alert).toMatchObject({ severity: "critical", threshold: 0.25 });
    expect(alert!.message).toContain(`PSI ${DRIFT_PSI.toFixed(3)}`);
    expect(await database.prisma.auditLog.count({ where: { action: "feature.thresholds.update" } })).toBe(2);
  });

  it("uses a pinned window as the drift baseline instead of the training profile", async () => {
    await setDriftBaseline(
      database.prisma,
      {
        workspaceId: fixture.workspaceId,
        featureId: fixture.features.amountRatio.id,
        environmentId: fixture.prodId,
        window: { start: new Date(window(1).windowStart), end: new Date(window(1).windowEnd) },
      },
      { userId: fixture.authorId },
    );
    const drift = await getFeatureDrift(database.prisma, {
      workspaceId: fixture.workspaceId,
      environmentId: fixture.prodId,
      featureId: fixture.features.amountRatio.id,
      from: new Date(now.getTime() - 30 * DAY),
      to: now,
    });
    expect(drift!.baseline.source).toBe("pinned");
    expect(drift!.drift!.expected.counts).toEqual([390, 310, 200, 100]);
  });
});
