import { expect, test } from "./fixtures";

/*
 * Health of models and services on the demo: in prod, merchant_risk_stats (served by
 * fraud_scoring_v3, which fraud_detector reads) is stale, and eta_realtime is over its budget.
 */
test("a model owner finds the models at risk and why, from home to monitoring to the catalog", async ({
  signedInAs,
}) => {
  const page = await signedInAs("viewer");

  await test.step("home lists the models at risk in prod, with their worst reason", async () => {
    await page.goto("/");
    await page.getByLabel("Env").selectOption("prod");
    await expect(page.getByText("health shown for the prod environment")).toBeVisible();
    const list = page.getByTestId("models-at-risk-list");
    await expect(list).toContainText("fraud_detector");
    await expect(list).toContainText("eta_predictor");
    const badge = list.getByRole("listitem").filter({ hasText: "fraud_detector" }).getByTestId("object-health");
    await expect(badge).toHaveAttribute("data-state", /^(at_risk|failing)$/);
    // The state is written out, not only coloured.
    await expect(badge).toContainText(/At risk|Failing/);
  });

  await test.step("a model opens its monitoring page with the reasons, each naming the view or feature", async () => {
    await page.getByTestId("models-at-risk-list").getByRole("link", { name: "fraud_detector", exact: true }).click();
    await expect(page).toHaveURL(/\/monitoring\/models\/[^/?]+/);
    await expect(page.getByRole("heading", { name: "Model health: fraud_detector" })).toBeVisible();
    const reasons = page.getByTestId("health-reasons");
    await expect(reasons).toContainText("merchant_risk_stats is stale");
    await expect(reasons).toContainText("via fraud_scoring_v3");
    await expect(page.getByTestId("model-service")).toContainText("fraud_scoring_v3");
  });

  await test.step("a reason links to the view's freshness page", async () => {
    await page
      .getByTestId("health-reasons")
      .getByRole("link", { name: /merchant_risk_stats is stale/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/monitoring\/freshness\/[^/?]+/);
    await page.goBack();
  });

  await test.step("the service's monitoring page shows what it serves and its latency", async () => {
    await page.getByTestId("model-service").getByRole("link", { name: "fraud_scoring_v3" }).click();
    await expect(page).toHaveURL(/\/monitoring\/services\/[^/?]+/);
    await expect(page.getByRole("heading", { name: "Service health: fraud_scoring_v3" })).toBeVisible();
    await expect(page.getByTestId("served-feature").filter({ hasText: "merchant_chargeback_rate_90d" })).toContainText(
      "stale",
    );
    await expect(page.getByRole("heading", { name: /Latency and errors/ })).toBeVisible();
  });

  await test.step("the catalog shows the model's badge, and its page's Monitoring link opens its view", async () => {
    await page.goto("/catalog?kind=model&q=fraud_detector");
    const row = page.getByTestId("catalog-row").filter({ hasText: "fraud_detector" }).first();
    await expect(row.getByTestId("object-health")).toHaveAttribute("data-state", /^(at_risk|failing)$/);
    await row.getByRole("link", { name: "fraud_detector" }).first().click();
    await expect(page.getByTestId("object-health-card")).toContainText("merchant_risk_stats is stale");
    await page.getByRole("navigation", { name: "Related pages" }).getByRole("link", { name: "Monitoring" }).click();
    await expect(page).toHaveURL(/\/monitoring\/models\/[^/?]+/);
  });

  await test.step("a model whose services are healthy or unmeasured is not listed", async () => {
    await page.goto("/catalog?kind=model");
    const states = await page
      .getByTestId("object-health")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-state")));
    expect(states.length).toBeGreaterThan(1);
    await page.goto("/");
    // Retried until the list has rendered: read once, it could be counted before it arrives.
    await expect(page.getByTestId("models-at-risk-list").getByRole("listitem")).toHaveCount(
      states.filter((state) => state === "at_risk" || state === "failing").length,
    );
  });

  await test.step("an unknown service or model is a 404", async () => {
    for (const url of ["/monitoring/services/does-not-exist", "/monitoring/models/does-not-exist"]) {
      expect((await page.request.get(url)).status(), url).toBe(404);
    }
  });
});
