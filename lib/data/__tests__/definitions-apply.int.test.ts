import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRepository, getCurrentDefinition } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { fraudRepository } from "@/lib/definitions/__tests__/fraud-repository";
import type { FeatureViewDefinition, RepositoryDocument } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
const actor = { userId: null };

async function newWorkspace(slug: string) {
  const workspace = await createWorkspace(database.prisma, { slug, name: slug });
  return workspace.id;
}

function fraud(slug: string): RepositoryDocument {
  return { ...fraudRepository(), workspace: slug };
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

async function counts(workspaceId: string) {
  const [sources, views, features, services, versions, audit] = await Promise.all([
    database.prisma.dataSource.count({ where: { workspaceId } }),
    database.prisma.featureView.count({ where: { workspaceId } }),
    database.prisma.feature.count({ where: { workspaceId } }),
    database.prisma.featureService.count({ where: { workspaceId } }),
    database.prisma.definitionVersion.count({ where: { workspaceId } }),
    database.prisma.auditLog.count({ where: { workspaceId } }),
  ]);
  return { sources, views, features, services, versions, audit };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

describe(`plan and apply on ${testEngineKind()}`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = await newWorkspace("fraud");
  });

  it("plans without writing anything", async () => {
    const plan = await applyRepository(database.prisma, { workspaceId, document: fraud("fraud"), dryRun: true }, actor);
    expect(plan.applied).toBe(false);
    expect(plan.create.map((item) => `${item.kind}:${item.name}`)).toContain("feature_view:login_activity");
    expect(plan.create).toHaveLength(12);
    expect(await counts(workspaceId)).toMatchObject({ sources: 0, versions: 0, audit: 0 });
  });

  it("creates every object with one version each and one audit entry", async () => {
    const result = await applyRepository(database.prisma, { workspaceId, document: fraud("fraud") }, actor);
    expect(result).toMatchObject({ applied: true, update: [], delete: [], unchanged: 0 });
    expect(result.versions).toHaveLength(12);
    expect(await counts(workspaceId)).toEqual({
      sources: 4,
      views: 3,
      features: 6,
      services: 1,
      versions: 12,
      audit: 1,
    });
    const stream = await database.prisma.dataSource.findFirstOrThrow({ where: { workspaceId, name: "logins" } });
    const backfill = await database.prisma.dataSource.findFirstOrThrow({
      where: { workspaceId, name: "logins_backfill" },
    });
    expect(stream.batchSourceId).toBe(backfill.id);
    const model = await database.prisma.model.findFirstOrThrow({ where: { workspaceId }, include: { services: true } });
    expect(model.trainingDatasetId).not.toBeNull();
    expect(model.services).toHaveLength(1);
    const service = await database.prisma.featureService.findFirstOrThrow({
      where: { workspaceId },
      include: { features: true },
    });
    expect(service.features).toHaveLength(3);
  });

  it("is idempotent: the same document again changes nothing", async () => {
    const result = await applyRepository(database.prisma, { workspaceId, document: fraud("fraud") }, actor);
    expect(result).toMatchObject({ create: [], update: [], delete: [], unchanged: 12, versions: [] });
    expect(await counts(workspaceId)).toMatchObject({ versions: 12, audit: 1 });
  });

  it("updates changed objects with field diffs, one new version each", async () => {
    const document = fraud("fraud");
    const login = document.featureViews[1]!;
    login.aggregations[0]!.windows = ["5m", "1h"];
    login.features = [
      { name: "login_count_5m", valueType: "int64", description: "", tags: [], sourceColumns: [] },
      { name: "login_count_1h", valueType: "int64", description: "", tags: [], sourceColumns: [] },
    ];
    document.featureServices[0]!.features = ["user_profile:avg_spend_30d", "login_activity:login_count_1h"];
    const result = await applyRepository(database.prisma, { workspaceId, document }, actor);
    expect(result.update.map((item) => item.name)).toEqual(["login_activity", "fraud_scoring_v3"]);
    expect(result.update[0]!.changes.map((change) => change.path)).toEqual(
      expect.arrayContaining(["aggregations[0].windows[1]", "features[name=login_count_1h]"]),
    );
    expect(result.unchanged).toBe(10);
    const view = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "login_activity",
    });
    expect(view?.version.number).toBe(2);
    expect((view?.definition as FeatureViewDefinition).aggregations[0]!.windows).toEqual(["5m", "1h"]);
  });

  it("deletes only with prune, and refuses to prune what a remaining object references", async () => {
    const document = fraud("fraud");
    document.models = [];
    const withoutPrune = await applyRepository(database.prisma, { workspaceId, document, dryRun: true }, actor);
    expect(withoutPrune.delete).toEqual([]);

    const blocked = fraud("fraud");
    blocked.savedDatasets = [];
    const error = await caught(
      applyRepository(database.prisma, { workspaceId, document: blocked, prune: true }, actor),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toContainEqual({
      path: "models[0].trainingDataset",
      message: 'Unknown saved dataset "fraud_training_2024"',
    });
    expect(await database.prisma.savedDataset.count({ where: { workspaceId } })).toBe(1);

    const pruned = await applyRepository(database.prisma, { workspaceId, document, prune: true }, actor);
    expect(pruned.delete).toEqual([{ kind: "model", name: "fraud_detector" }]);
    expect(await database.prisma.model.count({ where: { workspaceId } })).toBe(0);
  });

  it("refuses without prune to change an object so that one outside the document breaks", async () => {
    const document = repositoryOnly({ featureViews: [fraud("fraud").featureViews[2]!] });
    document.featureViews[0]!.features = [
      { name: "renamed", valueType: "float64", description: "", tags: [], sourceColumns: [] },
    ];
    const error = await caught(applyRepository(database.prisma, { workspaceId, document }, actor));
    expect(error.status).toBe(422);
    expect(error.fields?.[0]).toMatchObject({ path: "featureServices[name=fraud_scoring_v3].features[2]" });
  });

  it("is all-or-nothing: a failing object leaves nothing written", async () => {
    const before = await counts(workspaceId);
    const document = fraud("fraud");
    document.dataSources.push({ ...document.dataSources[0]!, name: "payments" });
    document.featureViews[0]!.ttl = "7d";
    document.featureServices.push({ ...document.featureServices[0]!, name: "explodes" });
    // A database failure half-way through (after the source and the view are written).
    await database.engine.transaction(async (tx) => {
      await tx.exec(`
        CREATE FUNCTION refuse_explodes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name = 'explodes' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_explodes BEFORE INSERT ON feature_service FOR EACH ROW EXECUTE FUNCTION refuse_explodes();
      `);
    });
    await expect(applyRepository(database.prisma, { workspaceId, document }, actor)).rejects.toThrow();
    await database.engine.query("DROP TRIGGER refuse_explodes ON feature_service");
    expect(await counts(workspaceId)).toEqual(before);
    expect(await database.prisma.dataSource.count({ where: { workspaceId, name: "payments" } })).toBe(0);
    const view = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    });
    expect((view?.definition as FeatureViewDefinition).ttl).toBe("2d");
  });

  it("applies concurrent documents one after the other, without duplicate versions", async () => {
    const documents = ["1h", "2h", "3h", "4h"].map((ttl) => {
      const document = fraud("fraud");
      document.models = [];
      document.featureViews[0]!.ttl = ttl;
      return document;
    });
    const results = await Promise.all(
      documents.map((document) => applyRepository(database.prisma, { workspaceId, document }, actor)),
    );
    expect(results.every((result) => result.update.length === 1)).toBe(true);
    const view = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    });
    const versions = await database.prisma.definitionVersion.findMany({
      where: { objectId: view!.objectId },
      select: { number: true },
      orderBy: { number: "asc" },
    });
    expect(versions.map((version) => version.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a document for another workspace", async () => {
    const error = await caught(applyRepository(database.prisma, { workspaceId, document: fraud("growth") }, actor));
    expect(error.fields).toEqual([
      { path: "workspace", message: 'The document is for workspace "growth", not "fraud"' },
    ]);
  });
});

function repositoryOnly(partial: Partial<RepositoryDocument>): RepositoryDocument {
  return {
    prune: false,
    dataSources: [],
    entities: [],
    featureViews: [],
    featureServices: [],
    models: [],
    savedDatasets: [],
    ...partial,
  };
}
