import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFocusedLineage, getWorkspaceLineage } from "@/lib/data/lineage";
import { getLineageHealth } from "@/lib/data/lineage-health";
import { createWorkspace } from "@/lib/data/workspaces";
import { healthBadge } from "@/lib/lineage/health";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { insertLineageRegistry } from "./lineage-fixture";

const NOW = new Date("2025-06-01T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let database: TestDatabase;
let workspaceId: string;
let prodId: string;
let devId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  workspaceId = (await createWorkspace(prisma, { slug: "acme", name: "Acme" })).id;
  const fixture = await insertLineageRegistry(prisma, workspaceId);
  prodId = fixture.environments.prod;
  devId = fixture.environments.dev;

  // user_profile (daily, SLA 2 days) last landed 5 days ago in prod, but yesterday in dev.
  const run = (environmentId: string, featureViewId: string, watermarkAgoMs: number) =>
    prisma.materializationRun.create({
      data: {
        workspaceId,
        featureViewId,
        environmentId,
        status: "success",
        startedAt: new Date(NOW.getTime() - watermarkAgoMs),
        endedAt: new Date(NOW.getTime() - watermarkAgoMs + HOUR),
        watermark: new Date(NOW.getTime() - watermarkAgoMs),
      },
    });
  await run(prodId, "user_profile", 5 * DAY);
  await run(devId, "user_profile", DAY);
  // fraud_scoring: p99 80 ms against a 50 ms budget over the last hour in prod.
  for (let minute = 1; minute <= 30; minute++) {
    await prisma.servingMetric.create({
      data: {
        workspaceId,
        featureServiceId: "fraud_scoring",
        environmentId: prodId,
        bucketStart: new Date(NOW.getTime() - minute * 60_000),
        bucketSeconds: 60,
        requestCount: 100,
        errorCount: 0,
        latencyP50Ms: 10,
        latencyP95Ms: 40,
        latencyP99Ms: 80,
      },
    });
  }
  // avg_spend drifts away from its training baseline; country has an open alert.
  const profile = (featureId: string, source: "online" | "offline", counts: number[], savedDatasetId?: string) =>
    prisma.featureProfile.create({
      data: {
        workspaceId,
        featureId,
        environmentId: prodId,
        source,
        windowStart: new Date(NOW.getTime() - DAY),
        windowEnd: NOW,
        binEdges: [0, 1, 2, 3, 4],
        counts,
        count: BigInt(counts.reduce((a, b) => a + b, 0)),
        savedDatasetId: savedDatasetId ?? null,
      },
    });
  await profile("avg_spend", "online", [10, 10, 40, 40]);
  await profile("avg_spend", "offline", [10, 10, 40, 40]);
  await prisma.featureProfile.create({
    data: {
      workspaceId,
      featureId: "avg_spend",
      environmentId: prodId,
      source: "offline",
      windowStart: new Date(NOW.getTime() - 90 * DAY),
      windowEnd: new Date(NOW.getTime() - 60 * DAY),
      binEdges: [0, 1, 2, 3, 4],
      counts: [40, 40, 10, 10],
      count: 100n,
      savedDatasetId: "training",
    },
  });
  const rule = await prisma.alertRule.create({
    data: { workspaceId, name: "psi", kind: "statistic", statistic: "psi" },
  });
  await prisma.alert.create({
    data: {
      workspaceId,
      ruleId: rule.id,
      objectKind: "feature",
      objectId: "country",
      environmentId: prodId,
      severity: "critical",
      message: "PSI over 0.25",
      startedAt: new Date(NOW.getTime() - HOUR),
    },
  });
});
afterAll(() => database.cleanup());

describe(`lineage health on ${testEngineKind()}`, () => {
  it("scores freshness, latency, drift, skew and alerts per node in prod", async () => {
    const { graph } = await getFocusedLineage(database.prisma, {
      workspaceId,
      kind: "feature_view",
      objectId: "user_profile",
      up: 0,
      down: 2,
      level: "column",
      limit: 500,
      offset: 0,
    });
    const health = await getLineageHealth(database.prisma, {
      workspaceId,
      environmentId: prodId,
      nodes: graph.nodes,
      now: NOW,
    });
    expect(health["feature_view:user_profile"]).toMatchObject({
      status: "bad",
      freshness: { status: "stale", stalenessSeconds: 5 * 86_400, slaSeconds: 2 * 86_400 },
      drift: { status: "alert" },
      skew: { status: "ok", psi: 0 },
    });
    expect(health["feature_service:fraud_scoring"]).toEqual({
      status: "bad",
      latency: { p99Ms: 80, budgetMs: 50, isOverBudget: true, requestCount: 3000, errorCount: 0 },
    });
    expect(health["feature:avg_spend"]?.drift?.psi).toBeGreaterThan(0.25);
    expect(health["feature:country"]).toEqual({ status: "bad", alerts: { count: 1, severity: "critical" } });
    expect(health["model:fraud_detector"]).toBeUndefined();
    expect(healthBadge(health["feature_view:user_profile"])?.label).toBe("stale 5 d +1");
  });

  it("folds feature drift and alerts into views at object level, and differs per environment", async () => {
    const { graph } = await getWorkspaceLineage(database.prisma, {
      workspaceId,
      level: "object",
      limit: 10_000,
      offset: 0,
    });
    const prod = await getLineageHealth(database.prisma, {
      workspaceId,
      environmentId: prodId,
      nodes: graph.nodes,
      now: NOW,
    });
    expect(prod["feature_view:user_profile"]).toMatchObject({
      drift: { status: "alert", featureCount: 1 },
      alerts: { count: 1, severity: "critical" },
    });
    const dev = await getLineageHealth(database.prisma, {
      workspaceId,
      environmentId: devId,
      nodes: graph.nodes,
      now: NOW,
    });
    expect(dev["feature_view:user_profile"]).toEqual({
      status: "ok",
      freshness: { status: "fresh", stalenessSeconds: 86_400, slaSeconds: 2 * 86_400 },
    });
    expect(dev["feature_service:fraud_scoring"]).toBeUndefined();
  });
});
