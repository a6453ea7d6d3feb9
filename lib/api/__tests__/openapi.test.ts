import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";

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
});
