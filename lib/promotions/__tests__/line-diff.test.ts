import { describe, expect, it } from "vitest";
import { collapseUnchanged, sideBySideDiff } from "@/lib/promotions/line-diff";

describe("side-by-side line diff", () => {
  it("pairs a replaced line as one changed row and keeps line numbers per side", () => {
    const rows = sideBySideDiff("SELECT a\nFROM t\nWHERE x", "SELECT a\nFROM t2\nWHERE x\nLIMIT 1");
    expect(rows.map((row) => row.type)).toEqual(["same", "changed", "same", "added"]);
    expect(rows[1]).toEqual({
      type: "changed",
      left: { number: 2, text: "FROM t" },
      right: { number: 2, text: "FROM t2" },
    });
    expect(rows[3]).toEqual({ type: "added", left: null, right: { number: 4, text: "LIMIT 1" } });
  });

  it("shows removals on the left only, and an empty side for new code", () => {
    expect(sideBySideDiff("a\nb\nc", "a\nc").map((row) => row.type)).toEqual(["same", "removed", "same"]);
    expect(sideBySideDiff("", "x\ny").every((row) => row.type === "added" && row.left === null)).toBe(true);
  });

  it("collapses long unchanged runs but keeps context around changes", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const after = before.replace("line 10", "line ten");
    const collapsed = collapseUnchanged(sideBySideDiff(before, after), 2);
    expect(collapsed.map((row) => row.type)).toEqual(["skipped", "same", "same", "changed", "same", "same", "skipped"]);
    expect(collapsed[0]).toEqual({ type: "skipped", count: 8 });
  });
});
