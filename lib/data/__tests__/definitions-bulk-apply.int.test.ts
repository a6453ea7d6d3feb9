import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRepository } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { generatedRepository } from "@/lib/definitions/generated-repository";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
const actor = { userId: null };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

async function snapshot(workspaceId: string) {
  const prisma = database.prisma;
  const dev = await prisma.environment.findFirstOrThrow({ where: { workspaceId }, orderBy: { position: "asc" } });
  const [features, lineage, versions, audit, devActive] = await Promise.all([
    prisma.feature.count({ where: { workspaceId } }),
    prisma.featureSourceColumn.count({ where: { feature: { workspaceId } } }),
    prisma.definitionVersion.findMany({
      where: { workspaceId },
      select: { id: true, objectKind: true, objectId: true, number: true },
    }),
    prisma.auditLog.count({ where: { workspaceId } }),
    prisma.activeVersion.findMany({
      where: { environmentId: dev.id },
      select: { objectKind: true, objectId: true, versionId: true },
    }),
  ]);
  return { features, lineage, versions, audit, devActive };
}

describe(`bulk apply of a large document on ${testEngineKind()}`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = (await createWorkspace(database.prisma, { slug: "bulk", name: "Bulk" })).id;
  });

  it("writes one version per object, dev runs each, one audit entry", async () => {
    const document = generatedRepository(30, 5);
    const result = await applyRepository(database.prisma, { workspaceId, document }, actor);
    // 3 sources + 20 entities + 30 views.
    expect(result.create).toHaveLength(53);
    expect(result.versions).toHaveLength(53);
    const state = await snapshot(workspaceId);
    expect(state.features).toBe(150);
    expect(state.lineage).toBe(150);
    expect(state.audit).toBe(1);
    expect(state.versions).toHaveLength(53);
    expect(state.versions.every((version) => version.number === 1)).toBe(true);
    expect(new Set(state.versions.map((version) => `${version.objectKind}:${version.objectId}`)).size).toBe(53);
    // Each result entry names the version that dev now runs for its object.
    const active = new Map(state.devActive.map((row) => [`${row.objectKind}:${row.objectId}`, row.versionId]));
    const ids = new Map(state.versions.map((version) => [`${version.objectKind}:${version.objectId}`, version.id]));
    for (const version of result.versions) {
      expect(active.get(`${version.kind}:${version.objectId}`)).toBe(ids.get(`${version.kind}:${version.objectId}`));
    }
  });

  it("on a re-apply writes versions only for the changed objects, and keeps feature ids", async () => {
    const before = await database.prisma.feature.findMany({
      where: { workspaceId, featureView: { name: "view_1" } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const document = generatedRepository(30, 5);
    for (const index of [1, 7, 20]) {
      const view = document.featureViews[index]!;
      view.features[0]!.description = "changed";
      view.features.push({ ...view.features[1]!, name: `${view.name}_added` });
    }
    const result = await applyRepository(database.prisma, { workspaceId, document }, actor);
    expect(result.update.map((item) => item.name)).toEqual(["view_1", "view_7", "view_20"]);
    expect(result.versions.map((version) => version.number)).toEqual([2, 2, 2]);
    const state = await snapshot(workspaceId);
    expect(state.versions).toHaveLength(56);
    expect(state.audit).toBe(2);
    expect(state.features).toBe(153);
    expect(state.lineage).toBe(153);
    const after = await database.prisma.feature.findMany({
      where: { workspaceId, featureView: { name: "view_1" } },
      select: { id: true, name: true, description: true },
      orderBy: { name: "asc" },
    });
    expect(after.filter((feature) => feature.name !== "view_1_added").map(({ id, name }) => ({ id, name }))).toEqual(
      before,
    );
    expect(after.find((feature) => feature.name === "view_1_feature_0")?.description).toBe("changed");
  });

  it("rolls back whole when writing the versions fails half-way", async () => {
    const before = await snapshot(workspaceId);
    const document = generatedRepository(40, 5);
    document.featureViews[35]!.features[0]!.description = "refused";
    await database.engine.transaction(async (tx) => {
      await tx.exec(`
        CREATE FUNCTION refuse_view_39() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.object_name = 'view_39' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_view_39 BEFORE INSERT ON definition_version FOR EACH ROW EXECUTE FUNCTION refuse_view_39();
      `);
    });
    try {
      await expect(applyRepository(database.prisma, { workspaceId, document }, actor)).rejects.toThrow();
    } finally {
      await database.engine.query("DROP TRIGGER refuse_view_39 ON definition_version");
    }
    expect(await snapshot(workspaceId)).toEqual(before);
    expect(await database.prisma.featureView.count({ where: { workspaceId, name: "view_35" } })).toBe(0);
  });
});
