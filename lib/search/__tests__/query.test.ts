import { describe, expect, it } from "vitest";
import {
  escapeLike,
  MAX_QUERY_LENGTH,
  maxTypoEdits,
  normalizeQueryText,
  parseSearchQuery,
  queryTokens,
} from "@/lib/search/query";

describe("parseSearchQuery", () => {
  it("splits snake_case and spaces into prefix tokens that must all match", () => {
    const parsed = parseSearchQuery("Login_Count 5m");
    expect(parsed.tokens).toEqual(["login", "count", "5m"]);
    expect(parsed.tsquery).toBe("login:* & count:* & 5m:*");
    expect(parsed.trigramText).toBe("login count 5m");
  });

  it("treats the words joined by underscores as an exact name and as a name prefix", () => {
    const parsed = parseSearchQuery("login count");
    expect(parsed.exactNames).toContain("login_count");
    expect(parsed.exactNames).toContain("login count");
    expect(parsed.namePrefixPattern).toBe("login\\_count%");
  });

  it("keeps a qualified view:feature name as an exact candidate", () => {
    expect(parseSearchQuery("login_activity:login_count_5m").exactNames).toContain("login_activity:login_count_5m");
  });

  it("reduces SQL-looking text to plain words", () => {
    const parsed = parseSearchQuery("'; DROP TABLE feature; --");
    expect(parsed.tokens).toEqual(["drop", "table", "feature"]);
    expect(parsed.tsquery).toBe("drop:* & table:* & feature:*");
    expect(parsed.tsquery).not.toMatch(/[;'-]/);
  });

  it("returns nothing to search for punctuation and emoji only", () => {
    const parsed = parseSearchQuery("🔥🔥 !!! ()");
    expect(parsed.tokens).toEqual([]);
    expect(parsed.tsquery).toBeNull();
    expect(parsed.exactNames).toEqual([]);
    expect(parsed.namePrefixPattern).toBeNull();
  });

  it("keeps letters of other scripts and drops emoji between words", () => {
    expect(parseSearchQuery("größe🔥umsatz").tokens).toEqual(["größe", "umsatz"]);
  });

  it("skips trigram matching for one or two letters, which would match almost anything", () => {
    expect(parseSearchQuery("ab").trigramText).toBeNull();
    expect(parseSearchQuery("ab").tsquery).toBe("ab:*");
    expect(parseSearchQuery("abc").trigramText).toBe("abc");
  });

  it("deduplicates tokens and caps their number", () => {
    expect(parseSearchQuery("a a b").tokens).toEqual(["a", "b"]);
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ");
    expect(parseSearchQuery(many).tokens).toHaveLength(12);
  });
});

describe("maxTypoEdits", () => {
  it("allows no edit for one or two letters, one for three or four, two from five", () => {
    expect(["a", "ab", "eta", "logn", "lgoin", "atempt"].map(maxTypoEdits)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("counts characters, not bytes, and does not correct numbers or very long words", () => {
    expect(maxTypoEdits("größe")).toBe(2);
    expect(maxTypoEdits("2024")).toBe(0);
    expect(maxTypoEdits("15m")).toBe(1);
    expect(maxTypoEdits("x".repeat(41))).toBe(0);
  });

  it("is given per token by parseSearchQuery", () => {
    expect(parseSearchQuery("logn atempt 5m").typoEdits).toEqual([1, 2, 0]);
    expect(parseSearchQuery("!!").typoEdits).toEqual([]);
  });
});

describe("normalizeQueryText", () => {
  it("lower-cases, collapses whitespace, removes control characters and caps the length", () => {
    expect(normalizeQueryText("  Login\t\nCOUNT\u0000 ")).toBe("login count");
    expect(normalizeQueryText("x".repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("folds full-width characters (NFKC)", () => {
    expect(normalizeQueryText("ｌｏｇｉｎ")).toBe("login");
  });
});

describe("queryTokens / escapeLike", () => {
  it("finds runs of letters and digits", () => {
    expect(queryTokens("avg_spend-30d.v2")).toEqual(["avg", "spend", "30d", "v2"]);
  });

  it("escapes LIKE wildcards and the escape character", () => {
    expect(escapeLike("a_b%c\\d")).toBe("a\\_b\\%c\\\\d");
  });
});
