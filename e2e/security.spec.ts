import { expect, test } from "@playwright/test";
import { signedInContext, signInAs, BETA_ADMIN } from "./principals";
import { signIn } from "./fixtures";

/**
 * Issue 13 against the production server: forged requests (3), bad input never a 500 (7),
 * security headers (8), not-found pages with a 404 status (10).
 */

async function firstId(api: import("@playwright/test").APIRequestContext, kind: string): Promise<string> {
  const response = await api.get(`/api/v1/catalog?kind=${kind}&limit=1`);
  expect(response.status()).toBe(200);
  return (await response.json()).hits[0].id as string;
}

test.describe("forged requests (CSRF) on the cookie-authenticated API", () => {
  test("a cross-site or form-encoded write with the session cookie is refused; the same-origin JSON one works", async ({
    playwright,
    baseURL,
  }) => {
    const admin = await signInAs(playwright, baseURL!, "admin");
    const count = async () => (await (await admin.get("/api/v1/tokens")).json()).tokens.length as number;
    const before = await count();

    const forged = await admin.post("/api/v1/tokens", {
      headers: { origin: "http://evil.example", "content-type": "text/plain" },
      data: JSON.stringify({ name: "forged", scopes: ["read"] }),
    });
    expect(forged.status()).toBe(403);
    const noOrigin = await playwright.request.newContext({ baseURL, storageState: await admin.storageState() });
    expect((await noOrigin.post("/api/v1/tokens", { data: { name: "no-origin", scopes: ["read"] } })).status()).toBe(
      403,
    );
    const formEncoded = await admin.post("/api/v1/tokens", { form: { name: "form", scopes: "read" } });
    expect(formEncoded.status()).toBe(400);
    expect(await count()).toBe(before);

    const sameOrigin = await admin.post("/api/v1/tokens", { data: { name: "same-origin", scopes: ["read"] } });
    expect(sameOrigin.status()).toBe(201);
    const { id, token } = await sameOrigin.json();
    // Bearer tokens carry no ambient authority: no Origin needed.
    const machine = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    expect((await machine.get("/api/v1/me")).status()).toBe(200);
    expect((await admin.delete(`/api/v1/tokens/${id}`)).status()).toBe(200);
  });

  test("a same-site page cannot make an approver's browser approve a promotion", async ({ playwright, baseURL }) => {
    const approver = await signInAs(playwright, baseURL!, "approver");
    const list = await (await approver.get("/api/v1/promotions?state=open")).json();
    const number = list.requests?.[0]?.number ?? 1;
    const forged = await approver.post(`/api/v1/promotions/${number}/reviews`, {
      headers: { origin: "http://localhost.evil.example", "content-type": "text/plain" },
      data: JSON.stringify({ decision: "approve" }),
    });
    expect(forged.status()).toBe(403);
  });
});

test.describe("bad input is a 4xx, never a 500", () => {
  test("NUL bytes in query parameters, path ids and bodies", async ({ playwright, baseURL }) => {
    const admin = await signInAs(playwright, baseURL!, "admin");
    for (const url of [
      "/api/v1/search?q=a%00b",
      "/api/v1/catalog?owner=%00",
      "/api/v1/audit?action=x%00",
      "/api/v1/monitoring/features?q=%00",
      "/api/v1/definitions/feature_view/a%00b",
      "/api/v1/lineage?root=feature_view:%00",
    ]) {
      const response = await admin.get(url);
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.status(), url).toBeLessThan(500);
    }
    const body = await admin.post("/api/v1/tokens", { data: { name: "nul\u0000name", scopes: ["read"] } });
    expect(body.status()).toBe(400);
    const yaml = await admin.post("/api/v1/plan", {
      headers: { "content-type": "application/yaml" },
      data: 'entities:\n  - name: "user\\0id"\n    joinKeys: [user_id]\n',
    });
    expect(yaml.status()).toBe(400);
  });

  test("a YAML alias bomb in plan and apply", async ({ playwright, baseURL }) => {
    const author = await signInAs(playwright, baseURL!, "author");
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    for (const route of ["/api/v1/plan", "/api/v1/apply"]) {
      const response = await author.post(route, {
        headers: { "content-type": "application/yaml" },
        data: levels.join("\n"),
      });
      expect(response.status(), route).toBe(400);
      expect((await response.json()).error.message).toMatch(/alias/i);
    }
  });

  test("a bare % in a catalog id, and a malformed workspace cookie", async ({ playwright, baseURL }) => {
    const viewer = await signInAs(playwright, baseURL!, "viewer");
    expect((await viewer.get("/api/v1/catalog/feature/%25")).status()).toBe(404);
    const page = await viewer.get("/catalog/feature/%25", { maxRedirects: 0 });
    expect(page.status()).toBe(404);
    const badCookie = await viewer.get("/api/v1/me", { headers: { cookie: "fl-workspace=%E0%A4%A" } });
    expect(badCookie.status()).toBeLessThan(500);
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP whose nonce is on every script, and no framing", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const policy = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    const again = (await request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toBe(policy);
  });

  test("API answers and static files are nosniff; HSTS only behind https", async ({ request }) => {
    const api = await request.get("/api/health");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    const icon = await request.get("/icon.svg");
    expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
    const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  });

  test("the pages that run the most script break no policy: lineage worker, charts, editor", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, "author");
    const admin = page.request;
    const viewId = await firstId(admin, "feature_view");
    await page.goto(`/lineage?root=feature_view:${viewId}`);
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    await page.goto(`/monitoring/serving/${await firstId(admin, "feature_service")}`);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.goto(`/catalog/feature_view/${viewId}/edit`);
    await expect(page.locator(".cm-editor").first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("not found is a 404 status", () => {
  test("unknown ids on detail pages, behind their loading skeletons", async ({ playwright, baseURL }) => {
    const viewer = await signInAs(playwright, baseURL!, "viewer");
    const viewId = await firstId(viewer, "feature_view");
    for (const url of [
      "/catalog/feature_view/does-not-exist",
      `/catalog/feature_view/${viewId}/versions/9999`,
      "/catalog/spaceship/new",
      "/promotions/99999",
      "/monitoring/features/does-not-exist",
      "/monitoring/freshness/does-not-exist",
      "/monitoring/serving/does-not-exist",
      "/no/such/page",
    ]) {
      expect((await viewer.get(url)).status(), url).toBe(404);
    }
    expect((await viewer.get(`/catalog/feature_view/${viewId}`)).status()).toBe(200);
  });

  test("another workspace's ids are 404, not 403, for its admin", async ({ playwright, baseURL }) => {
    const acme = await signInAs(playwright, baseURL!, "viewer");
    const viewId = await firstId(acme, "feature_view");
    const beta = await signedInContext(playwright, baseURL!, BETA_ADMIN.email, BETA_ADMIN.password);
    expect((await beta.get(`/catalog/feature_view/${viewId}`)).status()).toBe(404);
    expect((await beta.get(`/monitoring/freshness/${viewId}`)).status()).toBe(404);
    expect((await beta.get(`/api/v1/catalog/feature_view/${viewId}`)).status()).toBe(404);
    expect((await beta.get(`/api/v1/definitions/feature_view/${viewId}`)).status()).toBe(404);
    expect((await beta.get("/promotions/1")).status()).toBe(404);
  });
});
