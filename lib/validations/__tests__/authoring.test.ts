import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { applyQuerySchema, parseRepositoryBody } from "@/lib/validations/authoring";

function refusal(text: string, contentType: string | null): AppError {
  try {
    parseRepositoryBody(text, contentType);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("parseRepositoryBody", () => {
  it("reads YAML and JSON documents by content type, or by their first character", () => {
    const yaml = parseRepositoryBody(
      "entities:\n  - name: user\n    joinKeys: [{ name: user_id, valueType: int64 }]\n",
      "application/yaml",
    );
    expect(yaml.entities[0]?.name).toBe("user");
    const json = parseRepositoryBody('{"entities": []}', null);
    expect(json).toMatchObject({ entities: [], prune: false });
  });

  it("answers malformed YAML with 400 naming line and column", () => {
    const error = refusal("entities:\n  - name: user\n   joinKeys: [\n", "application/yaml");
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Malformed YAML at line \d+, column \d+: /);
    expect(error.details).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it("answers malformed JSON with 400 naming line and column", () => {
    const error = refusal('{\n  "entities": [\n    {"name": }\n  ]\n}', "application/json");
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Malformed JSON at line 3, column \d+/);
  });

  it("answers a schema violation with 422 and the path of each problem", () => {
    const text = [
      "featureViews:",
      "  - name: logins",
      "    kind: stream",
      "    aggregations:",
      "      - function: count",
      "        column: login_id",
      "        windows: [5m, soon]",
      "        window: 1h",
    ].join("\n");
    const error = refusal(text, "application/yaml");
    expect(error.status).toBe(422);
    expect(error.fields).toEqual([
      { path: "featureViews[0].aggregations[0].windows[1]", message: expect.stringContaining("Not a duration") },
      { path: "featureViews[0].aggregations[0].window", message: 'Unknown field "window"' },
    ]);
  });

  it("refuses an empty body with 400", () => {
    expect(refusal("  \n", "application/yaml").status).toBe(400);
  });
});

describe("applyQuerySchema", () => {
  it("leaves prune unset when absent, so the document's own prune applies", () => {
    expect(applyQuerySchema.parse({}).prune).toBeUndefined();
    expect(applyQuerySchema.parse({ prune: "true" }).prune).toBe(true);
    expect(applyQuerySchema.parse({ prune: "false" }).prune).toBe(false);
    expect(applyQuerySchema.safeParse({ prune: "yes please" }).success).toBe(false);
  });
});
