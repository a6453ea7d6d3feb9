import { describe, expect, it } from "vitest";
import { newRowId } from "@/lib/data/bulk-rows";

describe("ids of rows written in bulk", () => {
  it("are cuid-shaped and distinct across many thousand, past the random pool's refills", () => {
    const ids = Array.from({ length: 20_000 }, () => newRowId());
    expect(ids.every((id) => /^c[0-9a-z]{24}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The random part varies: not one character repeated from a stale buffer.
    expect(new Set(ids.map((id) => id.slice(-11))).size).toBe(ids.length);
  });
});
