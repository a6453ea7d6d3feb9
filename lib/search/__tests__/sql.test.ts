import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/lib/search/query";
import { effectiveSort } from "@/lib/search/sql";

// What the search statement returns is tested on both engines in lib/data/__tests__/search*.int.test.ts.
describe("effectiveSort", () => {
  it("falls back to name order when there is no text to rank by", () => {
    expect(effectiveSort(null, "relevance")).toBe("name");
    expect(effectiveSort(parseSearchQuery("🔥"), "relevance")).toBe("name");
    expect(effectiveSort(parseSearchQuery("login"), "relevance")).toBe("relevance");
    expect(effectiveSort(null, "usage")).toBe("usage");
  });
});
