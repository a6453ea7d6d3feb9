import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

// e2e/data/small-registry.yaml, applied into a workspace of the test's own: nothing else writes
// there, so every count is exact.
const REGISTRY_COUNTS = { features: 5, featureViews: 2, dataSources: 2, featureServices: 1, models: 1 } as const;

/** The number a count tile shows ("1,234" -> 1234). */
async function tileCount(page: import("@playwright/test").Page, key: string): Promise<number> {
  const text = await page.getByTestId(`count-${key}`).locator("div").first().textContent();
  return Number((text ?? "").replace(/[^0-9]/g, ""));
}

test("the home page counts a workspace's objects exactly, and a tile opens the same number in the catalog", async ({
  signedInAs,
  ownWorkspace,
}) => {
  const { api } = await ownWorkspace.token(["read", "apply"]);
  const document = fs.readFileSync(path.join("e2e", "data", "small-registry.yaml"), "utf8");
  const applied = await api.post("/api/v1/apply", { data: document, headers: { "content-type": "application/yaml" } });
  expect(applied.status(), await applied.text()).toBe(200);

  const page = await signedInAs("admin");
  await ownWorkspace.open(page);
  await page.goto("/");

  await test.step("each tile shows exactly what the registry holds", async () => {
    for (const [key, count] of Object.entries(REGISTRY_COUNTS)) expect(await tileCount(page, key), key).toBe(count);
  });

  await test.step("a count tile opens the catalog with the same number of objects", async () => {
    await page.getByTestId("count-features").click();
    await expect(page).toHaveURL(/\/catalog\?kind=feature/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${REGISTRY_COUNTS.features} results`));
    await expect(page.getByTestId("catalog-row")).toHaveCount(REGISTRY_COUNTS.features);
  });
});

test("the home page shows what is unhealthy in the demo's prod environment", async ({ signedInAs }) => {
  const page = await signedInAs("author");
  await page.getByLabel("Env").selectOption("prod");
  await expect(page.getByText("health shown for the prod environment")).toBeVisible();
  await expect(page.getByTestId("stale-views")).toContainText("merchant_risk_stats");
  await expect(page.getByTestId("stale-views")).toContainText("driver_rating_stats");
  await expect(page.getByTestId("stale-views")).toContainText("category_affinity");
  await expect(page.getByTestId("slow-services")).toContainText("eta_realtime");
  await expect(page.getByTestId("drifting-features")).toContainText("txn_amount_vs_avg");
});
