import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect as apiExpect, type APIRequestContext, type Page } from "@playwright/test";
import { encodeFeastRegistry } from "../lib/feast/registry-proto";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

/*
 * Long work as background jobs: the Feast import page follows its job's progress to the report,
 * and the API answers 202 + a job URL that polls to the result, in the caller's workspace only.
 */

const SLOW = { timeout: 120_000 };

/** A registry with enough views that its import takes a moment: progress is visible. */
function largeRegistry(suffix: string, views: number): Buffer {
  const project = `e2e_jobs_${suffix}`;
  return Buffer.from(
    encodeFeastRegistry({
      projects: [{ spec: { name: project } }],
      entities: [{ spec: { name: `driver_${suffix}`, joinKey: "driver_id", valueType: 4, project } }],
      featureViews: Array.from({ length: views }, (_, v) => ({
        spec: {
          name: `driver_stats_${suffix}_${v}`,
          project,
          entities: [`driver_${suffix}`],
          features: Array.from({ length: 5 }, (_, f) => ({ name: `stat_${f}`, valueType: 5 })),
          batchSource: { type: 1, timestampField: "ts", fileOptions: { uri: `s3://drivers/stats_${v}.parquet` } },
          online: true,
        },
      })),
    }),
  );
}

/** The job may be quick: records every state of any progress bar the page shows, however brief. */
async function recordProgressBars(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const text = `${bar.getAttribute("aria-label")}: ${bar.getAttribute("aria-valuetext")}`;
        if (seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function apiAs(
  playwright: { request: { newContext(options: object): Promise<APIRequestContext> } },
  baseURL: string,
) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: DEMO_USERS.admin, password: DEMO_PASSWORD, json: "true" },
  });
  apiExpect(response.ok()).toBe(true);
  return context;
}

test("an admin imports a large registry and follows its progress to the report", async ({ signedInAs }) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36);
  const views = 40;
  const page = await signedInAs("admin", "/imports/feast");
  await expect(page.getByRole("heading", { name: "Import from Feast" })).toBeVisible(SLOW);
  await page.getByLabel(/^Feast registry:/).setInputFiles({
    name: "registry.db",
    mimeType: "application/octet-stream",
    buffer: largeRegistry(suffix, views),
  });

  await test.step("check the plan: it runs as a job and ends in the plan", async () => {
    await page.getByRole("button", { name: "Check what would change" }).click();
    await expect(page.getByTestId("import-report")).toContainText(new RegExp(`${views * 2 + 1} to create`), SLOW);
    await expect(page.getByTestId("import-report")).toContainText("Nothing is written until you apply this plan.");
  });

  await test.step("apply: a progress bar with the phase, then the report", async () => {
    await recordProgressBars(page);
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await expect(page.getByTestId("import-report")).toContainText(new RegExp(`${views * 2 + 1} created`), SLOW);
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((state) => state.startsWith("Importing: "))).toBe(true);
    await expect(page.getByRole("link", { name: `driver_stats_${suffix}_0`, exact: true })).toBeVisible();
  });
});

test("the API answers 202 with a job URL that polls to the result, in its own workspace only", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const api = await apiAs(playwright, baseURL!);
  const suffix = Date.now().toString(36);
  const document = {
    entities: [{ name: `rider_${suffix}`, joinKeys: [{ name: "rider_id", valueType: "int64" }] }],
  };

  const accepted = await api.post("/api/v1/apply?async=1", { data: document });
  apiExpect(accepted.status()).toBe(202);
  const { job } = await accepted.json();
  apiExpect(accepted.headers()["location"]).toBe(`/api/v1/jobs/${job.id}`);
  apiExpect(job).toMatchObject({ url: `/api/v1/jobs/${job.id}`, progress: { done: 0, total: 1 } });
  apiExpect(["queued", "running", "succeeded"]).toContain(job.state);

  let polled: { state: string; result: { applied: boolean; create: Array<{ name: string }> } } | undefined;
  await apiExpect
    .poll(
      async () => {
        polled = (await (await api.get(job.url)).json()).job;
        return polled?.state;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe("succeeded");
  apiExpect(polled!.result.applied).toBe(true);
  apiExpect(polled!.result.create.map((item) => item.name)).toEqual([`rider_${suffix}`]);

  // Without async the same endpoint still answers the result itself.
  const again = await api.post("/api/v1/apply", { data: document });
  apiExpect(again.status()).toBe(200);
  apiExpect((await again.json()).unchanged).toBe(1);

  // A bad document is still refused at once, not queued.
  const invalid = await api.post("/api/v1/apply?async=1", { data: { entities: [{ name: "" }] } });
  apiExpect(invalid.status()).toBe(422);

  // Another workspace of the same admin does not see the job; an unknown id is 404 too.
  const slug = `jobs-${suffix}`;
  apiExpect((await api.post("/api/v1/workspaces", { data: { slug, name: `Jobs ${suffix}` } })).status()).toBe(201);
  const elsewhere = await api.get(job.url, { headers: { "x-featureline-workspace": slug } });
  apiExpect(elsewhere.status()).toBe(404);
  apiExpect((await elsewhere.json()).error.code).toBe("not_found");
  apiExpect((await api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000")).status()).toBe(404);
  await api.dispose();
});

test("Sync now runs as a job: the admin page shows its progress, then the outcome and the run in the history", async ({
  signedInAs,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36);
  const directory = mkdtempSync(path.join(tmpdir(), "e2e-jobs-sync-"));
  const file = path.join(directory, "registry.db");
  writeFileSync(file, largeRegistry(`sync_${suffix}`, 10));
  const page = await signedInAs("admin", "/admin/feast");
  const headers = { origin: baseURL! };
  try {
    const saved = await page.request.put("/api/v1/feast/registry", {
      headers,
      data: { location: file, enabled: false },
    });
    expect(saved.status()).toBe(200);
    await page.reload();
    await recordProgressBars(page);
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Synced:" })).toContainText("21 created", SLOW);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((state) => state.startsWith("Sync: "))).toBe(true);
    await expect(page.getByRole("table", { name: /Sync runs/ })).toContainText("manual");
  } finally {
    await page.request.delete("/api/v1/feast/registry", { headers });
    rmSync(directory, { recursive: true, force: true });
  }
});
