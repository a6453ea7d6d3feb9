import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRepository } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { generatedRepository } from "@/lib/definitions/generated-repository";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

/**
 * Apply writes a plan of hundreds of objects in sets (definition-rows-bulk.ts) and rebuilds the
 * search documents once at the end (migration 0012). What callers rely on stays: exactly one
 * version and one audit entry per changed object, search documents and facet counts as a full
 * rebuild would make them, and nothing at all written when anything fails half-way.
 */

let database: TestDatabase;
const actor = { userId: null };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

/** Every search document of the workspace as text, and the facet counts the triggers keep. */
async function searchState(workspaceId: string) {
  const documents = await database.prisma.$queryRawUnsafe<Array<{ row: string }>>(
    `SELECT concat_ws('|', object_kind, object_id, name, qualified_name, parent_id, description, tags::text,
       team_id, owner, view_kind, entity_names::text, data_type, usage_count, search_vector::text) AS row
     FROM search_document WHERE workspace_id = $1 ORDER BY object_kind, object_id`,
    workspaceId,
  );
  const counts = await database.prisma.$queryRawUnsafe<Array<{ row: string }>>(
    `SELECT concat_ws('|', object_kind, facet, value, sum(n)) AS row FROM search_facet_delta
     WHERE workspace_id = $1 GROUP BY object_kind, facet, value HAVING sum(n) <> 0
     ORDER BY object_kind, facet, value`,
    workspaceId,
  );
  return { documents: documents.map((r) => r.row), counts: counts.map((r) => r.row) };
}

/** What a full rebuild makes of the same registry (the reference the bulk path must equal). */
async function rebuiltSearchState(workspaceId: string) {
  await database.prisma.$executeRawUnsafe("SELECT search_rebuild($1)", workspaceId);
  await database.prisma.$executeRawUnsafe("SELECT search_counts_rebuild($1)", workspaceId);
  return searchState(workspaceId);
}

