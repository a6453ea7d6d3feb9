import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addFeaturesToService,
  clockSubject,
  getClockHealth,
  getFeatureDetail,
  getFeatureServiceDetail,
  getObjectDetail,
  getObjectRegistryDetail,
  updateOwnership,
  withClockHealth,
} from "@/lib/data/catalog";
import { searchCatalog } from "@/lib/data/search";
import { addComment, getStarState, listComments, listStarred, setStar } from "@/lib/data/social";
import type { CatalogKind } from "@/lib/search/types";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { loadSearchFixture, type SearchFixture } from "./search-catalog-fixture";

let db: TestDatabase;
let fixture: SearchFixture;
let userId: string;
const env = { id: "env_a_prod", name: "prod" };

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await loadSearchFixture(db.prisma);
  const user = await db.prisma.user.create({
    data: {
      email: "ann@example.com",
      name: "Ann Author",
      passwordHash: "x",
      memberships: { create: { workspaceId: fixture.workspaceId, role: "author" } },
    },
  });
  userId = user.id;
});

afterAll(async () => {
  await db?.cleanup();
});

describe(`catalog objects (${process.env.FEATURELINE_TEST_ENGINE ?? "pglite"})`, () => {
  it("loads a feature with its view, usage, versions and lineage preview", async () => {
    const feature = await getFeatureDetail(db.prisma, {
      workspaceId: fixture.workspaceId,
      id: fixture.ids.login_count_15m!,
      environment: env,
    });
    expect(feature).toMatchObject({
      name: "login_count_15m",
      valueType: "int64",
      owner: "maria.chen@acme.com",
      team: { slug: "fraud" },
    });
    expect(feature!.view).toMatchObject({ name: "login_activity", kind: "stream" });
    expect(feature!.usage.services.map((s) => s.name)).toEqual(["fraud_scoring_v3", "growth_scoring"]);
    expect(feature!.usage.models.map((m) => m.name)).toEqual(["fraud_detector"]);
    expect(feature!.versions.active.find((a) => a.environment === "prod")).toMatchObject({ versionNumber: 1 });
    const nodeNames = feature!.lineage.nodes.map((n) => n.name).sort();
    expect(nodeNames).toEqual(["fraud_scoring_v3", "growth_scoring", "login_activity", "login_count_15m"]);
  });

  it.each(["feature", "feature_view"] as const)(
    "splits a %s page into a registry part without the clock and a health judged now, that make up the page",
    async (kind) => {
      const workspaceId = fixture.workspaceId;
      const id = fixture.ids[kind === "feature" ? "login_count_15m" : "login_activity"]!;
      const now = new Date();
      const registry = await getObjectRegistryDetail(db.prisma, { workspaceId, kind, id });
      expect(registry).not.toHaveProperty("health");
      expect(registry).not.toHaveProperty("freshness");
      const subject = clockSubject(registry!);
      expect(subject).toMatchObject({ kind, view: { id: fixture.ids.login_activity } });
      const clock = await getClockHealth(db.prisma, { workspaceId, environment: env, subject: subject!, now });
      const page = withClockHealth(registry!, clock);
      expect(page).toEqual(await getObjectDetail(db.prisma, { workspaceId, kind, id, environment: env, now }));
      expect(page).toHaveProperty(kind === "feature" ? "health.environment" : "freshness.environment", "prod");
      expect(page).not.toHaveProperty("healthView");
      // The shared registry part is left as it was.
      expect(registry).not.toHaveProperty("health");
    },
  );

  it("has no clock-judged part for the other kinds", async () => {
    const registry = await getObjectRegistryDetail(db.prisma, {
      workspaceId: fixture.workspaceId,
      kind: "feature_service",
      id: fixture.ids.fraud_scoring_v3!,
    });
    expect(clockSubject(registry!)).toBeNull();
    expect(withClockHealth(registry!, null)).toBe(registry);
  });

  it("never loads an object of another workspace", async () => {
    expect(
      await getFeatureDetail(db.prisma, {
        workspaceId: fixture.workspaceId,
        id: fixture.ids.other_login_count_5m!,
        environment: env,
      }),
    ).toBeNull();
    expect(
      await getObjectDetail(db.prisma, {
        workspaceId: fixture.otherWorkspaceId,
        kind: "feature_service",
        id: fixture.ids.fraud_scoring_v3!,
        environment: env,
      }),
    ).toBeNull();
  });

  it.each(["feature_view", "data_source", "entity", "feature_service", "model"] as const)(
    "loads a %s page",
    async (kind) => {
      const id = {
        feature_view: "login_activity",
        data_source: "logins",
        entity: "user",
        feature_service: "fraud_scoring_v3",
        model: "fraud_detector",
      }[kind];
      const detail = await getObjectDetail(db.prisma, {
        workspaceId: fixture.workspaceId,
        kind,
        id: fixture.ids[id]!,
        environment: env,
      });
      expect(detail).toMatchObject({ kind, name: id });
    },
  );

  it("reads each kind's header, team, versions and related objects, tagged by kind", async () => {
    await db.prisma.savedDataset.create({
      data: {
        id: "t_fraud_training",
        workspaceId: fixture.workspaceId,
        name: "fraud_training",
        teamId: fixture.ids.team_fraud!,
        owner: "maria.chen@acme.com",
        tags: ["training"],
        storage: "s3://acme/training/fraud",
        featureServiceId: fixture.ids.fraud_scoring_v3!,
        rowCount: 1200n,
      },
    });
    await db.prisma.model.update({
      where: { id: fixture.ids.fraud_detector! },
      data: { trainingDatasetId: "t_fraud_training" },
    });
    const load = (kind: CatalogKind, id: string) =>
      getObjectDetail(db.prisma, { workspaceId: fixture.workspaceId, kind, id, environment: env });
    const seen: string[] = [];
    for (const [kind, id] of [
      ["feature_view", fixture.ids.login_activity!],
      ["data_source", fixture.ids.logins!],
      ["entity", fixture.ids.user!],
      ["feature_service", fixture.ids.fraud_scoring_v3!],
      ["model", fixture.ids.fraud_detector!],
      ["saved_dataset", "t_fraud_training"],
    ] as const) {
      const detail = await load(kind, id);
      expect(detail?.kind).toBe(kind);
      expect(detail?.id).toBe(id);
      // `kind` narrows the union: each branch reads its own kind's fields without a cast.
      switch (detail?.kind) {
        case "feature_view":
          expect(detail.team?.slug).toBe("fraud");
          expect(detail.tags).toEqual(["auth", "streaming"]);
          expect(detail.view).toMatchObject({ kind: "stream", slideInterval: "1m" });
          expect(detail.features.map((f) => f.name)).toEqual([
            "login_count_5m",
            "login_count_15m",
            "failed_login_ratio_15m",
          ]);
          expect(detail.sources.map((s) => s.name)).toEqual(["logins"]);
          expect(detail.usage.services.map((s) => s.name)).toEqual(["fraud_scoring_v3", "growth_scoring"]);
          expect(detail.freshnessSlaSeconds).toBeGreaterThan(0);
          expect(detail.freshness?.environment).toBe("prod");
          expect(detail.versions).toMatchObject({ versionKind: "feature_view", versionObjectId: id, headNumber: 1 });
          expect(detail.versions.active.map((a) => [a.environment, a.versionNumber])).toEqual([
            ["dev", null],
            ["prod", 1],
          ]);
          break;
        case "data_source":
          expect(detail).toMatchObject({ sourceKind: "stream", platform: "kafka", owner: "maria.chen@acme.com" });
          expect(detail.team?.slug).toBe("fraud");
          expect(detail.downstreamViews.map((v) => v.name)).toEqual(["login_activity"]);
          expect(detail.batchSource).toBeNull();
          expect(detail.backfills).toEqual([]);
          expect(detail.versions).toMatchObject({ versionKind: "data_source", headNumber: null });
          break;
        case "entity":
          expect(detail.team).toBeNull();
          expect(detail.views.map((v) => v.name)).toEqual(["customer_value", "login_activity", "user_profile"]);
          break;
        case "feature_service":
          expect(detail.latencyBudgetMs).toBe(50);
          expect(detail.tags).toEqual(["tier-1"]);
          expect(detail.featureCount).toBe(2);
          expect(detail.featureGroups.map((g) => [g.view.name, g.features.map((f) => f.name)])).toEqual([
            ["login_activity", ["login_count_15m"]],
            ["user_profile", ["avg_spend_30d"]],
          ]);
          expect(detail.models.map((m) => m.name)).toEqual(["fraud_detector"]);
          expect(detail.savedDatasets).toEqual([{ id: "t_fraud_training", name: "fraud_training" }]);
          break;
        case "model":
          expect(detail.version).toBe("3");
          expect(detail.services.map((s) => s.name)).toEqual(["fraud_scoring_v3"]);
          expect(detail.trainingDataset).toEqual({
            id: "t_fraud_training",
            name: "fraud_training",
            storage: "s3://acme/training/fraud",
          });
          break;
        case "saved_dataset":
          expect(detail.team?.slug).toBe("fraud");
          expect(detail.rowCount).toBe(1200);
          expect(detail.featureService).toEqual({ id: fixture.ids.fraud_scoring_v3!, name: "fraud_scoring_v3" });
          expect(detail.trainedModels.map((m) => m.name)).toEqual(["fraud_detector"]);
          expect(detail.versions.versionKind).toBe("saved_dataset");
          break;
        default:
          throw new Error(`unexpected detail for ${kind}`);
      }
      seen.push(detail.kind);
    }
    expect(seen).toHaveLength(6);
  });
});

