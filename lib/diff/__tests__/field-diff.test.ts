import { describe, expect, it } from "vitest";
import { featureViewDefinitionSchema } from "@/lib/definitions/schema";
import { diffAuditEntry, diffFieldValues } from "@/lib/diff/field-diff";
import { changeLabel, fullValue, summariseValue, SUMMARY_LIMIT } from "@/lib/diff/field-values";

const view = {
  name: "login_activity",
  spec: { ttl: "1d", schedule: "1h", source: { table: "logins", timestampField: "ts" } },
  tags: ["security", "auth"],
  features: [
    { name: "attempts", valueType: "int64" },
    { name: "failures", valueType: "int64" },
  ],
  description: "Login attempts.",
};

describe("diffFieldValues", () => {
  it("names nested changes by their path", () => {
    const after = structuredClone(view);
    after.spec.ttl = "2d";
    after.spec.source.timestampField = "event_time";
    expect(diffFieldValues(view, after)).toEqual([
      { path: "spec.source.timestampField", before: "ts", after: "event_time", change: "changed" },
      { path: "spec.ttl", before: "1d", after: "2d", change: "changed" },
    ]);
  });

  it("reports list members added and removed, and named list items by name", () => {
    const after = {
      ...structuredClone(view),
      tags: ["security", "fraud"],
      features: [
        { name: "attempts", valueType: "float64" },
        { name: "lockouts", valueType: "int64" },
      ],
    };
    const changes = diffFieldValues(view, after);
    expect(changes).toContainEqual({ path: "tags[1]", before: "auth", after: undefined, change: "removed" });
    expect(changes).toContainEqual({ path: "tags[1]", before: undefined, after: "fraud", change: "added" });
    expect(changes).toContainEqual({
      path: "features[name=attempts].valueType",
      before: "int64",
      after: "float64",
      change: "changed",
    });
    expect(changes).toContainEqual({
      path: "features[name=failures]",
      before: { name: "failures", valueType: "int64" },
      after: undefined,
      change: "removed",
    });
    expect(changes).toContainEqual({
      path: "features[name=lockouts]",
      before: undefined,
      after: { name: "lockouts", valueType: "int64" },
      change: "added",
    });
    expect(changes).toHaveLength(5);
  });

  it("lists keys added and removed", () => {
    expect(diffFieldValues({ role: "viewer", team: "risk" }, { role: "admin", expires: "2027-01-01" })).toEqual([
      { path: "expires", before: undefined, after: "2027-01-01", change: "added" },
      { path: "role", before: "viewer", after: "admin", change: "changed" },
      { path: "team", before: "risk", after: undefined, change: "removed" },
    ]);
  });

  it("reads a missing side as an empty object, so a creation lists its fields", () => {
    expect(diffFieldValues(null, { name: "x", tags: ["a"] })).toEqual([
      { path: "name", before: undefined, after: "x", change: "added" },
      { path: "tags", before: undefined, after: ["a"], change: "added" },
    ]);
    expect(diffFieldValues({ name: "x" }, undefined)).toEqual([
      { path: "name", before: "x", after: undefined, change: "removed" },
    ]);
    expect(diffFieldValues(null, undefined)).toEqual([]);
    expect(diffFieldValues("a", "b")).toEqual([{ path: "", before: "a", after: "b", change: "changed" }]);
  });

  it("keeps a long string whole in the change", () => {
    const long = "x".repeat(5000);
    const [change] = diffFieldValues({ description: "short" }, { description: long });
    expect(change?.after).toBe(long);
  });
});

describe("diffAuditEntry", () => {
  const saved = {
    name: "clicks",
    kind: "batch",
    sources: ["events"],
    entities: ["user"],
    features: [{ name: "clicks", valueType: "int64" }],
  };

  it("fills today's defaults into a stored definition, so an edit shows only what changed", () => {
    const after = featureViewDefinitionSchema.parse({ ...saved, description: "Clicks per user." });
    // Read raw, every default the schema filled in would count as a change.
    expect(diffFieldValues(saved, after).length).toBeGreaterThan(1);
    expect(diffAuditEntry({ action: "definition.save", objectKind: "feature_view", before: saved, after })).toEqual([
      { path: "description", before: "", after: "Clicks per user.", change: "changed" },
    ]);
  });

  it("compares other entries as they were recorded", () => {
    expect(
      diffAuditEntry({
        action: "version.activate",
        objectKind: "feature_view",
        before: { version: 1 },
        after: { version: 2 },
      }),
    ).toEqual([{ path: "version", before: 1, after: 2, change: "changed" }]);
  });
});

describe("changeLabel", () => {
  it("drops a plain list member's index and keeps named paths", () => {
    expect(changeLabel({ path: "tags[3]", before: undefined, after: "fraud", change: "added" })).toEqual({
      path: "tags",
      listItem: true,
    });
    expect(changeLabel({ path: "features[name=a].valueType", before: 1, after: 2, change: "changed" })).toEqual({
      path: "features[name=a].valueType",
      listItem: false,
    });
    // Position-matched objects (aggregations) keep their index: the position is what matched.
    expect(changeLabel({ path: "aggregations[0]", before: undefined, after: { fn: "sum" }, change: "added" })).toEqual({
      path: "aggregations[0]",
      listItem: false,
    });
  });
});

describe("summariseValue", () => {
  it("shows plain values on one line, quoting only strings that read as another type", () => {
    expect(summariseValue("2d")).toEqual({ text: "2d", expandable: false, multiline: false });
    expect(summariseValue("2").text).toBe('"2"');
    expect(summariseValue(2).text).toBe("2");
    expect(summariseValue("").text).toBe('""');
    expect(summariseValue(true).text).toBe("true");
    expect(summariseValue(undefined).text).toBe("—");
    expect(summariseValue(["a", "b"]).text).toBe('["a", "b"]');
  });

  it("cuts long strings and lets them expand", () => {
    const summary = summariseValue("word ".repeat(100).trim());
    expect(summary.text).toHaveLength(SUMMARY_LIMIT);
    expect(summary.text.endsWith("…")).toBe(true);
    expect(summary.expandable).toBe(true);
  });

  it("summarises objects, long lists and code, all expandable", () => {
    expect(summariseValue({ table: "logins", ts: "ts" })).toEqual({
      text: "{ table, ts }",
      expandable: true,
      multiline: false,
    });
    expect(summariseValue([{ name: "a" }, { name: "b" }]).text).toBe("[2 items]");
    expect(summariseValue("SELECT 1\nFROM t\n")).toEqual({ text: "2 lines", expandable: true, multiline: true });
  });

  it("expands to the whole value", () => {
    expect(fullValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(fullValue("SELECT 1\nFROM t")).toBe("SELECT 1\nFROM t");
  });
});