async function snapshot(workspaceId: string) {
  const prisma = database.prisma;
  const dev = await prisma.environment.findFirstOrThrow({ where: { workspaceId }, orderBy: { position: "asc" } });
  const [views, features, lineage, versions, audit, devActive, pending, search] = await Promise.all([
    prisma.featureView.findMany({ where: { workspaceId }, select: { id: true, name: true, description: true } }),
    prisma.feature.findMany({ where: { workspaceId }, select: { id: true, name: true, description: true } }),
    prisma.featureSourceColumn.count({ where: { feature: { workspaceId } } }),
    prisma.definitionVersion.findMany({
      where: { workspaceId },
      select: { id: true, objectKind: true, objectId: true, objectName: true, number: true },
    }),
    prisma.auditLog.findMany({ where: { workspaceId }, select: { id: true, action: true } }),
    prisma.activeVersion.findMany({
      where: { environmentId: dev.id },
      select: { objectKind: true, objectId: true, versionId: true },
    }),
    prisma.$queryRawUnsafe<Array<{ n: number }>>("SELECT count(*)::int AS n FROM search_refresh_pending"),
    searchState(workspaceId),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return {
    views: byId(views),
    features: byId(features),
    lineage,
    versions: byId(versions),
    audit: audit.map((entry) => `${entry.id}:${entry.action}`).sort(),
    devActive: devActive.sort((a, b) => a.objectId.localeCompare(b.objectId)),
    pending: pending[0]!.n,
    search,
  };
}

describe(`bulk write of a plan of hundreds of objects on ${testEngineKind()}`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = (await createWorkspace(database.prisma, { slug: "bulk-write", name: "Bulk write" })).id;
  });

  it("creates 350 objects with one version each, one audit entry, and search as a rebuild makes it", async () => {
    const progress: Array<{ phase: string; done?: number; total?: number }> = [];
    // 2,100 features: their documents are rebuilt in two statements (2,000 per statement).
    const result = await applyRepository(
      database.prisma,
      { workspaceId, document: generatedRepository(300, 7), onProgress: (step) => progress.push(step) },
      actor,
    );
    // 30 sources + 20 entities + 300 views.
    expect(result.create).toHaveLength(350);
    const state = await snapshot(workspaceId);
    expect(state.versions).toHaveLength(350);
    expect(new Set(state.versions.map((v) => `${v.objectKind}:${v.objectId}`)).size).toBe(350);
    expect(state.versions.every((version) => version.number === 1)).toBe(true);
    expect(state.audit).toHaveLength(1);
    expect(state.devActive).toHaveLength(350);
    expect(state.features).toHaveLength(2100);
    expect(state.lineage).toBe(2100);
    expect(state.pending).toBe(0);
    // 350 objects + 2,100 features, each with one document.
    expect(state.search.documents).toHaveLength(2450);
    expect(state.search).toEqual(await rebuiltSearchState(workspaceId));

    expect(progress).toEqual([
      { phase: "planning" },
      { phase: "writing", done: 0, total: 350 },
      { phase: "recording versions", done: 350 },
      { phase: "indexing for search", done: 350, total: 350 },
    ]);
  });

  it("a pruning re-apply versions exactly the 50 changed objects, deletes 20, keeps ids, in one audit entry", async () => {
    const before = await snapshot(workspaceId);
    const document = generatedRepository(300, 7);
    // 40 views edited (a description, a feature added), 20 pruned, 10 added.
    for (let index = 0; index < 40; index++) {
      const view = document.featureViews[index * 5]!;
      view.description = "edited";
      view.features.push({ ...view.features[0]!, name: `${view.name}_extra` });
    }
    // New views read the last existing source (the generator would give them a new one).
    const added = generatedRepository(310, 7)
      .featureViews.slice(300)
      .map((view) => ({
        ...view,
        sources: ["source_29"],
        features: view.features.map((feature) => ({
          ...feature,
          sourceColumns: feature.sourceColumns.map((ref) => ref.replace("source_30", "source_29")),
        })),
      }));
    document.featureViews = [...document.featureViews.filter((view) => !/^view_2[89]\d$/.test(view.name)), ...added];
    const result = await applyRepository(database.prisma, { workspaceId, document, prune: true }, actor);

    expect(result.update).toHaveLength(40);
    expect(result.create.map((item) => item.name).sort()).toEqual(added.map((view) => view.name).sort());
    expect(result.delete).toHaveLength(20);
    const after = await snapshot(workspaceId);
    expect(after.versions).toHaveLength(before.versions.length + 50);
    const fresh = after.versions.filter((version) => !before.versions.some((old) => old.id === version.id));
    expect(fresh.filter((version) => version.number === 2)).toHaveLength(40);
    expect(fresh.filter((version) => version.number === 1)).toHaveLength(10);
    expect(after.audit).toHaveLength(2);
    expect(after.views).toHaveLength(290);
    // Edited views keep their features' ids; their new features are added.
    const oldFeatureIds = new Map(before.features.map((feature) => [feature.name, feature.id]));
    for (const feature of after.features) {
      if (oldFeatureIds.has(feature.name)) expect(feature.id).toBe(oldFeatureIds.get(feature.name));
    }
    expect(after.features).toHaveLength(2100 - 140 + 40 + 70);
    expect(after.views.find((view) => view.name === "view_5")?.description).toBe("edited");
    expect(after.pending).toBe(0);
    expect(after.search).toEqual(await rebuiltSearchState(workspaceId));
  });

  it("rolls back whole when a row write fails in the middle of the batch", async () => {
    const before = await snapshot(workspaceId);
    const document = generatedRepository(320, 3);
    for (const view of document.featureViews.slice(0, 100)) view.description = "never written";
    // Views and sources are written by then; the failing feature belongs to a new view.
    await database.engine.transaction(async (tx) => {
      await tx.exec(`
        CREATE FUNCTION refuse_feature() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name = 'view_315_feature_1' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_feature BEFORE INSERT ON feature FOR EACH ROW EXECUTE FUNCTION refuse_feature();
      `);
    });
    try {
      await expect(applyRepository(database.prisma, { workspaceId, document, prune: true }, actor)).rejects.toThrow();
    } finally {
      await database.engine.query("DROP TRIGGER refuse_feature ON feature");
      await database.engine.query("DROP FUNCTION refuse_feature()");
    }
    expect(await snapshot(workspaceId)).toEqual(before);

    // The deferral ended with the failed transaction: an ordinary write refreshes search at once.
    await database.prisma.entity.create({ data: { workspaceId, name: "after_failure", tags: [] } });
    const found = await database.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM search_document WHERE workspace_id = $1 AND name = 'after_failure'",
      workspaceId,
    );
    expect(found[0]!.n).toBe(1);
  });
});
