import { describe, expect, it } from "vitest";
import { containsNulByte, jsonErrorAt, parseJsonText } from "@/lib/json-text";

describe("jsonErrorAt", () => {
  it("points at the first character that breaks the JSON", () => {
    expect(jsonErrorAt('{\n  "entities": [\n    {"name": }\n  ]\n}')).toEqual({ line: 3, column: 14 });
    expect(jsonErrorAt('{"a": [1, 2,]}')).toEqual({ line: 1, column: 13 });
    expect(jsonErrorAt('{"a": tru}')).toEqual({ line: 1, column: 10 });
    expect(jsonErrorAt('{"a": 1} x')).toEqual({ line: 1, column: 10 });
    expect(jsonErrorAt('{"a": "unterminated')).toEqual({ line: 1, column: 20 });
    expect(jsonErrorAt("{'a': 1}")).toEqual({ line: 1, column: 2 });
  });
});

describe("parseJsonText", () => {
  it("returns the value of valid JSON", () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it("names the line and column of malformed JSON, also when the input just ends", () => {
    expect(parseJsonText('{"name": "x",\n "scopes": [')).toMatchObject({ ok: false, error: { line: 2, column: 13 } });
    expect(parseJsonText('{\n  "a": 1,\n  "b": }')).toMatchObject({ ok: false, error: { line: 3, column: 8 } });
  });
});

describe("NUL bytes (PostgreSQL text cannot hold them)", () => {
  it("refuses a \\u0000 escape in a value or a key, at its line and column", () => {
    const result = parseJsonText('{\n  "name": "a\\u0000b"\n}');
    expect(result).toMatchObject({ ok: false, error: { line: 2, column: 13 } });
    expect(parseJsonText('{"a\\u0000": 1}').ok).toBe(false);
  });

  it("looks through deep nesting without overflowing the stack", () => {
    const deep = "[".repeat(200_000) + '"\\u0000"' + "]".repeat(200_000);
    expect(containsNulByte(JSON.parse(deep))).toBe(true);
    expect(containsNulByte({ a: [{ b: "fine" }] })).toBe(false);
  });
});
