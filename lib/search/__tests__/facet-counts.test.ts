import { describe, expect, it } from "vitest";
import { keptCountsApply, shapeKeptFacetRows } from "@/lib/search/facet-counts";
import { parseSearchQuery } from "@/lib/search/query";
import type { SearchSqlInput } from "@/lib/search/sql";

const base = (overrides: Partial<SearchSqlInput> = {}): SearchSqlInput => ({
  workspaceId: "ws1",
  query: null,
  filters: {},
  sort: "name",
  limit: 50,
  offset: 0,
  health: {},
  nowEpochSeconds: 1_700_000_000,
  ...overrides,
});

describe("keptCountsApply", () => {
  it("answers the unfiltered lists and the kind tabs from kept counts", () => {
    expect(keptCountsApply(base())).toBe(true);
    expect(keptCountsApply(base({ filters: { kind: "feature" } }))).toBe(true);
  });

  it("leaves searches and any other filter to the full aggregate", () => {
    expect(keptCountsApply(base({ query: parseSearchQuery("login") }))).toBe(false);
    expect(keptCountsApply(base({ filters: { kind: "feature", team: "fraud" } }))).toBe(false);
    expect(keptCountsApply(base({ filters: { usage: "used" } }))).toBe(false);
  });
});

describe("shapeKeptFacetRows", () => {
  it("keeps the 25 most frequent values of long facets, all of the short ones, and drops zeros", () => {
    const owners = Array.from({ length: 30 }, (_, i) => ({ facet: "owner", value: `o${i}`, n: i + 1 }));
    const { rows } = shapeKeptFacetRows([
      ...owners,
      ...Array.from({ length: 30 }, (_, i) => ({ facet: "team", value: `t${i}`, n: 1 })),
      { facet: "usage", value: "used", n: 0 },
    ]);
    const ownerRows = rows.filter((row) => row.facet === "owner");
    expect(ownerRows).toHaveLength(25);
    expect(ownerRows[0]).toEqual({ facet: "owner", value: "o29", n: 30 });
    expect(rows.filter((row) => row.facet === "team")).toHaveLength(30);
    expect(rows.some((row) => row.facet === "usage")).toBe(false);
  });

  it("asks for compaction once the deltas far outnumber the counts", () => {
    const meta = (rowsN: number, groups: number) => [
      { facet: "_rows", value: "", n: rowsN },
      { facet: "_groups", value: "", n: groups },
    ];
    expect(shapeKeptFacetRows(meta(1_200, 400)).shouldCompact).toBe(false);
    expect(shapeKeptFacetRows(meta(5_000, 400)).shouldCompact).toBe(true);
    expect(shapeKeptFacetRows(meta(5_000, 400)).rows).toEqual([]);
  });
});
