import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRepository, getCurrentDefinition, saveDefinition } from "@/lib/data/definitions";
import { buildDemoCatalog, latest } from "@/lib/demo/catalog";
import { seedDemo } from "@/lib/demo/load";
import { repositoryDocumentSchema, type FeatureViewDefinition } from "@/lib/definitions/schema";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

const now = new Date("2025-01-15T12:00:00Z");
let database: TestDatabase;
let workspaceId: string;
let authorId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const summary = await seedDemo(database.prisma, database.engine, { now });
  if (!summary.workspaceId) throw new Error(`demo seed did not run: ${summary.message}`);
  workspaceId = summary.workspaceId;
  authorId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "author@featureline.dev" } })).id;
}, 300_000);
afterAll(() => database.cleanup());

describe(`authoring over the demo catalog on ${testEngineKind()}`, () => {
  it("reads the seeded catalog as code with nothing to change", async () => {
    const catalog = buildDemoCatalog(now);
    const document = repositoryDocumentSchema.parse({
      dataSources: catalog.dataSources.map(latest),
      entities: catalog.entities.map(latest),
      featureViews: catalog.featureViews.map(latest),
      featureServices: catalog.featureServices.map(latest),
      models: catalog.models.map(latest),
      savedDatasets: catalog.savedDatasets.map(latest),
    });
    const plan = await applyRepository(database.prisma, { workspaceId, document, dryRun: true }, { userId: authorId });
    expect(plan).toMatchObject({ create: [], update: [], delete: [] });
    expect(plan.unchanged).toBeGreaterThan(20);
  });

  it("saves an edit of user_profile's SQL as the next version, keeping feature ids", async () => {
    const current = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    });
    expect(current).not.toBeNull();
    const view = current!.definition as FeatureViewDefinition;
    const featuresBefore = await database.prisma.feature.findMany({
      where: { featureViewId: current!.objectId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const code = `${view.transformation!.code.trimEnd()}\n-- reviewed`;
    const result = await saveDefinition(
      database.prisma,
      {
        workspaceId,
        kind: "feature_view",
        objectId: current!.objectId,
        baseVersionNumber: current!.version.number,
        definition: { ...view, transformation: { ...view.transformation!, code } },
        message: "Note the review",
      },
      { userId: authorId },
    );
    expect(result).toMatchObject({ status: "updated", version: { number: current!.version.number + 1 } });
    const row = await database.prisma.featureView.findUniqueOrThrow({ where: { id: current!.objectId } });
    expect(row.transformation).toBe(code);
    const featuresAfter = await database.prisma.feature.findMany({
      where: { featureViewId: current!.objectId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    expect(featuresAfter).toEqual(featuresBefore);
  });
});
