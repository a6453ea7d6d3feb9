import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { curlExample, exampleUrl, groupByTag, operationAnchor, referenceOperations } from "@/lib/api/reference";

describe("the API reference read from the OpenAPI document", () => {
  const operations = referenceOperations(buildOpenApiDocument());
  const find = (method: string, path: string) => operations.find((op) => op.method === method && op.path === path)!;

  it("lists every operation once, grouped by tag in document order", () => {
    const document = buildOpenApiDocument();
    const expected = Object.values(document.paths).reduce((total, methods) => total + Object.keys(methods).length, 0);
    expect(operations).toHaveLength(expected);
    const groups = groupByTag(operations);
    expect(groups[0]?.tag).toBe("System");
    expect(groups.map((group) => group.tag)).toEqual(expect.arrayContaining(["Catalog", "Promotions", "Ingestion"]));
    expect(new Set(operations.map((op) => op.id)).size).toBe(operations.length);
  });

  it("carries parameters with their examples and the request body with its example", () => {
    const search = find("get", "/api/v1/search");
    expect(search.parameters.find((p) => p.name === "q")).toMatchObject({ in: "query", example: "login attempts" });
    const ingest = find("post", "/api/v1/ingest/materialization-runs");
    expect(ingest.requestBody[0]).toMatchObject({ contentType: "application/json" });
    expect(ingest.responses.map((response) => response.status)).toEqual(["200", "400", "401", "403", "422"]);
  });

  it("fills the URL from examples and typed values, encoding them", () => {
    expect(exampleUrl(find("get", "/api/v1/search"))).toBe("/api/v1/search?q=login+attempts&kind=feature&limit=10");
    const definition = find("get", "/api/v1/definitions/{kind}/{id}");
    expect(exampleUrl(definition, { kind: "feature_view", id: "a/b" })).toBe("/api/v1/definitions/feature_view/a%2Fb");
    expect(exampleUrl(definition)).toBe("/api/v1/definitions/%7Bkind%7D/%7Bid%7D");
  });

  it("writes curl with the body quoted for the shell", () => {
    const curl = curlExample(
      {
        ...find("post", "/api/v1/promotions"),
        requestBody: [{ contentType: "application/json", schema: {}, example: { title: "it's" } }],
      },
      "https://fl.example.com",
    );
    expect(curl).toContain("curl -X POST 'https://fl.example.com/api/v1/promotions'");
    expect(curl).toContain("-H 'Authorization: Bearer flt_your_token'");
    expect(curl).toContain(`-d '{\n  "title": "it'\\''s"\n}'`);
    expect(curlExample(find("get", "/api/health"), "http://x")).not.toContain("Authorization");
  });

  it("anchors are stable, lower-case and free of braces", () => {
    expect(operationAnchor("get", "/api/v1/catalog/{kind}/{id}")).toBe("get-api-v1-catalog-kind-id");
  });
});
