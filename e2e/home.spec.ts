import { expect, test } from "./fixtures";

const DEMO_COUNTS = { features: 250, featureViews: 40, dataSources: 12, featureServices: 8, models: 10 } as const;

/** The number a count tile shows ("1,234" -> 1234). */
async function tileCount(page: import("@playwright/test").Page, key: string): Promise<number> {
  const text = await page.getByTestId(`count-${key}`).locator("div").first().textContent();
  return Number((text ?? "").replace(/[^0-9]/g, ""));
}

test("the home page shows the demo catalog's counts and what is unhealthy", async ({ signedInAs }) => {
  const page = await signedInAs("author");

  await test.step("counts cover the demo catalog (other journeys may have added objects)", async () => {
    for (const [key, demoCount] of Object.entries(DEMO_COUNTS)) {
      expect(await tileCount(page, key), key).toBeGreaterThanOrEqual(demoCount);
    }
  });

  await test.step("a count tile opens the catalog with the same number of objects", async () => {
    const features = await tileCount(page, "features");
    await page.getByTestId("count-features").click();
    await expect(page).toHaveURL(/\/catalog\?kind=feature/);
    await expect(page.getByTestId("result-count")).toHaveText(
      new RegExp(`^${features.toLocaleString("en-US")} results`),
    );
    await page.goto("/");
  });

  await test.step("the prod environment shows the demo's stale views, slow service and drift", async () => {
    await page.getByLabel("Env").selectOption("prod");
    await expect(page.getByText("health shown for the prod environment")).toBeVisible();
    await expect(page.getByTestId("stale-views")).toContainText("merchant_risk_stats");
    await expect(page.getByTestId("stale-views")).toContainText("driver_rating_stats");
    await expect(page.getByTestId("stale-views")).toContainText("category_affinity");
    await expect(page.getByTestId("slow-services")).toContainText("eta_realtime");
    await expect(page.getByTestId("drifting-features")).toContainText("txn_amount_vs_avg");
  });

  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: "docs/screenshot.png" });
});
