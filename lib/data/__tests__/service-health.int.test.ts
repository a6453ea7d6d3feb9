import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLineageGraphResponse, getLineageNodeHealth, getLineageResponse, nodeRefs } from "@/lib/data/lineage";
import { listAlerts } from "@/lib/data/alerts";
import { getModelHealth, getServiceHealth, listModelsAtRisk, type ModelHealthDetail } from "@/lib/data/service-health";
import { servedObjects } from "@/lib/monitoring/health";
import { createWorkspace } from "@/lib/data/workspaces";
import { lineageQuerySchema } from "@/lib/validations/lineage";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { insertLineageRegistry } from "./lineage-fixture";

const NOW = new Date("2025-06-01T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let database: TestDatabase;
const acme = { id: "", prod: "", dev: "" };
const globex = { id: "", prod: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  acme.id = (await createWorkspace(prisma, { slug: "acme", name: "Acme" })).id;
  const acmeRegistry = await insertLineageRegistry(prisma, acme.id);
  acme.prod = acmeRegistry.environments.prod;
  acme.dev = acmeRegistry.environments.dev;
  globex.id = (await createWorkspace(prisma, { slug: "globex", name: "Globex" })).id;
  globex.prod = (await insertLineageRegistry(prisma, globex.id, "g_")).environments.prod;

  const run = (workspaceId: string, environmentId: string, featureViewId: string, watermarkAgoMs: number) =>
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
  // Acme: user_profile (daily, SLA 2 days) last landed 3 days ago in prod (stale, under twice
  // the SLA: at risk), yesterday in dev; fraud_scoring serves within its 50 ms budget.
  await run(acme.id, acme.prod, "user_profile", 3 * DAY);
  await run(acme.id, acme.dev, "user_profile", DAY);
  await prisma.servingMetric.createMany({
    data: Array.from({ length: 30 }, (_, index) => ({
      workspaceId: acme.id,
      featureServiceId: "fraud_scoring",
      environmentId: acme.prod,
      bucketStart: new Date(NOW.getTime() - (index + 1) * 60_000),
      bucketSeconds: 60,
      requestCount: 100,
      errorCount: 0,
      latencyP50Ms: 5,
      latencyP95Ms: 20,
      latencyP99Ms: 30,
    })),
  });
  // A model whose only service serves an on-demand feature: nothing to monitor.
  await prisma.model.create({
    data: {
      id: "odd_model",
      workspaceId: acme.id,
      name: "odd_model",
      services: { create: [{ featureServiceId: "cycle_service" }] },
    },
  });

  // Globex: user_profile fresh, and a critical alert firing on a served feature.
  await run(globex.id, globex.prod, "g_user_profile", HOUR);
  const rule = await prisma.alertRule.create({
    data: { workspaceId: globex.id, name: "psi", kind: "statistic", statistic: "psi" },
  });
  await prisma.alert.create({
    data: {
      workspaceId: globex.id,
      ruleId: rule.id,
      objectKind: "feature",
      objectId: "g_login_count",
      environmentId: globex.prod,
      severity: "critical",
      message: "PSI over 0.25",
      startedAt: new Date(NOW.getTime() - HOUR),
    },
  });
});
afterAll(() => database.cleanup());

/** Globex's services under Acme's workspace id: the same objects, another workspace. */
const acmeServices = (models: Map<string, ModelHealthDetail>) =>
  [...models.values()].flatMap((model) => model.services);

