import { describe, expect, it } from "vitest";

import {
  featureViewDefinitionSchema,
  formatIssuePath,
  isKnownValueType,
  modelDefinitionSchema,
  parseRepositoryText,
  repositoryDocumentSchema,
  repositoryJsonSchema,
} from "@/lib/definitions/schema";

describe("repositoryDocumentSchema defaults", () => {
  it("fills every list and flag so a minimal document stays short", () => {
    const document = repositoryDocumentSchema.parse({});
    expect(document).toEqual({
      prune: false,
      dataSources: [],
      entities: [],
      featureViews: [],
      featureServices: [],
      models: [],
      savedDatasets: [],
    });
  });

  it("fills a feature view's defaults", () => {
    const view = featureViewDefinitionSchema.parse({
      name: "user_profile",
      features: [{ name: "country", valueType: "string" }],
    });
    expect(view).toMatchObject({
      kind: "batch",
      sources: [],
      entities: [],
      inputs: [],
      online: true,
      offline: true,
      aggregations: [],
      description: "",
      owner: "",
      tags: [],
    });
    expect(view.features[0]).toEqual({
      name: "country",
      valueType: "string",
      description: "",
      tags: [],
      sourceColumns: [],
    });
    expect(view.transformation).toBeUndefined();
  });

  it("defaults a transformation's language to sql", () => {
    const view = featureViewDefinitionSchema.parse({ name: "v", transformation: { code: "select 1 as a" } });
    expect(view.transformation).toEqual({ language: "sql", code: "select 1 as a" });
  });

  it("keeps a model version written as a YAML number as a string", () => {
    expect(modelDefinitionSchema.parse({ name: "fraud_detector", version: 3 }).version).toBe("3");
    expect(modelDefinitionSchema.parse({ name: "fraud_detector" }).version).toBe("1");
  });
});

describe("isKnownValueType", () => {
  it.each([
    "int32",
    "int64",
    "float32",
    "float64",
    "string",
    "bytes",
    "bool",
    "timestamp",
    "array<float64>",
    "embedding<768>",
  ])("accepts %s", (type) => expect(isKnownValueType(type)).toBe(true));
  it.each(["INT64", "double", "array<array<int64>>", "embedding<0>", "embedding<n>", "array<>", ""])(
    "rejects %s",
    (type) => expect(isKnownValueType(type)).toBe(false),
  );
});

describe("formatIssuePath", () => {
  it("uses dots for keys and brackets for indices", () => {
    expect(formatIssuePath(["featureViews", 3, "aggregations", 0, "windows", 1])).toBe(
      "featureViews[3].aggregations[0].windows[1]",
    );
  });
  it("quotes keys that are not identifiers", () => {
    expect(formatIssuePath(["dataSources", 0, "options", "a.b"])).toBe('dataSources[0].options["a.b"]');
  });
});

