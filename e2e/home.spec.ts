import { expect, test } from "./fixtures";

test("the home page shows the demo catalog's counts and what is unhealthy", async ({ signedInAs }) => {
  const page = await signedInAs("author");
  await expect(page.getByTestId("count-features")).toContainText("250");
  await expect(page.getByTestId("count-featureViews")).toContainText("40");
  await expect(page.getByTestId("count-dataSources")).toContainText("12");
  await expect(page.getByTestId("count-featureServices")).toContainText("8");
  await expect(page.getByTestId("count-models")).toContainText("10");
  // The environment switcher picks prod, where the demo's monitoring history lives.
  await page.getByLabel("Env").selectOption("prod");
  await expect(page.getByText("health shown for the prod environment")).toBeVisible();
  await expect(page.getByTestId("stale-views").getByRole("listitem")).toHaveCount(3);
  await expect(page.getByTestId("slow-services").getByRole("listitem")).not.toHaveCount(0);
  await expect(page.getByTestId("drifting-features").getByRole("listitem")).not.toHaveCount(0);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: "docs/screenshot.png" });
});