describe("add to feature service", () => {
  it("creates a service as a new versioned definition, then adds a feature as version 2", async () => {
    const created = await addFeaturesToService(
      db.prisma,
      { workspaceId: fixture.workspaceId, featureIds: [fixture.ids.login_count_5m!], newServiceName: "ato_scoring_v1" },
      { userId },
    );
    expect(created).toMatchObject({ created: true, serviceName: "ato_scoring_v1", versionNumber: 1 });
    const added = await addFeaturesToService(
      db.prisma,
      {
        workspaceId: fixture.workspaceId,
        featureIds: [fixture.ids.failed_login_ratio_15m!, fixture.ids.login_count_5m!],
        serviceId: created.serviceId,
      },
      { userId },
    );
    expect(added).toMatchObject({
      versionNumber: 2,
      added: ["login_activity:failed_login_ratio_15m"],
      alreadyPresent: ["login_activity:login_count_5m"],
    });
    const service = await getFeatureServiceDetail(db.prisma, {
      workspaceId: fixture.workspaceId,
      id: created.serviceId,
    });
    expect(service!.featureGroups[0]!.features.map((f) => f.name)).toEqual([
      "failed_login_ratio_15m",
      "login_count_5m",
    ]);
    const audit = await db.prisma.auditLog.findMany({
      where: { objectId: created.serviceId },
      select: { action: true },
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    // The search index follows: the feature is now used by a service.
    const hit = (
      await searchCatalog(db.prisma, { workspaceId: fixture.workspaceId, q: "failed_login_ratio_15m", limit: 1 })
    ).hits[0];
    expect(hit).toMatchObject({ name: "failed_login_ratio_15m", usageCount: 1 });
  });

  it("refuses features of another workspace", async () => {
    await expect(
      addFeaturesToService(
        db.prisma,
        { workspaceId: fixture.workspaceId, featureIds: [fixture.ids.secret_login_signal!], newServiceName: "leak" },
        { userId },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("owners, stars and comments", () => {
  it("changes a feature's owner in place, audited", async () => {
    await updateOwnership(
      db.prisma,
      {
        workspaceId: fixture.workspaceId,
        kind: "feature",
        id: fixture.ids.login_count_5m!,
        owner: "sam@acme.com",
        team: "",
      },
      { userId },
    );
    const feature = await db.prisma.feature.findUnique({
      where: { id: fixture.ids.login_count_5m! },
      select: { owner: true },
    });
    expect(feature!.owner).toBe("sam@acme.com");
    expect(
      await db.prisma.auditLog.count({
        where: { action: "feature.owner.change", objectId: fixture.ids.login_count_5m! },
      }),
    ).toBe(1);
    const hits = await searchCatalog(db.prisma, {
      workspaceId: fixture.workspaceId,
      q: "",
      filters: { owner: "sam@acme.com" },
      limit: 5,
    });
    expect(hits.hits.map((h) => h.name)).toEqual(["login_count_5m"]);
  });

  it("refuses an unknown team", async () => {
    await expect(
      updateOwnership(
        db.prisma,
        {
          workspaceId: fixture.workspaceId,
          kind: "feature_service",
          id: fixture.ids.growth_scoring!,
          owner: "x",
          team: "nope",
        },
        { userId },
      ),
    ).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("stars idempotently and lists the user's stars of this workspace only", async () => {
    const ref = { workspaceId: fixture.workspaceId, userId, kind: "feature" as const, id: fixture.ids.avg_spend_30d! };
    await setStar(db.prisma, { ...ref, starred: true });
    expect(await setStar(db.prisma, { ...ref, starred: true })).toEqual({ starred: true, count: 1 });
    expect((await listStarred(db.prisma, { workspaceId: fixture.workspaceId, userId })).map((s) => s.name)).toEqual([
      "avg_spend_30d",
    ]);
    expect(await listStarred(db.prisma, { workspaceId: fixture.otherWorkspaceId, userId })).toEqual([]);
    await expect(
      setStar(db.prisma, { ...ref, id: fixture.ids.secret_login_signal!, starred: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await setStar(db.prisma, { ...ref, starred: false })).toEqual({ starred: false, count: 0 });
  });

  it("counts everyone's stars and tells whether this person starred", async () => {
    const ref = { workspaceId: fixture.workspaceId, kind: "feature" as const, id: fixture.ids.avg_spend_30d! };
    const other = await db.prisma.user.create({ data: { email: "star-other@example.com", name: "Other" } });
    await setStar(db.prisma, { ...ref, userId: other.id, starred: true });
    expect(await getStarState(db.prisma, { userId, kind: ref.kind, id: ref.id })).toEqual({ starred: false, count: 1 });
    expect(await setStar(db.prisma, { ...ref, userId, starred: true })).toEqual({ starred: true, count: 2 });
    await setStar(db.prisma, { ...ref, userId: other.id, starred: false });
    expect(await getStarState(db.prisma, { userId, kind: ref.kind, id: ref.id })).toEqual({ starred: true, count: 1 });
    await setStar(db.prisma, { ...ref, userId, starred: false });
  });

  it("keeps comments with author and time, oldest first", async () => {
    const ref = { workspaceId: fixture.workspaceId, kind: "feature_view" as const, id: fixture.ids.user_profile! };
    await addComment(db.prisma, { ...ref, userId, body: "First" }, { userId });
    await addComment(db.prisma, { ...ref, userId, body: "Second" }, { userId });
    const comments = await listComments(db.prisma, ref);
    expect(comments.map((c) => [c.body, c.author.name])).toEqual([
      ["First", "Ann Author"],
      ["Second", "Ann Author"],
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "comment.create", objectId: ref.id } })).toBe(2);
  });
});
