import { describe, expect, it } from "vitest";
import { jsonErrorAt, parseJsonText } from "@/lib/json-text";

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
