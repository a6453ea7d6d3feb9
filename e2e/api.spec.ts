import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiAs, DEMO_USERS } from "./fixtures";

test.describe("API conventions", () => {
  test("health answers without auth and names the engine", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database.engine).toBe(process.env.DATABASE_URL ? "postgresql" : "pglite");
    expect(body.database.migrationsApplied).toBe(body.database.migrationsKnown);
  });

  test("anonymous API calls get 401 JSON", async ({ request }) => {
    for (const [method, url] of [
      ["get", "/api/v1/me"],
      ["get", "/api/v1/tokens"],
      ["post", "/api/v1/tokens"],
      ["get", "/api/v1/users"],
    ] as const) {
      const response = await request[method](url);
      expect(response.status(), `${method} ${url}`).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    const badToken = await request.get("/api/v1/me", {
      headers: { authorization: "Bearer flt_not_a_real_token_at_all" },
    });
    expect(badToken.status()).toBe(401);
  });

  test("the OpenAPI document is served", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/me");
  });

  test("me describes a signed-in user with roles", async ({ playwright, baseURL }) => {
    const api = await apiAs(playwright, baseURL!, "approver");
    const me = await (await api.get("/api/v1/me")).json();
    expect(me).toMatchObject({
      kind: "user",
      user: { email: DEMO_USERS.approver },
      workspaces: [{ slug: "acme", role: "approver" }],
    });
    await api.dispose();
  });

  test("an object's page data names an unknown health environment in a 400", async ({ playwright, baseURL }) => {
    const viewer = await apiAs(playwright, baseURL!, "viewer");
    const { hits } = await (await viewer.get("/api/v1/search?q=account_age_days&kind=feature")).json();
    const url = `/api/v1/catalog/feature/${hits[0].id}`;
    expect((await viewer.get(url)).status()).toBe(200);
    const response = await viewer.get(`${url}?environment=moon`);
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toMatch(/^environment: no environment named "moon"/);
    await viewer.dispose();
  });

  test("bad input on the admin routes is a clear 4xx, never a 500", async ({ playwright, baseURL }) => {
    const admin = await apiAs(playwright, baseURL!, "admin");
    const malformed = await admin.post("/api/v1/tokens", {
      headers: { "content-type": "application/json" },
      data: Buffer.from('{"name": "x",\n "scopes": ['),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/line 2/);

    const invalid = await admin.post("/api/v1/tokens", { data: { name: "", scopes: ["root"] } });
    expect(invalid.status()).toBe(422);
    const fields = (await invalid.json()).error.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["name", "scopes[0]"]));

    const tooLarge = await admin.post("/api/v1/tokens", {
      data: { name: "x".repeat(2 * 1024 * 1024), scopes: ["read"] },
    });
    expect(tooLarge.status()).toBe(413);

    expect((await admin.delete("/api/v1/tokens/does-not-exist")).status()).toBe(404);
    expect((await admin.patch("/api/v1/users/nobody", { data: { role: "admin" } })).status()).toBe(404);
    const badRole = await admin.patch("/api/v1/users/nobody", { data: { role: "superuser" } });
    expect(badRole.status()).toBe(422);
    expect((await badRole.json()).error.fields[0].path).toBe("role");

    const created = await admin.post("/api/v1/tokens", { data: { name: "api-spec", scopes: ["read"] } });
    expect(created.status()).toBe(201);
    const { token, id } = await created.json();
    const list = await (await admin.get("/api/v1/tokens")).json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await admin.delete(`/api/v1/tokens/${id}`)).status()).toBe(200);
    await admin.dispose();
  });

  test("roles and scopes are enforced", async ({ playwright, baseURL }) => {
    const viewer = await apiAs(playwright, baseURL!, "viewer");
    const forbidden = await viewer.post("/api/v1/tokens", { data: { name: "nope", scopes: ["read"] } });
    expect(forbidden.status()).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");
    expect((await viewer.get("/api/v1/users")).status()).toBe(403);
    await viewer.dispose();

    const admin = await apiAs(playwright, baseURL!, "admin");
    const { token } = await (
      await admin.post("/api/v1/tokens", { data: { name: "ingest-only", scopes: ["ingest"] } })
    ).json();
    await admin.dispose();
    const machine = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    expect((await machine.get("/api/v1/me")).status()).toBe(403);
    expect((await machine.get("/api/v1/tokens")).status()).toBe(403);
    await machine.dispose();
  });
});

test("a body larger than the proxy's default 10 MB buffer reaches the route whole", async ({ playwright, baseURL }) => {
  const author = await apiAs(playwright, baseURL!, "author");
  const dump = JSON.parse(
    fs.readFileSync(
      path.join(import.meta.dirname, "../lib/__tests__/fixtures/feast/credit_scoring_registry-dump.json"),
      "utf8",
    ),
  );
  // 11 MB of an ignored field: truncated at 10 MB, this would be malformed JSON (400).
  const body = JSON.stringify({ ...dump, padding: "x".repeat(11 * 1024 * 1024) });
  // async=0: a registry this large would otherwise run as a job (202); the direct answer shows the parse.
  const response = await author.post("/api/v1/imports/feast?dryRun=true&async=0", {
    headers: { "content-type": "application/json" },
    data: Buffer.from(body),
  });
  expect(response.status(), await response.text()).toBe(200);
  await author.dispose();
});
