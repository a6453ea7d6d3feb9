import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyPromotionRequest,
  createPromotionRequest,
  getPromotionRequest,
  refreshPromotionRequest,
  reviewPromotionRequest,
} from "@/lib/data/promotions";
import { updateEnvironment } from "@/lib/data/environments";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { testEngineKind } from "@/lib/testing/test-db";
import { createPromotionWorld, type PromotionWorld } from "./promotion-fixture";

let world: PromotionWorld;
beforeAll(async () => {
  world = await createPromotionWorld();
}, 180_000);
afterAll(async () => {
  await world?.database.cleanup();
});

async function openAndRead(
  names: string[],
  from: "dev" | "staging",
  kind: "feature_view" | "feature_service" = "feature_view",
) {
  const { number } = await createPromotionRequest(
    world.prisma,
    {
      workspaceId: world.workspaceId,
      sourceEnvironment: from,
      title: `Promote ${names.join(", ")}`,
      description: "",
      items: names.map((name) => ({ kind, name })),
    },
    world.users.author,
  );
  const detail = await getPromotionRequest(world.prisma, {
    workspaceId: world.workspaceId,
    number,
    viewer: world.users.approver,
  });
  const check = (name: string) => detail!.checks.find((candidate) => candidate.name === name)!;
  return { number, detail: detail!, check };
}

const DAY = 86_400_000;

