import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, signIn } from "./fixtures";

/*
 * Monitoring: the ingestion API's contract through HTTP, and the dashboards on the demo data
 * (a drifting feature, a service over its p99 budget, acknowledging an alert).
 */

type Playwright = {
  request: {
    newContext(options: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext>;
  };
};

async function tokenContext(playwright: Playwright, baseURL: string, admin: APIRequestContext, scopes: string[]) {
  const created = await admin.post("/api/v1/tokens", { data: { name: `monitoring-e2e-${scopes.join("-")}`, scopes } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

/** Per-minute serving metrics for the last `minutes` whole minutes. */
function recentMinutes(service: string, minutes: number, shape: { errorRate: number; p99Ms: number }) {
  const lastMinute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  return Array.from({ length: minutes }, (_, i) => ({
    featureService: service,
    environment: "prod",
    bucketStart: new Date(lastMinute - i * 60_000).toISOString(),
    requestCount: 1000,
    errorCount: Math.round(1000 * shape.errorRate),
    p50Ms: shape.p99Ms / 3,
    p95Ms: shape.p99Ms / 1.5,
    p99Ms: shape.p99Ms,
  }));
}

test.describe("ingestion API", () => {
  test("enforces auth, scopes, batch validation, unknown names, limits and idempotency", async ({
    playwright,
    request,
    baseURL,
  }) => {
    const admin = await apiAs(playwright, baseURL!, "admin");
    const reader = await tokenContext(playwright, baseURL!, admin, ["read"]);
    const ingester = await tokenContext(playwright, baseURL!, admin, ["ingest"]);
    const items = recentMinutes("fraud_scoring_v3", 3, { errorRate: 0.001, p99Ms: 20 });

    await test.step("anonymous callers get 401, read-only tokens 403", async () => {
      const anonymous = await request.post("/api/v1/ingest/serving-metrics", { data: { items } });
      expect(anonymous.status()).toBe(401);
      const readOnly = await reader.post("/api/v1/ingest/serving-metrics", { data: { items } });
      expect(readOnly.status()).toBe(403);
      expect((await readOnly.json()).error.message).toContain("ingest");
      // The ingest scope does not grant reading the dashboards.
      expect((await ingester.get("/api/v1/alerts")).status()).toBe(403);
      expect((await reader.get("/api/v1/alerts")).status()).toBe(200);
    });

    await test.step("one bad item rejects the batch with its index and field", async () => {
      const bad = items.map((item, i) => (i === 1 ? { ...item, bucketStart: "2025-01-15T10:00:30Z" } : item));
      const response = await ingester.post("/api/v1/ingest/serving-metrics", { data: { items: bad } });
      expect(response.status()).toBe(422);
      expect((await response.json()).error.fields[0].path).toBe("items[1].bucketStart");
      const malformed = await ingester.post("/api/v1/ingest/serving-metrics", {
        headers: { "content-type": "application/json" },
        data: Buffer.from('{"items": ['),
      });
      expect(malformed.status()).toBe(400);
    });

    await test.step("unknown names are answered with 422 naming them", async () => {
      const response = await ingester.post("/api/v1/ingest/materialization-runs", {
        data: {
          items: [
            {
              featureView: "no_such_view",
              environment: "prod",
              status: "running",
              startedAt: new Date().toISOString(),
            },
          ],
        },
      });
      expect(response.status()).toBe(422);
      const body = await response.json();
      expect(body.error.message).toContain('feature view "no_such_view"');
      expect(body.error.fields[0].path).toBe("items[0].featureView");
    });

    await test.step("bodies over the limit get 413", async () => {
      const huge = "x".repeat(17 * 1024 * 1024);
      const response = await ingester.post("/api/v1/ingest/profiles", {
        headers: { "content-type": "application/json" },
        data: Buffer.from(`{"items": [], "pad": "${huge}"}`),
      });
      expect(response.status()).toBe(413);
    });

    await test.step("a retried Idempotency-Key answers the first response; a different body is refused", async () => {
      const key = `e2e-${Date.now()}`;
      const first = await ingester.post("/api/v1/ingest/serving-metrics", {
        headers: { "idempotency-key": key },
        data: { items },
      });
      expect(first.status()).toBe(200);
      const firstBody = await first.json();
      expect(firstBody).toMatchObject({ accepted: 3, kind: "serving_metrics" });
      const retry = await ingester.post("/api/v1/ingest/serving-metrics", {
        headers: { "idempotency-key": key },
        data: { items },
      });
      expect(retry.status()).toBe(200);
      expect(retry.headers()["idempotency-replayed"]).toBe("true");
      expect(await retry.json()).toEqual(firstBody);
      const changed = await ingester.post("/api/v1/ingest/serving-metrics", {
        headers: { "idempotency-key": key },
        data: { items: items.slice(1) },
      });
      expect(changed.status()).toBe(422);
    });

    await test.step("dashboard endpoints validate their range", async () => {
      const services = await (await reader.get("/api/v1/monitoring/serving?env=prod&range=1h")).json();
      const service = services.services.find((candidate: { name: string }) => candidate.name === "fraud_scoring_v3");
      const custom = await reader.get(
        `/api/v1/monitoring/serving/${service.id}?range=custom&from=2025-01-01T00:00:00Z`,
      );
      expect(custom.status()).toBe(400);
      expect((await custom.json()).error.message).toMatch(/^to:/);
      const unknownEnv = await reader.get("/api/v1/monitoring/freshness?env=qa");
      expect(unknownEnv.status()).toBe(400);
    });

    await Promise.all([admin.dispose(), reader.dispose(), ingester.dispose()]);
  });
});

test.describe("monitoring dashboards", () => {
  // Dashboards render server-side from 30 days of demo data; allow for a busy CI machine.
  const slow = { timeout: 30_000 };
  test.slow();
  test("the drifting feature shows its PSI over threshold with both histograms", async ({ page }) => {
    await signIn(page, "viewer", "/monitoring/features?env=prod");
    await page.getByRole("link", { name: "txn_amount_vs_avg:txn_amount_vs_avg" }).click();
    await expect(page.getByRole("heading", { name: /Skew & drift: txn_amount_vs_avg:txn_amount_vs_avg/ })).toBeVisible(
      slow,
    );
    await test.step("PSI against the training baseline is over its threshold", async () => {
      const psiDrift = page.getByTestId("stat-psi-drift");
      await expect(psiDrift).toHaveAttribute("data-status", "alert");
      await expect(psiDrift).toContainText("over threshold");
      const psiRow = page.getByTestId("statistics-table").getByRole("row", { name: /^PSI/ });
      await expect(psiRow.getByRole("cell").nth(3)).toHaveText(/0\.25/);
      const value = Number((await psiDrift.textContent())!.match(/\d+\.\d+/)![0]);
      expect(value).toBeGreaterThan(0.25);
    });
    await test.step("baseline and current histograms are overlaid, with their data", async () => {
      const histogram = page.getByTestId("drift-histogram");
      await expect(histogram.locator(".recharts-legend-item-text", { hasText: "Baseline" })).toBeVisible();
      await expect(histogram.locator(".recharts-legend-item-text", { hasText: "Current" })).toBeVisible();
      await expect(histogram.locator(".recharts-bar-rectangle").first()).toBeVisible();
      await histogram.getByText(/Data table/).click();
      await expect(histogram.getByRole("columnheader", { name: "Baseline share" })).toBeVisible();
      await expect(histogram.getByRole("columnheader", { name: "Current share" })).toBeVisible();
      await expect(page.getByTestId("skew-histogram")).toBeVisible();
    });
  });

  test("the slow service's p99 chart crosses its budget line", async ({ page }) => {
    await signIn(page, "viewer", "/monitoring/serving?env=prod&range=7d");
    await page.getByRole("link", { name: "eta_realtime" }).click();
    await expect(page.getByRole("heading", { name: "Serving latency: eta_realtime" })).toBeVisible(slow);
    await expect(page).toHaveURL(/range=7d/);
    const chart = page.getByTestId("latency-chart");
    await expect(chart.getByText("Budget 30 ms")).toBeVisible();
    await expect(page.getByTestId("budget-crossing")).toHaveAttribute("data-crosses-budget", "true");
    await test.step("the data table holds p99 values above the 30 ms budget", async () => {
      await chart.getByText(/Data table/).click();
      const p99s = await chart.locator("tbody tr td:nth-child(4)").allTextContents();
      expect(p99s.map(Number).some((p99) => p99 > 30)).toBe(true);
      expect(p99s.map(Number).some((p99) => p99 < 30)).toBe(true);
    });
    await test.step("the range picker keeps the choice in the URL", async () => {
      await page.getByRole("link", { name: "24 h" }).click();
      await expect(page).toHaveURL(/range=24h/, slow);
      await expect(page.getByText("Resolution: per minute.")).toBeVisible(slow);
    });
  });

  test("acknowledging an alert removes its badge", async ({ page, playwright, baseURL }) => {
    const author = await apiAs(playwright, baseURL!, "author");
    const service = "recs_similar_items";
    await test.step("a burst of errors raises an error-rate alert on ingest", async () => {
      const response = await author.post("/api/v1/ingest/serving-metrics", {
        data: { items: recentMinutes(service, 15, { errorRate: 0.1, p99Ms: 20 }) },
      });
      expect(response.status()).toBe(200);
    });
    await signIn(page, "author", "/monitoring/serving?env=prod");
    const badge = page.getByTestId(`alert-badge-${service}`);
    await expect(badge).toBeVisible();
    await page.getByRole("link", { name: service, exact: true }).click();
    await expect(page.getByRole("heading", { name: `Serving latency: ${service}` })).toBeVisible(slow);
    await test.step("the p99 summary is not green while the error-rate alert fires (p99 itself is fine)", async () => {
      const summary = page.getByTestId("summary-p99");
      await expect(summary).toHaveAttribute("data-tone", "bad");
      await expect(summary.getByTestId("summary-state")).toHaveText("Critical alert firing");
      await expect(summary.getByRole("link", { name: "see the alert" })).toBeVisible();
      await expect(summary).toContainText(/worst window \d+\.\d ms at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    });
    await page.getByRole("button", { name: /Acknowledge: .*error rate/ }).click();
    await expect(page.getByText("acknowledged", { exact: true })).toBeVisible(slow);
    await page.getByRole("link", { name: "Serving latency", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Serving latency", exact: true })).toBeVisible(slow);
    await expect(page.getByTestId(`alert-badge-${service}`)).toHaveCount(0);
    await test.step("healthy minutes end the alert", async () => {
      await author.post("/api/v1/ingest/serving-metrics", {
        data: { items: recentMinutes(service, 15, { errorRate: 0, p99Ms: 20 }) },
      });
      const resolved = await (
        await author.get(`/api/v1/alerts?state=resolved&env=prod&objectKind=feature_service`)
      ).json();
      expect(
        resolved.alerts.some(
          (alert: { objectName: string; message: string }) =>
            alert.objectName === service && alert.message.includes("error rate"),
        ),
      ).toBe(true);
    });
    await author.dispose();
  });
});

test.describe("the environment a dashboard shows", () => {
  test("a dashboard opened on staging without ?env= still shows staging after a poll (#15.3)", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "viewer", "/monitoring");
    await test.step("pick staging in the header's switcher", async () => {
      // The switcher submits a server action that remembers the choice in a cookie.
      const switched = page.waitForResponse((response) => response.request().method() === "POST", {
        timeout: 30_000,
      });
      await page.getByLabel("Env", { exact: true }).selectOption("staging");
      expect((await switched).ok()).toBe(true);
      await expect(page.getByText("staging · refreshes every 30 s")).toBeVisible({ timeout: 30_000 });
    });
    await test.step("open the overview without env in the URL: it shows staging", async () => {
      await page.goto("/monitoring");
      expect(new URL(page.url()).searchParams.has("env")).toBe(false);
      await expect(page.getByText("staging · refreshes every 30 s")).toBeVisible({ timeout: 30_000 });
    });
    await test.step("the next poll asks without env and answers staging; the page stays on staging", async () => {
      const poll = await page.waitForResponse(
        (response) => new URL(response.url()).pathname === "/api/v1/monitoring/overview",
        { timeout: 75_000 },
      );
      expect(new URL(poll.url()).searchParams.has("env")).toBe(false);
      expect(poll.status()).toBe(200);
      expect((await poll.json()).environment.name).toBe("staging");
      await expect(page.getByText("staging · refreshes every 30 s")).toBeVisible();
      await expect(page.getByText("prod · refreshes every 30 s")).toHaveCount(0);
    });
  });
});