describe(`service and model health on ${testEngineKind()}`, () => {
  it("puts a model at risk when its service serves a stale feature, naming the view and the service", async () => {
    const models = await getModelHealth(database.prisma, {
      workspaceId: acme.id,
      environmentId: acme.prod,
      modelIds: ["fraud_detector"],
      now: NOW,
    });
    const model = models.get("fraud_detector")!;
    expect(model.state).toBe("at_risk");
    expect(model.services.map(({ id, state, reasons }) => [id, state, reasons.length])).toEqual([
      ["fraud_scoring", "at_risk", 1],
    ]);
    expect(model.reasons).toEqual([
      {
        state: "at_risk",
        signal: "freshness",
        object: { kind: "feature_view", id: "user_profile", name: "user_profile" },
        message: "user_profile is stale: 3 d old, SLA 2 d",
        href: "/monitoring/freshness/user_profile",
        service: { id: "fraud_scoring", name: "fraud_scoring" },
      },
    ]);
  });

  it("shows what a service serves and its traffic", async () => {
    const services = await getServiceHealth(database.prisma, {
      workspaceId: acme.id,
      environmentId: acme.prod,
      serviceIds: ["fraud_scoring"],
      now: NOW,
    });
    const service = services.get("fraud_scoring")!;
    expect(service.signals.latency).toEqual({ p99Ms: 30, budgetMs: 50, requestCount: 3000, errorCount: 0 });
    expect(service.signals.views.map((view) => [view.name, view.freshness?.status ?? null])).toEqual([
      ["login_activity", "unknown"],
      ["txn_vs_avg", null],
      ["user_profile", "stale"],
    ]);
    expect(service.signals.features.map((feature) => `${feature.viewName}:${feature.name}`)).toEqual([
      "login_activity:login_count",
      "txn_vs_avg:amount_ratio",
      "user_profile:avg_spend",
    ]);
  });

  it("judges each environment on its own data", async () => {
    const models = await getModelHealth(database.prisma, {
      workspaceId: acme.id,
      environmentId: acme.dev,
      modelIds: ["fraud_detector"],
      now: NOW,
    });
    expect(models.get("fraud_detector")).toMatchObject({ state: "healthy", reasons: [] });
  });

  it("says no data for a model with no monitored features", async () => {
    const models = await getModelHealth(database.prisma, {
      workspaceId: acme.id,
      environmentId: acme.prod,
      modelIds: ["odd_model"],
      now: NOW,
    });
    expect(models.get("odd_model")).toMatchObject({ state: "no_data", reasons: [] });
  });

  it("lists only the models at risk or failing", async () => {
    const atRisk = await listModelsAtRisk(database.prisma, {
      workspaceId: acme.id,
      environmentId: acme.prod,
      now: NOW,
    });
    expect(atRisk.map((model) => [model.name, model.state])).toEqual([["fraud_detector", "at_risk"]]);
  });

  it("keeps workspaces apart: ids, data and alerts of another workspace never count", async () => {
    const foreign = await getModelHealth(database.prisma, {
      workspaceId: globex.id,
      environmentId: globex.prod,
      modelIds: ["fraud_detector", "odd_model"],
      now: NOW,
    });
    expect(foreign.size).toBe(0);
    const foreignServices = await getServiceHealth(database.prisma, {
      workspaceId: globex.id,
      environmentId: globex.prod,
      serviceIds: ["fraud_scoring"],
      now: NOW,
    });
    expect(foreignServices.size).toBe(0);

    // Globex's own model: its fresh view and the alert firing on its feature, not Acme's stale view.
    const own = await getModelHealth(database.prisma, {
      workspaceId: globex.id,
      environmentId: globex.prod,
      modelIds: "all",
      now: NOW,
    });
    expect([...own.keys()]).toEqual(["g_fraud_detector"]);
    expect(own.get("g_fraud_detector")!.state).toBe("failing");
    expect(own.get("g_fraud_detector")!.reasons).toEqual([
      expect.objectContaining({
        signal: "alert",
        object: { kind: "feature", id: "g_login_count", name: "login_activity:login_count" },
        href: "/monitoring/features/g_login_count",
      }),
    ]);
    // The service and model pages list the alerts firing on everything the model's services serve.
    const firing = await listAlerts(database.prisma, {
      workspaceId: globex.id,
      environmentId: globex.prod,
      state: "firing",
      objects: servedObjects(own.get("g_fraud_detector")!.services),
    });
    expect(firing.map((alert) => [alert.objectKind, alert.objectId])).toEqual([["feature", "g_login_count"]]);
    expect(
      await listAlerts(database.prisma, {
        workspaceId: acme.id,
        environmentId: acme.prod,
        state: "firing",
        objects: servedObjects(acmeServices(own)),
      }),
    ).toEqual([]);
    // And Acme's model does not see Globex's alert.
    const acmeModel = await getModelHealth(database.prisma, {
      workspaceId: acme.id,
      environmentId: acme.prod,
      modelIds: "all",
      now: NOW,
    });
    expect(acmeModel.get("fraud_detector")!.reasons.map((reason) => reason.signal)).toEqual(["freshness"]);
  });

  it("shows services and models on the lineage overlay with their health", async () => {
    const response = await getLineageResponse(database.prisma, {
      workspaceId: acme.id,
      query: lineageQuerySchema.parse({ root: "feature_view:user_profile", env: "prod", up: 0, down: 3 }),
      now: NOW,
    });
    expect(response.health?.["model:fraud_detector"]).toMatchObject({
      status: "warn",
      served: { state: "at_risk", reasons: ["user_profile is stale: 3 d old, SLA 2 d"] },
    });
    expect(response.health?.["feature_service:fraud_scoring"]).toMatchObject({
      status: "warn",
      latency: { p99Ms: 30 },
      served: { state: "at_risk" },
    });
  });

  it("draws the lineage window apart from its health, and the two make up the response", async () => {
    const query = lineageQuerySchema.parse({ root: "feature_view:user_profile", env: "prod", up: 0, down: 3 });
    const { response: graph, environmentId } = await getLineageGraphResponse(database.prisma, {
      workspaceId: acme.id,
      query,
    });
    expect(environmentId).toBe(acme.prod);
    expect(graph).not.toHaveProperty("health");
    const health = await getLineageNodeHealth(database.prisma, {
      workspaceId: acme.id,
      environmentId: environmentId!,
      nodes: nodeRefs(graph.nodes),
      now: NOW,
    });
    expect({ ...graph, health }).toEqual(
      await getLineageResponse(database.prisma, { workspaceId: acme.id, query, now: NOW }),
    );
    // Without an environment: the registry head, with no health to judge.
    const head = await getLineageGraphResponse(database.prisma, {
      workspaceId: acme.id,
      query: lineageQuerySchema.parse({ root: "feature_view:user_profile", up: 0, down: 3 }),
    });
    expect(head.environmentId).toBeNull();
    expect(head.response.environment).toBeNull();
  });
});
