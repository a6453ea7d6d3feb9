import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiOperations, buildOpenApiDocument } from "@/lib/api/openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api (except next-auth's) with the HTTP methods it exports. */
function routeFiles(dir: string): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const source = fs.readFileSync(full, "utf8");
      const methods = METHODS.filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source));
      const urlPath =
        "/api/" +
        path
          .relative(API_DIR, path.dirname(full))
          .split(path.sep)
          .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))
          .join("/");
      found.push({ path: urlPath, methods });
    }
  }
  return found;
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is OpenAPI 3.1 with an error schema", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.schemas.Error).toBeTruthy();
  });

  it("describes every route file and method under app/api", () => {
    const routes = routeFiles(API_DIR).filter((r) => !r.path.startsWith("/api/auth/"));
    expect(routes.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const operations = document.paths[route.path] as Record<string, unknown> | undefined;
        if (!operations?.[method.toLowerCase()]) missing.push(`${method} ${route.path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("describes no route that does not exist", () => {
    const routes = new Map(routeFiles(API_DIR).map((r) => [r.path, r.methods]));
    for (const [urlPath, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        expect(routes.get(urlPath), `${method} ${urlPath}`).toContain(method.toUpperCase());
      }
    }
  });

  it("generates request schemas from the validating zod schemas", () => {
    const post = (
      document.paths["/api/v1/tokens"] as Record<
        string,
        { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }
      >
    ).post;
    expect(post?.requestBody?.content["application/json"]?.schema.required).toEqual(["name", "scopes"]);
  });

  type Media = { schema: unknown; example?: unknown };
  type DocumentOperation = {
    parameters?: { name: string; example?: unknown }[];
    requestBody?: { content: Record<string, Media> };
    responses: Record<string, { content?: Record<string, Media> }>;
  };
  const operation = (method: string, urlPath: string) =>
    (document.paths[urlPath] as Record<string, DocumentOperation>)[method]!;

  it("has hand-written examples for the main operations", () => {
    const main = [
      "get /api/health",
      "get /api/v1/me",
      "get /api/v1/search",
      "get /api/v1/catalog",
      "get /api/v1/lineage/impact",
      "post /api/v1/ingest/materialization-runs",
      "get /api/v1/promotions",
      "post /api/v1/promotions",
    ];
    const withExamples = apiOperations.filter((op) => op.examples).map((op) => `${op.method} ${op.path}`);
    expect(withExamples).toEqual(expect.arrayContaining(main));
    const search = operation("get", "/api/v1/search");
    expect(search.parameters?.find((p) => p.name === "q")?.example).toBe("login attempts");
    const ingest = operation("post", "/api/v1/ingest/materialization-runs");
    expect(ingest.requestBody?.content["application/json"]?.example).toMatchObject({
      items: [{ featureView: "user_profile", status: "success" }],
    });
  });

  it("every hand-written example passes the schema that validates the real request or response", () => {
    for (const op of apiOperations) {
      const name = `${op.method} ${op.path}`;
      const { body, response, query } = op.examples ?? {};
      if (body !== undefined) expect(op.body!.safeParse(body).error, `${name} body`).toBeUndefined();
      if (response !== undefined) expect(op.response!.safeParse(response).error, `${name} response`).toBeUndefined();
      if (query !== undefined) expect(op.query!.safeParse(query).error, `${name} query`).toBeUndefined();
    }
  });

  it("gives every JSON request and response an example, sampled from the schema when none is written", () => {
    for (const [urlPath, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods as Record<string, DocumentOperation>)) {
        const media = [
          op.requestBody?.content["application/json"],
          ...Object.values(op.responses).map((response) => response.content?.["application/json"]),
        ].filter((entry): entry is Media => entry !== undefined);
        for (const entry of media) expect(entry.example, `${method} ${urlPath}`).not.toBeUndefined();
      }
    }
    // A sampled example has the schema's shape: the token creation body names its fields.
    expect(operation("post", "/api/v1/tokens").requestBody?.content["application/json"]?.example).toMatchObject({
      name: expect.any(String),
      scopes: [expect.any(String)],
    });
  });
});
