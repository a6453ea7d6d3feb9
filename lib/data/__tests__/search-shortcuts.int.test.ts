import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchCatalog, type SearchRequest } from "@/lib/data/search";
import { FUZZY_MIN } from "@/lib/search/sql";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

/*
 * What the search statement's shortcuts mean for the caller, on the suite's engine: typo
 * matching joins in only when the words as typed find few objects, and filter values are data.
 * (These replace unit tests that read the generated SQL text.)
 */
let db: TestDatabase;
const WS = "ws_shortcuts";

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.workspace.create({ data: { id: WS, slug: "shortcuts", name: "Shortcuts" } });
  await db.prisma.environment.create({ data: { workspaceId: WS, name: "dev", position: 0 } });
  await db.prisma.featureView.create({
    data: { id: "fv_metrics", workspaceId: WS, name: "metrics", kind: "batch", owner: "o@example.com", tags: [] },
  });
  // Three features with "login" as typed and one only a typo away ("logim").
  await addFeatures(["login_a", "login_b", "login_c", "logim_metric"]);
});

afterAll(async () => {
  await db?.cleanup();
});

let position = 0;
async function addFeatures(names: string[]) {
  await db.prisma.feature.createMany({
    data: names.map((name) => ({
      id: `f_${name}`,
      workspaceId: WS,
      featureViewId: "fv_metrics",
      name,
      valueType: "int64",
      position: position++,
      tags: [],
    })),
  });
}

function search(q: string, extra: Partial<SearchRequest> = {}) {
  return searchCatalog(db.prisma, { workspaceId: WS, q, limit: 50, ...extra });
}

describe(`search shortcuts (${testEngineKind()})`, () => {
  it(`adds typo matches, after the exact ones, while the words as typed find fewer than ${FUZZY_MIN} objects`, async () => {
    const result = await search("login");
    expect(result.hits.map((hit) => [hit.name, hit.isFuzzy])).toEqual([
      ["login_a", false],
      ["login_b", false],
      ["login_c", false],
      ["logim_metric", true],
    ]);
    expect(result.total).toBe(4);
  });

  it(`leaves typo matches out once the words as typed find ${FUZZY_MIN} or more`, async () => {
    const more = Array.from({ length: FUZZY_MIN }, (_, i) => `login_more_${String(i).padStart(2, "0")}`);
    await addFeatures(more);
    const result = await search("login");
    expect(result.hits.map((hit) => hit.name)).not.toContain("logim_metric");
    expect(result.hits.every((hit) => !hit.isFuzzy)).toBe(true);
    expect(result.total).toBe(3 + FUZZY_MIN);
    // A typo alone still finds it: nothing typed matches, so correction runs.
    expect((await search("logim")).hits.map((hit) => hit.name)).toContain("logim_metric");
  });

  it("treats every filter value as data: SQL in a value matches nothing and changes nothing", async () => {
    const hostile = "x'); DELETE FROM feature; --";
    const before = await db.prisma.feature.count();
    for (const filter of ["owner", "tag", "entity", "dataType", "team", "env"] as const) {
      const result = await search("", { filters: { [filter]: hostile } });
      expect(result.hits, filter).toEqual([]);
      expect(result.total, filter).toBe(0);
    }
    expect(await db.prisma.feature.count()).toBe(before);
    expect((await search("", { filters: { kind: "feature" } })).total).toBe(before);
  });

  it("binds the page size and offset: a page ends where the next begins", async () => {
    const all = (await search("", { sort: "name", filters: { kind: "feature" }, limit: 100 })).hits.map((h) => h.name);
    const first = await search("", { sort: "name", filters: { kind: "feature" }, limit: 5 });
    const second = await search("", {
      sort: "name",
      filters: { kind: "feature" },
      limit: 5,
      cursor: first.nextCursor!,
    });
    expect([...first.hits, ...second.hits].map((hit) => hit.name)).toEqual(all.slice(0, 10));
  });
});
