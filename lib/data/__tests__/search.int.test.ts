import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  invalidateFacetCache,
  rebuildSearchIndex,
  searchCatalog,
  searchCatalogFacets,
  quickSearch,
  type SearchRequest,
} from "@/lib/data/search";
import { AppError } from "@/lib/errors";
import { compareHits } from "@/lib/search/ranking";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { addHealthSignals, loadSearchFixture, type SearchFixture } from "./search-catalog-fixture";

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

function search(q: string, extra: Partial<SearchRequest> = {}) {
  return searchCatalog(db.prisma, { workspaceId: fixture.workspaceId, q, limit: 20, now: NOW, ...extra });
}

const names = (result: { hits: { name: string }[] }) => result.hits.map((hit) => hit.name);

describe(`catalog search relevance (${process.env.FEATURELINE_TEST_ENGINE ?? "pglite"})`, () => {
  it("finds login_count_5m from partial snake_case words ('login cnt')", async () => {
    const result = await search("login cnt");
    expect(names(result)).toContain("login_count_5m");
    expect(names(result).slice(0, 2).sort()).toEqual(["login_count_15m", "login_count_5m"]);
  });

  it("tolerates a typo ('logn_count', 'transacton')", async () => {
    expect(names(await search("logn_count"))).toContain("login_count_5m");
    // The source first (its name is the closest); user_profile reads from it (its document names it).
    expect(names(await search("transacton"))).toEqual(["transactions", "user_profile"]);
  });

  it("forgives a typo in every word ('logn atempt', 'login atempt', 'logn attempts', 'lgoin')", async () => {
    // The login features say "Login attempts ..." in their descriptions; "lgoin" swaps two letters.
    for (const q of ["logn atempt", "login atempt", "logn attempts"]) {
      const result = await search(q);
      expect(names(result), q).toEqual(expect.arrayContaining(["login_count_5m", "login_count_15m", "login_activity"]));
      expect(
        result.hits.every((hit) => hit.isFuzzy && !hit.isExact),
        q,
      ).toBe(true);
    }
    const swapped = await search("lgoin");
    expect(names(swapped)).toEqual(expect.arrayContaining(["login", "login_count_5m", "login_activity", "logins"]));
    // The palette runs the same search.
    const palette = await quickSearch(db.prisma, { workspaceId: fixture.workspaceId, q: "logn atempt", limit: 8 });
    expect(palette.map((hit) => hit.name)).toContain("login_count_5m");
  });

  it("ranks the words as typed above corrected ones, and does not correct words too far off", async () => {
    // "attempt" is typed correctly and matches two login descriptions strictly; "logins" is a
    // correction of "login" only through the fuzzy tier, which strict matches outrank.
    const result = await search("login attempt");
    expect(result.hits.length).toBeGreaterThan(0);
    const firstFuzzy = result.hits.findIndex((hit) => hit.isFuzzy);
    if (firstFuzzy >= 0) expect(result.hits.slice(firstFuzzy).every((hit) => hit.isFuzzy)).toBe(true);
    expect(result.hits[0]!.isFuzzy).toBe(false);
    // Three edits from any word ("lxgxixn"), or a short word two edits off ("lgn"): nothing.
    expect(names(await search("xqzvw atempt"))).toEqual([]);
    expect(names(await search("lgn atempt"))).toEqual([]);
  });

  it("counts corrected matches in the facets and the total as the rows show them", async () => {
    const request = { workspaceId: fixture.workspaceId, q: "logn atempt", limit: 50, now: NOW, withFacets: true };
    invalidateFacetCache(fixture.workspaceId);
    const result = await searchCatalog(db.prisma, request);
    expect(result.total).toBe(result.hits.length);
    const counts = await searchCatalogFacets(db.prisma, request);
    expect(counts.total).toBe(result.hits.length);
  });

  it("learns the words of new objects; words of deleted ones match nothing and go at a rebuild", async () => {
    expect(names(await search("qokka"))).toEqual([]);
    await db.prisma.entity.create({
      data: { id: "t_wombat", workspaceId: fixture.workspaceId, name: "wombat", description: "Keeps quokka records." },
    });
    expect(names(await search("qokka"))).toEqual(["wombat"]);
    await db.prisma.entity.delete({ where: { id: "t_wombat" } });
    expect(names(await search("qokka"))).toEqual([]);
    const lexicon = () =>
      db.prisma.$queryRawUnsafe<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM search_term WHERE workspace_id = $1 AND term = 'quokka'",
        fixture.workspaceId,
      );
    expect((await lexicon())[0]!.n).toBe(1);
    await rebuildSearchIndex(db.prisma, fixture.workspaceId);
    expect((await lexicon())[0]!.n).toBe(0);
  });

  it("puts the exact name first even when other matches are used more", async () => {
    const result = await search("login");
    expect(result.hits[0]).toMatchObject({ name: "login", kind: "feature", isExact: true });
    expect(result.hits[1]!.usageCount).toBeGreaterThan(result.hits[0]!.usageCount);
    const exact = await search("login count 5m");
    expect(exact.hits[0]).toMatchObject({ name: "login_count_5m", isExact: true });
  });

  it("finds a feature by its qualified view:feature name", async () => {
    const result = await search("login_activity:login_count_5m");
    expect(result.hits[0]).toMatchObject({ name: "login_count_5m", isExact: true });
  });

  it("breaks relevance ties by usage (services and models using the feature)", async () => {
    const result = await search("login count", { filters: { kind: "feature" } });
    // login_count_15m is used by two services and the fraud model; login_count_5m by nothing.
    expect(names(result).slice(0, 2)).toEqual(["login_count_15m", "login_count_5m"]);
    expect(result.hits[0]!.usageCount).toBe(3);
  });

  it("returns hits in exactly the order of the TypeScript ranking", async () => {
    for (const q of ["login", "fraud", "count 15m", "user", "logn", "login atempt", "lgoin"]) {
      const result = await search(q);
      // Signals whose relevance() equals the reported relevance, re-sorted by compareHits.
      const signals = (hit: (typeof result.hits)[number]) => ({
        isExact: hit.isExact,
        isFuzzy: hit.isFuzzy,
        isPrefix: false,
        textRank: 0,
        similarity: hit.relevance / 3,
        usageCount: hit.usageCount,
        name: hit.name,
        kind: hit.kind,
        id: hit.id,
      });
      const reranked = [...result.hits].sort((a, b) => compareHits(signals(a), signals(b)));
      expect(names({ hits: reranked }), q).toEqual(names(result));
    }
  });

  it("searches descriptions, tags, owners, teams and transformation text", async () => {
    expect(names(await search("lifetime value usd"))).toContain("lifetime_value");
    expect(names(await search("tier-1"))).toContain("fraud_scoring_v3");
    expect(names(await search("okafor", { filters: { kind: "feature_view" } }))).toEqual(["customer_value"]);
    expect(names(await search("growth", { filters: { kind: "feature_service" } }))).toContain("growth_scoring");
    expect(names(await search("datediff"))).toEqual(["user_profile"]);
  });

  it("never returns objects of another workspace", async () => {
    const result = await search("secret login signal");
    expect(result.hits).toEqual([]);
    const mine = await search("login_count_5m");
    expect(mine.hits.every((hit) => hit.id !== fixture.ids.other_login_count_5m)).toBe(true);
    const theirs = await searchCatalog(db.prisma, { workspaceId: fixture.otherWorkspaceId, q: "login", limit: 20 });
    expect(theirs.hits.map((hit) => hit.id).sort()).toEqual(
      [fixture.ids.other_login_activity, fixture.ids.other_login_count_5m, fixture.ids.secret_login_signal].sort(),
    );
    const palette = await quickSearch(db.prisma, { workspaceId: fixture.workspaceId, q: "secret", limit: 8 });
    expect(palette).toEqual([]);
  });
});

