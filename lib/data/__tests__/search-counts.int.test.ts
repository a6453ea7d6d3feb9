import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchCatalogFacetsWithin } from "@/lib/data/search";
import { invalidateFacetCache, loadFacetRows, type FacetRow } from "@/lib/data/search-counts";
import { buildCompactCountsSql } from "@/lib/search/facet-counts";
import { buildFacetsSql, type SearchSqlInput } from "@/lib/search/sql";
import type { CatalogKind } from "@/lib/search/types";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addHealthSignals, loadSearchFixture, type SearchFixture } from "./search-catalog-fixture";

/**
 * The catalog's unfiltered lists read facet counts kept by the search triggers
 * (search_facet_delta); they must always equal the full aggregate over the documents.
 */

let db: TestDatabase;
let fixture: SearchFixture;
const NOW = new Date("2025-03-01T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await loadSearchFixture(db.prisma);
  await addHealthSignals(db.prisma, fixture, NOW);
});

afterAll(async () => {
  await db?.cleanup();
});

const KINDS: (CatalogKind | undefined)[] = [undefined, "feature", "feature_view", "entity", "data_source", "model"];

function input(kind: CatalogKind | undefined): SearchSqlInput {
  return {
    workspaceId: fixture.workspaceId,
    query: null,
    filters: kind ? { kind } : {},
    sort: "name",
    limit: 50,
    offset: 0,
    health: { environment: "prod" },
    nowEpochSeconds: NOW.getTime() / 1000,
  };
}

const sorted = (rows: FacetRow[]) =>
  rows
    .map((row) => `${row.facet}=${row.value}:${Number(row.n)}`)
    .sort()
    .join("\n");

async function expectKeptEqualsAggregate(label: string) {
  // Health (judged per feature view) is cached for 20 s like the aggregate; the rest is read live.
  invalidateFacetCache(fixture.workspaceId);
  for (const kind of KINDS) {
    const kept = await loadFacetRows(db.prisma, input(kind));
    const statement = buildFacetsSql(input(kind));
    const full = await db.prisma.$queryRawUnsafe<FacetRow[]>(statement.sql, ...statement.params);
    expect(sorted(kept), `${label}, kind ${kind ?? "all"}`).toBe(sorted(full));
  }
}

describe(`kept facet counts (${process.env.FEATURELINE_TEST_ENGINE ?? "pglite"})`, () => {
  it("equal the full aggregate for every kind tab, health included", async () => {
    await expectKeptEqualsAggregate("as loaded");
    const all = await loadFacetRows(db.prisma, input(undefined));
    expect(all).toEqual(expect.arrayContaining([expect.objectContaining({ facet: "health", value: "drifting" })]));
    expect(all).toEqual(expect.arrayContaining([expect.objectContaining({ facet: "health", value: "stale" })]));
  });

  it("follow renames, usage, tags, promotions and deletes, and survive compaction", async () => {
    const ids = fixture.ids;
    await db.prisma.featureView.update({
      where: { id: ids.login_activity! },
      data: { tags: ["auth", "pii"], owner: "x@acme.com" },
    });
    await db.prisma.featureServiceFeature.create({
      data: { featureServiceId: ids.fraud_scoring_v3!, featureId: ids.login_count_5m! },
    });
    await db.prisma.activeVersion.create({
      data: {
        environmentId: fixture.envIds.dev,
        objectKind: "feature_view",
        objectId: ids.login_activity!,
        versionId: ids.v_login_activity_1!,
      },
    });
    await db.prisma.activeVersion.delete({
      where: {
        environmentId_objectKind_objectId: {
          environmentId: fixture.envIds.prod,
          objectKind: "feature_view",
          objectId: ids.login_activity!,
        },
      },
    });
    await db.prisma.feature.delete({ where: { id: ids.login_count_15m! } });
    await db.prisma.entity.update({ where: { id: ids.merchant! }, data: { name: "shop" } });
    await expectKeptEqualsAggregate("after writes");

    const rows = async () =>
      (
        await db.prisma.$queryRawUnsafe<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM search_facet_delta WHERE workspace_id = $1",
          fixture.workspaceId,
        )
      )[0]!.n;
    const before = await rows();
    const compact = buildCompactCountsSql(fixture.workspaceId);
    await db.prisma.$executeRawUnsafe(compact.sql, ...compact.params);
    expect(await rows()).toBeLessThan(before);
    await expectKeptEqualsAggregate("after compaction");
  });

  it("count a new object at once, with no cache in between", async () => {
    const entities = async () =>
      (await loadFacetRows(db.prisma, input(undefined))).find((row) => row.facet === "kind" && row.value === "entity")!
        .n;
    const before = await entities();
    await db.prisma.entity.create({
      data: { id: "t_store", workspaceId: fixture.workspaceId, name: "store", tags: ["retail"] },
    });
    expect(await entities()).toBe(before + 1);
    const tags = await loadFacetRows(db.prisma, input("entity"));
    expect(tags).toEqual(expect.arrayContaining([{ facet: "tag", value: "retail", n: 1 }]));
  });

  it("of a search are kept, but not served after a write, without anyone clearing them", async () => {
    const request = { workspaceId: fixture.workspaceId, q: "warehouse", limit: 50, now: NOW };
    const total = async () => (await searchCatalogFacetsWithin(db.prisma, request, 30_000))?.total;
    const before = await total();
    // Counted once and kept (for 20 s); the write below must still show on the next read.
    expect(await total()).toBe(before);
    await db.prisma.entity.create({
      data: { id: "t_warehouse", workspaceId: fixture.workspaceId, name: "warehouse", tags: [] },
    });
    expect(await total()).toBe((before ?? 0) + 1);
  });

  it("are rebuilt exactly with the search index", async () => {
    await db.prisma.$executeRawUnsafe("DELETE FROM search_facet_delta WHERE workspace_id = $1", fixture.workspaceId);
    await db.prisma.$queryRawUnsafe("SELECT search_rebuild($1)", fixture.workspaceId);
    await expectKeptEqualsAggregate("after a rebuild");
  });

  it("never fail the page: a count that fails or outlasts its deadline is null (still counting)", async () => {
    const request = { workspaceId: fixture.workspaceId, q: "login", limit: 50, now: NOW };
    invalidateFacetCache(fixture.workspaceId);
    // A writer holds the search table, so counting waits; the page does not wait past its deadline.
    const holding = db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("LOCK TABLE search_document IN ACCESS EXCLUSIVE MODE");
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await expect(searchCatalogFacetsWithin(db.prisma, request, 300)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(1_200);
    await holding;
    await expect(
      searchCatalogFacetsWithin(db.prisma, { ...request, cursor: "not-a-cursor" }, 5_000),
    ).resolves.toBeNull();
    const counted = await searchCatalogFacetsWithin(db.prisma, request, 30_000);
    expect(counted?.total).toBeGreaterThan(0);
  });
});
