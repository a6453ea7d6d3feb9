import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRepository, findObjectsActiveBeyondDev } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { fraudRepository } from "@/lib/definitions/__tests__/fraud-repository";
import type { RepositoryDocument } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

/*
 * Issue 13, item 1: an apply (a prune) writes the registry head and dev only. An object active
 * in staging or prod is never removed by it; the plan names what the prune may not remove.
 */

let database: TestDatabase;
const actor = { userId: null };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

const emptyDocument = (slug: string): RepositoryDocument => ({
  ...fraudRepository(),
  workspace: slug,
  entities: [],
  dataSources: [],
  featureViews: [],
  featureServices: [],
  models: [],
  savedDatasets: [],
});

/** Activates an object's latest version in an environment, as an applied promotion does. */
async function activate(workspaceId: string, environment: string, kind: string, name: string) {
  const prisma = database.prisma;
  const env = await prisma.environment.findFirstOrThrow({ where: { workspaceId, name: environment } });
  const version = await prisma.definitionVersion.findFirstOrThrow({
    where: { workspaceId, objectKind: kind as never, objectName: name },
    orderBy: { number: "desc" },
  });
  await prisma.activeVersion.create({
    data: { environmentId: env.id, objectKind: version.objectKind, objectId: version.objectId, versionId: version.id },
  });
}

async function danglingActiveVersions(workspaceId: string): Promise<number> {
  const rows = await database.prisma.activeVersion.findMany({
    where: {
      environmentId: { in: (await database.prisma.environment.findMany({ where: { workspaceId } })).map((e) => e.id) },
    },
  });
  const prisma = database.prisma;
  let dangling = 0;
  for (const row of rows) {
    const exists = await Promise.all([
      prisma.dataSource.count({ where: { id: row.objectId } }),
      prisma.entity.count({ where: { id: row.objectId } }),
      prisma.featureView.count({ where: { id: row.objectId } }),
      prisma.featureService.count({ where: { id: row.objectId } }),
      prisma.model.count({ where: { id: row.objectId } }),
      prisma.savedDataset.count({ where: { id: row.objectId } }),
    ]);
    if (exists.every((count) => count === 0)) dangling += 1;
  }
  return dangling;
}

describe(`prune never removes what is live beyond dev, on ${testEngineKind()}`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = (await createWorkspace(database.prisma, { slug: "prune", name: "prune" })).id;
    await applyRepository(
      database.prisma,
      { workspaceId, document: { ...fraudRepository(), workspace: "prune" } },
      actor,
    );
    // The model and its dataset are live in prod (and staging); the rest is in dev only.
    for (const environment of ["staging", "prod"]) {
      await activate(workspaceId, environment, "model", "fraud_detector");
    }
    await activate(workspaceId, "prod", "saved_dataset", "fraud_training_2024");
  });

  it("finds the objects active beyond dev, with where, for the Feast sync and apply alike", async () => {
    const model = await database.prisma.model.findFirstOrThrow({ where: { workspaceId, name: "fraud_detector" } });
    const entity = await database.prisma.entity.findFirstOrThrow({ where: { workspaceId } });
    const found = await findObjectsActiveBeyondDev(database.prisma, workspaceId, [
      { kind: "model", name: "fraud_detector", objectId: model.id },
      { kind: "entity", name: entity.name, objectId: entity.id },
    ]);
    expect(found).toEqual([{ kind: "model", name: "fraud_detector", environments: ["staging", "prod"] }]);
  });

  it("plans the prune of an empty document showing what it may not remove", async () => {
    const plan = await applyRepository(
      database.prisma,
      { workspaceId, document: emptyDocument("prune"), prune: true, dryRun: true },
      actor,
    );
    expect(plan.pruneRefused).toEqual([
      { kind: "model", name: "fraud_detector", environments: ["staging", "prod"] },
      { kind: "saved_dataset", name: "fraud_training_2024", environments: ["prod"] },
    ]);
  });

  it("refuses the prune with a 409 naming them, and deletes nothing", async () => {
    const before = await database.prisma.featureView.count({ where: { workspaceId } });
    let refused: AppError | null = null;
    try {
      await applyRepository(database.prisma, { workspaceId, document: emptyDocument("prune"), prune: true }, actor);
    } catch (error) {
      refused = error as AppError;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused!.status).toBe(409);
    expect(refused!.message).toContain('model "fraud_detector" (staging, prod)');
    expect(refused!.message).toContain('saved_dataset "fraud_training_2024" (prod)');
    expect(await database.prisma.featureView.count({ where: { workspaceId } })).toBe(before);
    expect(await database.prisma.model.count({ where: { workspaceId } })).toBe(1);
    expect(await danglingActiveVersions(workspaceId)).toBe(0);
  });

  it("still prunes what is only in dev, leaving no active version pointing at nothing", async () => {
    const document = { ...fraudRepository(), workspace: "prune" };
    const dropped = document.featureServices.map((service) => service.name);
    document.featureServices = [];
    // Changing objects live in prod is fine: the change is a new version in dev.
    document.models = document.models.map((model) => ({ ...model, featureServices: [] }));
    document.savedDatasets = document.savedDatasets.map((dataset) => ({ ...dataset, featureService: undefined }));
    const result = await applyRepository(database.prisma, { workspaceId, document, prune: true }, actor);
    expect(result.pruneRefused).toEqual([]);
    expect(result.delete.map((item) => item.name).sort()).toEqual([...dropped].sort());
    expect(await danglingActiveVersions(workspaceId)).toBe(0);
  });
});