describe(`promotion checks on ${testEngineKind()}`, () => {
  it("blocks removing a feature that fraud_scoring_v3 serves in prod, naming the service and its models", async () => {
    const version = await world.insertVersion<FeatureViewDefinition>("feature_view", "user_profile", (view) => ({
      ...view,
      features: view.features.filter((feature) => feature.name !== "country"),
      transformation: { language: "sql", code: view.transformation!.code.replace(/,\n\s*a\.country AS country/, "") },
    }));
    // The edited version reached staging earlier (set-up); now it goes to prod.
    await world.pin("staging", "feature_view", "user_profile", version);
    const { number, check } = await openAndRead(["user_profile"], "staging");
    const breaking = check("no_breaking_change");
    expect(breaking).toMatchObject({ status: "fail", blocking: true });
    const messages = breaking.details.problems!.map((problem) => problem.message).join("\n");
    expect(messages).toMatch(
      /removes or renames user_profile:country, which feature service fraud_scoring_v3 \(used by models? .*fraud_detector/,
    );
    expect(messages).toMatch(/still serves in prod/);

    // Two approvals arrive, but the blocking check keeps prod unchanged: approved, not applied.
    await reviewPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number, decision: "approve" },
      world.users.approver,
    );
    const last = await reviewPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number, decision: "approve" },
      world.users.approver2,
    );
    expect(last).toMatchObject({ state: "approved", applied: false, approvals: 2 });
    expect(await world.activeNumber("prod", "feature_view", "user_profile")).toBe(1);
    await expect(
      applyPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number }, world.users.admin),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Blocking checks/) });
    expect(await world.activeNumber("prod", "feature_view", "user_profile")).toBe(1);
    await world.pin("staging", "feature_view", "user_profile", 1);
  });

  it("blocks retyping a feature a prod service uses", async () => {
    const version = await world.insertVersion<FeatureViewDefinition>("feature_view", "user_profile", (view) => ({
      ...view,
      features: view.features.map((feature) =>
        feature.name === "account_age_days" ? { ...feature, valueType: "float64" } : feature,
      ),
    }));
    await world.pin("staging", "feature_view", "user_profile", version);
    const { check } = await openAndRead(["user_profile"], "staging");
    const messages = check("no_breaking_change").details.problems!.map((problem) => problem.message);
    expect(
      messages.some((message) => /retypes user_profile:account_age_days from int64 to float64/.test(message)),
    ).toBe(true);
    expect(messages.some((message) => /account_takeover_v1/.test(message))).toBe(true);
    await world.pin("staging", "feature_view", "user_profile", 1);
  });

  it("passes an additive change, and reports missing dependencies unless they come along", async () => {
    // surge_forecast is a dev-only view; a view reading it cannot reach staging alone.
    const surge = await world.prisma.definitionVersion.findFirstOrThrow({
      where: { objectName: "surge_forecast", objectKind: "feature_view" },
      select: { definition: true },
    });
    const surgeView = surge.definition as unknown as FeatureViewDefinition;
    const service = await world.edit<{ features: string[] }>("feature_service", "dynamic_pricing_v2", (definition) => ({
      ...definition,
      features: [...definition.features, `surge_forecast:${surgeView.features[0]!.name}`],
    }));
    expect(service).toBeGreaterThan(1);
    const alone = await openAndRead(["dynamic_pricing_v2"], "dev", "feature_service");
    const deps = alone.check("dependencies_active");
    expect(deps).toMatchObject({ status: "fail", blocking: true });
    expect(deps.details.problems![0]!.message).toMatch(
      /surge_forecast, which is neither active in staging nor in this request/,
    );

    const { number } = await createPromotionRequest(
      world.prisma,
      {
        workspaceId: world.workspaceId,
        sourceEnvironment: "dev",
        title: "Surge forecast for pricing",
        description: "",
        items: [
          { kind: "feature_view", name: "surge_forecast" },
          { kind: "feature_service", name: "dynamic_pricing_v2" },
        ],
      },
      world.users.author,
    );
    const together = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number,
      viewer: world.users.approver,
    });
    const statuses = Object.fromEntries(together!.checks.map((check) => [check.name, check.status]));
    expect(statuses).toMatchObject({ dependencies_active: "pass", no_breaking_change: "pass" });
    expect(["pass", "warn"]).toContain(statuses.definitions_valid);
    // The new view is traced in staging as it will be: the pricing service and its model see it.
    const impact = together!.impact.find((entry) => entry.name === "surge_forecast")!;
    expect(
      impact.impacted.some((entry) => entry.kind === "feature_service" && entry.name === "dynamic_pricing_v2"),
    ).toBe(true);
  });

  it("reports an invalid definition as a blocking failure", async () => {
    const id = await world.objectId("feature_view", "category_affinity");
    const latest = await world.prisma.definitionVersion.findFirstOrThrow({
      where: { objectKind: "feature_view", objectId: id },
      orderBy: { number: "desc" },
    });
    const definition = latest.definition as unknown as FeatureViewDefinition;
    // Written around authoring's validation, as an older or imported version could be.
    const broken = await world.prisma.definitionVersion.create({
      data: {
        workspaceId: world.workspaceId,
        objectKind: "feature_view",
        objectId: id,
        objectName: "category_affinity",
        number: latest.number + 1,
        contentHash: "broken",
        definition: {
          ...definition,
          features: definition.features.map((f, i) => (i === 0 ? { ...f, valueType: "int65" } : f)),
        },
        message: "broken",
      },
    });
    await world.prisma.activeVersion.update({
      where: {
        environmentId_objectKind_objectId: { environmentId: world.env.dev, objectKind: "feature_view", objectId: id },
      },
      data: { versionId: broken.id },
    });
    const { check } = await openAndRead(["category_affinity"], "dev");
    const valid = check("definitions_valid");
    expect(valid).toMatchObject({ status: "fail", blocking: true });
    expect(valid.details.problems!.some((problem) => /int65/.test(problem.message))).toBe(true);
  });

  it("warns about staleness and skew in the source with the numbers, and blocks when the target says so", async () => {
    const viewId = await world.objectId("feature_view", "merchant_risk_stats");
    const now = Date.now();
    // merchant_risk_stats runs daily (SLA 2 d); in staging the last run landed 3 days ago.
    await world.prisma.materializationRun.deleteMany({
      where: { featureViewId: viewId, environmentId: world.env.staging },
    });
    await world.prisma.materializationRun.create({
      data: {
        workspaceId: world.workspaceId,
        featureViewId: viewId,
        environmentId: world.env.staging,
        status: "success",
        startedAt: new Date(now - 3 * DAY - 3_600_000),
        endedAt: new Date(now - 3 * DAY),
        watermark: new Date(now - 3 * DAY),
      },
    });
    const feature = await world.prisma.feature.findFirstOrThrow({
      where: { featureViewId: viewId, name: "merchant_txn_count_7d" },
    });
    const windowStart = new Date(now - DAY);
    const windowEnd = new Date(now);
    const profile = (source: "online" | "offline", counts: number[]) => ({
      workspaceId: world.workspaceId,
      featureId: feature.id,
      environmentId: world.env.staging,
      source,
      windowStart,
      windowEnd,
      binEdges: [0, 10, 20, 30, 40],
      categories: [],
      counts,
      count: BigInt(counts.reduce((a, b) => a + b, 0)),
    });
    await world.prisma.featureProfile.createMany({
      data: [profile("offline", [400, 300, 200, 100]), profile("online", [100, 200, 300, 400])],
    });
    // Make staging ahead of prod for this view.
    await world.edit<FeatureViewDefinition>("feature_view", "merchant_risk_stats", (view) => ({
      ...view,
      tags: [...view.tags, "risk"],
    }));
    const toStaging = await openAndRead(["merchant_risk_stats"], "dev");
    await reviewPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number: toStaging.number, decision: "approve" },
      world.users.approver,
    );

    const { number, check } = await openAndRead(["merchant_risk_stats"], "staging");
    expect(check("freshness")).toMatchObject({ status: "warn", blocking: false });
    expect(check("freshness").details.problems![0]!.message).toMatch(
      /Staleness reached 3 d( \d+ h)? in the last 24 h, over its SLA of 2 d\./,
    );
    const skew = check("skew");
    expect(skew).toMatchObject({ status: "warn", blocking: false });
    expect(skew.details.problems![0]).toMatchObject({ object: "merchant_risk_stats:merchant_txn_count_7d" });
    expect(skew.details.problems![0]!.message).toMatch(/psi \d+\.\d{3}/);

    await updateEnvironment(
      world.prisma,
      { workspaceId: world.workspaceId, name: "prod", blockOnHealth: true },
      world.users.admin,
    );
    await refreshPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number }, world.users.author);
    const blocked = await getPromotionRequest(world.prisma, {
      workspaceId: world.workspaceId,
      number,
      viewer: world.users.approver,
    });
    const freshness = blocked!.checks.find((candidate) => candidate.name === "freshness")!;
    expect(freshness).toMatchObject({ status: "fail", blocking: true });
    expect(blocked!.hasBlockingFailures).toBe(true);

    await reviewPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number, decision: "approve" },
      world.users.approver,
    );
    const approved = await reviewPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number, decision: "approve" },
      world.users.approver2,
    );
    expect(approved.state).toBe("approved");

    // Health recovers: a fresh run lands and the admin lifts the block; an approver applies.
    await world.prisma.materializationRun.create({
      data: {
        workspaceId: world.workspaceId,
        featureViewId: viewId,
        environmentId: world.env.staging,
        status: "success",
        startedAt: new Date(now - 3_600_000),
        endedAt: new Date(now - 1_800_000),
        watermark: new Date(now - 1_800_000),
      },
    });
    await updateEnvironment(
      world.prisma,
      { workspaceId: world.workspaceId, name: "prod", blockOnHealth: false },
      world.users.admin,
    );
    await expect(
      applyPromotionRequest(world.prisma, { workspaceId: world.workspaceId, number }, world.users.author),
    ).rejects.toBeInstanceOf(AppError);
    const applied = await applyPromotionRequest(
      world.prisma,
      { workspaceId: world.workspaceId, number },
      world.users.approver,
    );
    expect(applied).toMatchObject({ state: "applied", applied: true });
    expect(await world.activeNumber("prod", "feature_view", "merchant_risk_stats")).toBe(3);
  });
});