describe("parseRepositoryText", () => {
  const streamView = (windows: string) => `
featureViews:
  - name: login_activity
    kind: stream
    sources: [logins]
    aggregations:
      - function: count
        column: login_id
        windows: ${windows}
`;

  it("answers a YAML alias bomb with a 400, never expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [index, name] of ["b", "c", "d", "e", "f", "g", "h", "i"].entries()) {
      const previous = String.fromCharCode("a".charCodeAt(0) + index);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const result = parseRepositoryText(levels.join("\n"), "application/yaml");
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (result.ok || result.status !== 400) return;
    expect(result.error.message).toMatch(/alias/i);
  });

  it("refuses a NUL byte in YAML and JSON documents as malformed (400)", () => {
    expect(parseRepositoryText('entities:\n  - name: "user\\0id"\n', "application/yaml")).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(parseRepositoryText('{"entities": [{"name": "a\\u0000"}]}', "application/json")).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("parses YAML and fills defaults", () => {
    const result = parseRepositoryText(streamView('["5m", "15m", "15d"]'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.prune).toBe(false);
    expect(result.document.featureViews[0]?.aggregations[0]?.windows).toEqual(["5m", "15m", "15d"]);
  });

  it("parses JSON, sniffed or by content type", () => {
    const json = '{"entities":[{"name":"user","joinKeys":[{"name":"user_id","valueType":"int64"}]}]}';
    const sniffed = parseRepositoryText(json);
    const typed = parseRepositoryText(` ${json}`, "application/json; charset=utf-8");
    expect(sniffed.ok && sniffed.document.entities[0]?.name).toBe("user");
    expect(typed.ok && typed.document.entities[0]?.joinKeys[0]?.name).toBe("user_id");
  });

  it("reports a bad window at its exact path with 422", () => {
    const result = parseRepositoryText(streamView('["5m", "five minutes"]'));
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok || result.status !== 422) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.path).toBe("featureViews[0].aggregations[0].windows[1]");
    expect(result.issues[0]?.message).toMatch(/duration/);
  });

  it("reports an unknown field at its own path", () => {
    const result = parseRepositoryText(`
featureViews:
  - name: a
  - name: b
  - name: c
  - name: d
    aggregations:
      - function: sum
        column: amount
        windows: [1h]
        window: 1h
`);
    expect(result.ok).toBe(false);
    if (result.ok || result.status !== 422) return;
    expect(result.issues).toEqual([
      { path: "featureViews[3].aggregations[0].window", message: 'Unknown field "window"' },
    ]);
  });

  it("reports enum and type violations with their paths", () => {
    const result = parseRepositoryText(
      JSON.stringify({
        prune: "yes",
        dataSources: [{ name: "transactions", kind: "table", platform: "snowflake" }],
      }),
    );
    if (result.ok || result.status !== 422) throw new Error("expected 422");
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(["dataSources[0].kind", "prune"]);
  });

  it("rejects a feature reference without a view", () => {
    const result = parseRepositoryText("featureServices:\n  - name: s\n    features: [amount]\n");
    if (result.ok || result.status !== 422) throw new Error("expected 422");
    expect(result.issues[0]?.path).toBe("featureServices[0].features[0]");
  });

  it("returns 422 for an empty document", () => {
    expect(parseRepositoryText("")).toEqual({
      ok: false,
      status: 422,
      issues: [{ path: "", message: "The document is empty" }],
    });
  });

  it("returns 400 with line and column for a YAML syntax error", () => {
    const result = parseRepositoryText("entities:\n  - name: user\n    joinKeys: [\n");
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (result.ok || result.status !== 400) return;
    expect(result.error.line).toBe(4);
    expect(result.error.column).toBe(1);
    expect(result.error.message).not.toMatch(/at line/);
  });

  it("returns 400 at the duplicated key for a YAML duplicate key", () => {
    const result = parseRepositoryText("prune: true\nentities: []\nprune: false\n");
    if (result.ok || result.status !== 400) throw new Error("expected 400");
    expect(result.error).toMatchObject({ line: 3, column: 1 });
    expect(result.error.message).toMatch(/unique/i);
  });

  it("returns 400 with line and column for a JSON syntax error", () => {
    const result = parseRepositoryText('{\n  "featureViews": [\n    { "name": "x", }\n  ]\n}');
    if (result.ok || result.status !== 400) throw new Error("expected 400");
    expect(result.error).toMatchObject({ line: 3, column: 20 });
    expect(result.error.message).not.toMatch(/position/);
  });

  it("points a truncated JSON document at its end", () => {
    const result = parseRepositoryText('{\n  "entities":', "application/json");
    if (result.ok || result.status !== 400) throw new Error("expected 400");
    expect(result.error).toMatchObject({ line: 2, column: 14 });
  });
});

describe("repositoryJsonSchema", () => {
  it("describes the authoring form: defaulted fields are optional, unknown keys rejected", () => {
    const schema = repositoryJsonSchema() as {
      type: string;
      additionalProperties: boolean;
      required?: string[];
      properties: Record<string, { items?: { required?: string[]; properties?: Record<string, unknown> } }>;
    };
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required ?? []).toEqual([]);
    const view = schema.properties.featureViews?.items;
    expect(view?.required).toEqual(["name"]);
    expect(Object.keys(view?.properties ?? {})).toContain("aggregations");
  });
});
