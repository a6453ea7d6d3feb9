import { describe, expect, it } from "vitest";
import { KIND_LABELS, kindWord, OBJECT_KINDS } from "@/lib/kinds";
import { CATALOG_KINDS } from "@/lib/search/types";
import { DEFINITION_KINDS } from "@/lib/definitions/schema";
import { NODE_KINDS } from "@/lib/lineage/types";

describe("kind vocabulary", () => {
  it("names every catalog, definition and lineage kind", () => {
    for (const kind of [...CATALOG_KINDS, ...DEFINITION_KINDS, ...NODE_KINDS]) {
      expect(OBJECT_KINDS).toContain(kind);
      expect(KIND_LABELS[kind].one).toMatch(/^[A-Z]/);
    }
  });

  it("writes irregular plurals and in-sentence words", () => {
    expect(KIND_LABELS.entity.many).toBe("Entities");
    expect(kindWord("feature_view")).toBe("feature view");
    expect(kindWord("entity", 2)).toBe("entities");
  });
});
