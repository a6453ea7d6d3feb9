import { describe, expect, it } from "vitest";
import {
  compareHits,
  RANK_WEIGHTS,
  relevance,
  relevanceBucket,
  RELEVANCE_STEP,
  type RankSignals,
} from "@/lib/search/ranking";

const hit = (overrides: Partial<RankSignals>): RankSignals => ({
  isExact: false,
  isFuzzy: false,
  isPrefix: false,
  textRank: 0,
  similarity: 0,
  usageCount: 0,
  name: "x",
  kind: "feature",
  id: "1",
  ...overrides,
});

describe("relevance", () => {
  it("adds the prefix bonus, weighted similarity and capped text rank", () => {
    expect(relevance({ isPrefix: true, similarity: 0.5, textRank: 3 })).toBeCloseTo(
      RANK_WEIGHTS.prefix + RANK_WEIGHTS.similarity * 0.5 + RANK_WEIGHTS.text,
    );
    expect(relevance({ isPrefix: false, similarity: 0, textRank: 0 })).toBe(0);
  });

  it("buckets scores in RELEVANCE_STEP steps", () => {
    expect(relevanceBucket(0)).toBe(0);
    expect(relevanceBucket(RELEVANCE_STEP * 3)).toBe(3);
    expect(relevanceBucket(RELEVANCE_STEP * 3 - 0.01)).toBe(2);
  });
});

describe("compareHits", () => {
  it("puts exact name matches first, whatever their relevance and usage", () => {
    const exact = hit({ isExact: true, name: "login", textRank: 0.1 });
    const popular = hit({ name: "login_count_5m", isPrefix: true, textRank: 1, similarity: 1, usageCount: 50 });
    expect([popular, exact].sort(compareHits).map((h) => h.name)).toEqual(["login", "login_count_5m"]);
  });

  it("puts close matches (typos corrected) after the words as typed, whatever their relevance", () => {
    const typed = hit({ name: "weak", textRank: 0.05 });
    const corrected = hit({ name: "strong", isFuzzy: true, isPrefix: true, textRank: 1, similarity: 1, usageCount: 9 });
    const exact = hit({ name: "exact", isExact: true });
    expect([corrected, typed, exact].sort(compareHits).map((h) => h.name)).toEqual(["exact", "weak", "strong"]);
  });

  it("orders by relevance before usage", () => {
    const relevant = hit({ name: "b", textRank: 1, usageCount: 0 });
    const used = hit({ name: "a", textRank: 0.2, usageCount: 9 });
    expect([used, relevant].sort(compareHits).map((h) => h.name)).toEqual(["b", "a"]);
  });

  it("breaks near-ties in relevance by usage, then by name", () => {
    const a = hit({ name: "a_feature", similarity: 0.61, usageCount: 1 });
    const b = hit({ name: "b_feature", similarity: 0.62, usageCount: 4 });
    const c = hit({ name: "c_feature", similarity: 0.6, usageCount: 4 });
    expect([a, c, b].sort(compareHits).map((h) => h.name)).toEqual(["b_feature", "c_feature", "a_feature"]);
  });
});
