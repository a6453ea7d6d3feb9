import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/lib/search/query";
import {
  BROAD_MIN,
  buildFacetsSql,
  buildHitsSql,
  effectiveSort,
  FUZZY_MIN,
  type SearchSqlInput,
} from "@/lib/search/sql";

const base = (overrides: Partial<SearchSqlInput> = {}): SearchSqlInput => ({
  workspaceId: "ws1",
  query: parseSearchQuery("login cnt"),
  filters: {},
  sort: "relevance",
  limit: 25,
  offset: 0,
  health: null,
  nowEpochSeconds: 1_700_000_000,
  ...overrides,
});

describe("buildHitsSql", () => {
  it("scopes to the workspace and passes every value as a parameter", () => {
    const hostile = "x'); DELETE FROM feature; --";
    const { sql, params } = buildHitsSql(
      base({
        filters: {
          owner: hostile,
          tag: hostile,
          entity: hostile,
          dataType: hostile,
          team: hostile,
          activeEnvironment: hostile,
        },
      }),
    );
    expect(sql).toContain("d.workspace_id = $1");
    expect(params[0]).toBe("ws1");
    expect(sql).not.toContain("DELETE");
    expect(params.filter((value) => value === hostile)).toHaveLength(6);
  });

  it("matches by full text, exact name and trigram similarity, and ranks exact first", () => {
    const { sql } = buildHitsSql(base());
    expect(sql).toMatch(/search_vector @@ to_tsquery\('simple', \$\d+\)/);
    expect(sql).toMatch(/\$\d+ <% d\.name_text/);
    expect(sql).toMatch(/ORDER BY is_exact DESC, is_fuzzy, floor\(.*\) DESC, usage_count DESC, name COLLATE "C"/);
  });

  it("only runs fuzzy (typo and trigram) matching when strict matching finds fewer than FUZZY_MIN objects", () => {
    const { sql } = buildHitsSql(base());
    expect(sql).toMatch(
      /fuzzy_first AS MATERIALIZED \(SELECT[\s\S]*<% d\.name_text[\s\S]*AND NOT \(d\.search_vector @@/,
    );
    expect(sql).toContain(`(SELECT count(*) FROM strict_first) + (SELECT count(*) FROM exact_docs) < ${FUZZY_MIN}`);
  });

  it("corrects typos through the lexicon: each word as typed or within its edits, all required", () => {
    const { sql, params } = buildHitsSql(base({ query: parseSearchQuery("logn atempt") }));
    expect(sql).toMatch(/JOIN search_term t ON t\.workspace_id = \$\d+/);
    expect(sql).toContain("levenshtein_less_equal(t.term, q.word, q.edits) <= q.edits");
    expect(sql).toContain("string_agg(alternatives, ' & ' ORDER BY i)");
    expect(sql).toContain("d.search_vector @@ (SELECT tsq FROM typo_query)");
    expect(params).toEqual(
      expect.arrayContaining([
        ["logn", "atempt"],
        [1, 2],
      ]),
    );
  });

  it("leaves the lexicon out when no word may be corrected", () => {
    expect(buildHitsSql(base({ query: parseSearchQuery("ab 15") })).sql).not.toContain("search_term");
  });

  it(`ranks at most BROAD_MIN matches per tier and cuts broad ones to the most used (${BROAD_MIN})`, () => {
    const { sql, params } = buildHitsSql(base({ limit: 50, offset: 100 }));
    expect(sql).toContain(`LIMIT ${BROAD_MIN})`);
    expect(sql).toMatch(
      /strict_broad AS \(SELECT[\s\S]*\(SELECT count\(\*\) FROM strict_first\) >= \d+\s+ORDER BY d\.usage_count DESC, d\.name COLLATE "C", d\.object_kind::text, d\.object_id LIMIT \$\d+::int\)/,
    );
    expect(params).toContain(150);
    // Exact names come from their index whatever the size of the match set.
    expect(sql).toMatch(/exact_docs AS \(SELECT[\s\S]*lower\(d\.name\) = ANY/);
  });

  it("ranks every match when sorting by something other than relevance", () => {
    const { sql } = buildHitsSql(base({ sort: "usage" }));
    expect(sql).not.toContain("strict_broad");
    expect(sql).toContain("strict_docs AS MATERIALIZED");
  });

  it("leaves trigram matching out for very short queries", () => {
    expect(buildHitsSql(base({ query: parseSearchQuery("ab") })).sql).not.toContain("<%");
  });

  it("lists without text conditions in list mode, sorted by name", () => {
    const { sql } = buildHitsSql(base({ query: null, sort: "relevance" }));
    expect(sql).not.toContain("to_tsquery");
    expect(sql).toMatch(/ORDER BY name COLLATE "C", kind, id/);
  });

  it("resolves team slugs and environment names inside the statement, within the workspace", () => {
    const { sql, params } = buildHitsSql(base({ filters: { team: "fraud", activeEnvironment: "prod" } }));
    expect(sql).toMatch(/d\.team_id = \(SELECT t\.id FROM team t WHERE t\.workspace_id = \$\d+ AND t\.slug = \$\d+\)/);
    expect(sql).toMatch(/e\.workspace_id = d\.workspace_id AND e\.name = \$\d+/);
    expect(params).toEqual(expect.arrayContaining(["fraud", "prod"]));
  });

  it("joins health only when filtering by it, and needs an environment for it", () => {
    expect(buildHitsSql(base({ filters: { health: "stale" } })).sql).toContain("AND FALSE");
    const withEnv = buildHitsSql(base({ filters: { health: "stale" }, health: { environment: "staging" } }));
    expect(withEnv.sql).toContain("view_health AS");
    expect(withEnv.params).toContain("staging");
    expect(buildHitsSql(base({ health: { environment: "staging" } })).sql).not.toContain("view_health");
  });

  it("reads each page row's health badge only when health is asked for, defaulting to the last environment", () => {
    const badges = buildHitsSql(base({ health: {} })).sql;
    expect(badges).toContain(") badge ON TRUE");
    expect(badges).toContain("ORDER BY e.position DESC LIMIT 1");
    expect(buildHitsSql(base()).sql).toContain("NULL::text AS health");
  });

  it("orders by the requested sort with stable tie-breakers", () => {
    expect(buildHitsSql(base({ sort: "updated" })).sql).toContain("ORDER BY updated_at DESC, name");
    expect(buildHitsSql(base({ sort: "usage" })).sql).toContain("ORDER BY usage_count DESC, name");
    expect(buildHitsSql(base({ sort: "name" })).sql).toContain('ORDER BY name COLLATE "C", kind, id');
  });

  it("binds limit and offset as integers", () => {
    const { sql, params } = buildHitsSql(base({ limit: 10, offset: 40 }));
    expect(sql).toMatch(/LIMIT \$\d+::int OFFSET \$\d+::int/);
    expect(params.slice(-2)).toEqual([10, 40]);
  });
});

describe("buildFacetsSql", () => {
  it("counts kinds without the kind filter and the other facets within it", () => {
    const { sql, params } = buildFacetsSql(base({ filters: { kind: "feature" } }));
    expect(sql).toContain(
      "'kind' AS facet, object_kind::text AS value, sum(n)::int AS n FROM grouped WHERE in_kind AND",
    );
    expect(sql).toContain("'tag' AS facet");
    expect(sql).toContain("FROM grouped WHERE in_team AND kind_ok");
    expect(sql).toContain("GROUP BY GROUPING SETS ((object_kind), (kind_ok, view_kind)");
    expect(sql).toMatch(/d\.object_kind = \$\d+::"ObjectKind" AS kind_ok/);
    expect(params).toContain("feature");
  });

  it("adds the health facet only with an environment", () => {
    expect(buildFacetsSql(base()).sql).not.toContain("'health'");
    expect(buildFacetsSql(base({ health: {} })).sql).toContain("'health'");
  });
});

describe("effectiveSort", () => {
  it("falls back to name order when there is no text to rank by", () => {
    expect(effectiveSort(null, "relevance")).toBe("name");
    expect(effectiveSort(parseSearchQuery("🔥"), "relevance")).toBe("name");
    expect(effectiveSort(parseSearchQuery("login"), "relevance")).toBe("relevance");
    expect(effectiveSort(null, "usage")).toBe("usage");
  });
});
