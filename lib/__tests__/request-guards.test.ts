import { describe, expect, it } from "vitest";
import { actionArgumentsProblem, hasMalformedEscape, nestingDepth } from "@/lib/request-guards";

describe("request guards (proxy.ts)", () => {
  it("spots a malformed percent escape in a path", () => {
    expect(hasMalformedEscape("/api/v1/tokens/%E0%A4%A")).toBe(true);
    expect(hasMalformedEscape("/catalog/feature/%")).toBe(true);
    expect(hasMalformedEscape("/catalog/feature/%25")).toBe(false);
  });

  it("refuses server-action arguments that are not JSON or nest too deep", () => {
    expect(actionArgumentsProblem("[")).toMatch(/not a valid/);
    expect(actionArgumentsProblem("[".repeat(20_000) + "]".repeat(20_000))).toMatch(/too deeply/);
    expect(actionArgumentsProblem('[{"status":"idle"},"$K1"]')).toBeNull();
  });

  it("counts nesting outside strings only", () => {
    expect(nestingDepth('[{"a": "[[[[", "b": [1, {"c": "\\"]"}]}]')).toBe(4);
  });
});
