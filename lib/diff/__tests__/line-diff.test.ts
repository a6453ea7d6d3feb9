import { describe, expect, it } from "vitest";
import { collapseUnchanged, sideBySideDiff, type DiffRow, type DiffSegment } from "@/lib/diff/line-diff";

/** Every line each side shows, in order, with the folded ones unfolded. */
function sides(segments: readonly DiffSegment[]) {
  const rows: DiffRow[] = segments.flatMap((segment) => (segment.type === "skipped" ? segment.rows : [segment]));
  return {
    left: rows.flatMap((row) => (row.left ? [row.left.text] : [])),
    right: rows.flatMap((row) => (row.right ? [row.right.text] : [])),
  };
}

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
    expect(collapsed[0]).toMatchObject({ type: "skipped", rows: { length: 8 } });
  });

  it("keeps every line of a newer version that is longer than the older one (issue 15: tags at the end)", () => {
    // A definition whose v2 adds two tags at the end, after a long unchanged body.
    const body = Array.from({ length: 30 }, (_, i) => `field_${i}: value_${i}`);
    const v1 = [...body, "tags:", "  - pii"].join("\n") + "\n";
    const v2 = [...body, "tags:", "  - pii", "  - tier-1", "  - fraud"].join("\n") + "\n";
    const segments = collapseUnchanged(sideBySideDiff(v1, v2));
    const shown = sides(segments);
    expect(shown.left).toEqual(v1.trimEnd().split("\n"));
    expect(shown.right).toEqual(v2.trimEnd().split("\n"));
    // The new last lines are visible rows (not folded away) and numbered as in v2.
    const last = segments.at(-1);
    expect(last).toEqual({ type: "added", left: null, right: { number: 34, text: "  - fraud" } });
    expect(segments.at(-2)).toEqual({ type: "added", left: null, right: { number: 33, text: "  - tier-1" } });
  });

  it("keeps every line on both sides when both versions change and grow", () => {
    const v1 = "a\nb\nc\nd";
    const v2 = "a\nB\nc\nd\ne\nf\ng";
    const shown = sides(collapseUnchanged(sideBySideDiff(v1, v2), 0));
    expect(shown.left).toEqual(["a", "b", "c", "d"]);
    expect(shown.right).toEqual(["a", "B", "c", "d", "e", "f", "g"]);
  });
});