describe("facets, filters, sorts and pages", () => {
  it("counts kinds across the query and narrows the other facets to the kind", async () => {
    const result = await search("login", { filters: { kind: "feature" }, withFacets: true });
    expect(result.facets!.kind).toEqual(
      expect.arrayContaining([
        { value: "feature", label: "feature", count: 4 },
        { value: "feature_view", label: "feature_view", count: 1 },
        { value: "data_source", label: "data_source", count: 1 },
      ]),
    );
    expect(result.total).toBe(4);
    expect(result.facets!.dataType).toEqual(expect.arrayContaining([{ value: "int64", label: "int64", count: 2 }]));
    expect(result.facets!.team.find((t) => t.value === "fraud")).toEqual({
      value: "fraud",
      label: "Fraud & Risk",
      count: 3,
    });
  });

  it("gives the same counts and total on their own (the page streams them) as beside the hits", async () => {
    for (const extra of [{ filters: { kind: "feature" as const } }, { filters: { team: "fraud" } }, {}]) {
      const together = await search("login", { ...extra, withFacets: true });
      // Computed afresh, not read from the facet cache the first search filled.
      invalidateFacetCache(fixture.workspaceId);
      const alone = await searchCatalogFacets(db.prisma, {
        workspaceId: fixture.workspaceId,
        q: "login",
        limit: 25,
        now: NOW,
        ...extra,
      });
      expect(alone).toEqual({ facets: together.facets, total: together.total });
    }
    expect(
      await searchCatalogFacets(db.prisma, { workspaceId: fixture.workspaceId, q: "🔥", limit: 25 }),
    ).toMatchObject({
      total: 0,
    });
  });

  it("filters by team, tag, entity, view kind, data type, owner and usage", async () => {
    expect(names(await search("", { filters: { kind: "feature", team: "growth" } })).sort()).toEqual([
      "lifetime_value",
      "login",
    ]);
    expect(names(await search("", { filters: { tag: "payments", kind: "feature" } }))).toEqual(["avg_spend_30d"]);
    expect(names(await search("", { filters: { entity: "merchant", kind: "feature" } }))).toEqual(["txn_amount_ratio"]);
    expect(names(await search("", { filters: { viewKind: "on_demand" } })).sort()).toEqual([
      "txn_amount_ratio",
      "txn_amount_vs_avg",
    ]);
    expect(names(await search("", { filters: { dataType: "string" } })).sort()).toEqual(["country", "login"]);
    expect(names(await search("", { filters: { owner: "tom.okafor@acme.com", kind: "feature_service" } }))).toEqual([
      "growth_scoring",
    ]);
    expect(names(await search("", { filters: { usage: "used", kind: "feature" } })).sort()).toEqual([
      "avg_spend_30d",
      "lifetime_value",
      "login_count_15m",
    ]);
  });

  it("gives each data source row its type and platform, and no source type to other kinds", async () => {
    const sources = await search("", { filters: { kind: "data_source" }, sort: "name" });
    expect(sources.hits.map((hit) => [hit.name, hit.source])).toEqual([
      ["logins", { kind: "stream", platform: "kafka" }],
      ["transactions", { kind: "batch", platform: "snowflake" }],
    ]);
    const features = await search("", { filters: { kind: "feature" } });
    expect(features.hits.every((hit) => hit.source === null)).toBe(true);
  });

  it("leaves models out of the usage facet: they consume features, nothing consumes them", async () => {
    const models = await search("", { filters: { kind: "model" }, withFacets: true });
    expect(models.hits.length).toBeGreaterThan(0);
    expect(models.facets!.usage ?? []).toEqual([]);
    const unused = await search("", { filters: { usage: "unused" }, withFacets: true });
    expect(unused.hits.length).toBeGreaterThan(0);
    expect(unused.hits.some((hit) => hit.kind === "model")).toBe(false);
    const all = await search("", { withFacets: true });
    const count = (value: string) => all.facets!.usage!.find((facet) => facet.value === value)?.count ?? 0;
    const modelCount = all.facets!.kind!.find((facet) => facet.value === "model")!.count;
    expect(count("used") + count("unused")).toBe(all.total - modelCount);
    expect(count("unused")).toBe(unused.total);
  });

  it("filters by the environment where the object's version is active", async () => {
    const result = await search("", { filters: { env: "prod" }, withFacets: true });
    expect(names(result).sort()).toEqual([
      "failed_login_ratio_15m",
      "login_activity",
      "login_count_15m",
      "login_count_5m",
    ]);
    expect(result.facets!.env).toEqual([{ value: "prod", label: "prod", count: 4 }]);
  });

  it("derives health from freshness and open drift alerts in the health environment", async () => {
    const result = await search("", { filters: { kind: "feature" }, withFacets: true, healthEnvironment: "prod" });
    expect(result.facets!.health).toEqual(
      expect.arrayContaining([
        { value: "stale", label: "stale", count: 2 },
        { value: "fresh", label: "fresh", count: 3 },
        { value: "drifting", label: "drifting", count: 1 },
      ]),
    );
    const stale = await search("", { filters: { health: "stale" }, healthEnvironment: "prod" });
    expect(names(stale).sort()).toEqual(["login_activity", "login_count_15m", "login_count_5m"]);
    expect(stale.hits.every((hit) => hit.health === "stale")).toBe(true);
    const drifting = await search("", { filters: { health: "drifting" }, healthEnvironment: "prod" });
    expect(names(drifting)).toEqual(["failed_login_ratio_15m"]);
  });

  it("judges freshness by the newest watermark, as the monitoring pages do, so a backfill keeps a view fresh", async () => {
    // A backfill that started last but made only old data available: the view stays fresh.
    const backfill = await db.prisma.materializationRun.create({
      data: {
        workspaceId: fixture.workspaceId,
        featureViewId: fixture.ids.user_profile!,
        environmentId: fixture.envIds.prod,
        status: "success",
        startedAt: new Date(NOW.getTime() - 600_000),
        endedAt: new Date(NOW.getTime() - 300_000),
        watermark: new Date(NOW.getTime() - 5 * 86_400_000),
      },
    });
    try {
      const fresh = await search("", { filters: { health: "fresh" }, healthEnvironment: "prod" });
      expect(names(fresh)).toContain("user_profile");
      const view = (await search("user_profile", { healthEnvironment: "prod" })).hits.find(
        (hit) => hit.name === "user_profile",
      );
      expect(view?.health).toBe("fresh");
    } finally {
      await db.prisma.materializationRun.delete({ where: { id: backfill.id } });
    }
  });

  it("matches nothing for an unknown team or environment", async () => {
    expect((await search("", { filters: { team: "nobody" } })).hits).toEqual([]);
    expect((await search("", { filters: { env: "moon" } })).hits).toEqual([]);
  });

  it("sorts by name, most used and recently updated", async () => {
    const byName = names(await search("", { sort: "name", filters: { kind: "feature" } }));
    expect(byName).toEqual([...byName].sort());
    const byUsage = (await search("", { sort: "usage", filters: { kind: "feature" } })).hits.map((h) => h.usageCount);
    expect(byUsage).toEqual([...byUsage].sort((a, b) => b - a));
    const updated = (await search("", { sort: "updated" })).hits.map((h) => h.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it("pages with cursors that belong to one search", async () => {
    const first = await search("", { limit: 5, withFacets: true });
    expect(first.hits).toHaveLength(5);
    expect(first.nextCursor).toBeTruthy();
    const second = await search("", { limit: 5, withFacets: true, cursor: first.nextCursor! });
    expect(second.offset).toBe(5);
    expect(second.hits.map((h) => h.id)).not.toContain(first.hits[0]!.id);
    await expect(search("login", { limit: 5, cursor: first.nextCursor! })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(search("", { limit: 5, cursor: "bm90LWpzb24" })).rejects.toBeInstanceOf(AppError);
  });
});

describe("bad input", () => {
  it.each(["🔥🔥🔥", "!!!", "   "])("answers %j with an empty result or the list, never an error", async (q) => {
    const result = await search(q);
    if (q.trim() === "") expect(result.hits.length).toBeGreaterThan(0);
    else expect(result.hits).toEqual([]);
  });

  it("treats SQL-looking text as words", async () => {
    const result = await search("'; DROP TABLE feature; --");
    expect(result.hits).toEqual([]);
    expect(await db.prisma.feature.count()).toBeGreaterThan(0);
    expect((await search("login' OR '1'='1")).hits.every((hit) => hit.name.includes("login") || hit.isExact)).toBe(
      true,
    );
  });

  it("handles over-long text and odd characters without errors", async () => {
    await expect(search("login ".repeat(100))).resolves.toBeDefined();
    await expect(search("\\%_:*&|!()<>")).resolves.toMatchObject({ hits: [] });
  });

  it("refuses an unknown health environment with a 400", async () => {
    await expect(search("", { healthEnvironment: "moon" })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("index maintenance by triggers", () => {
  it("follows renames, usage changes and deletes", async () => {
    const ids = fixture.ids;
    await db.prisma.feature.update({ where: { id: ids.country! }, data: { name: "residence_country" } });
    expect(names(await search("residence"))).toEqual(["residence_country"]);

    await db.prisma.featureServiceFeature.create({
      data: { featureServiceId: ids.fraud_scoring_v3!, featureId: ids.login_count_5m! },
    });
    const used = await search("login_count_5m");
    // One more service and the fraud model behind it.
    expect(used.hits[0]).toMatchObject({ name: "login_count_5m", usageCount: 2 });

    await db.prisma.entity.update({ where: { id: ids.merchant! }, data: { name: "shop" } });
    expect(names(await search("", { filters: { entity: "shop", kind: "feature" } }))).toEqual(["txn_amount_ratio"]);

    await db.prisma.featureView.delete({ where: { id: ids.txn_amount_vs_avg! } });
    expect(names(await search("txn amount"))).toEqual([]);

    await db.prisma.team.update({ where: { id: ids.team_growth! }, data: { name: "Lifecycle Marketing" } });
    expect(names(await search("lifecycle marketing", { filters: { kind: "feature_service" } }))).toEqual([
      "growth_scoring",
    ]);

    const before = await db.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM search_document");
    expect(await rebuildSearchIndex(db.prisma, null)).toBe(before[0]!.n);
  });
});
