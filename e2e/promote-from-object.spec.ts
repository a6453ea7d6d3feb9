import { expect, test } from "./fixtures";

/*
 * Promote from an object page: the request opens with that object ticked, from the first
 * environment where it differs from the next (driver_trip_stats: v2 in dev and staging, v1 in
 * prod in the demo), and a greyed submit button says why it is greyed.
 */
test("Promote on an object page opens a request with the object selected; a greyed submit says why", async ({
  signedInAs,
}) => {
  const page = await signedInAs("author");
  const current = await page.request.get("/api/v1/definitions/feature_view/driver_trip_stats");
  expect(current.ok()).toBe(true);
  const { objectId } = (await current.json()) as { objectId: string };

  await test.step("the object page's Promote button opens the request form", async () => {
    await page.goto(`/catalog/feature_view/${objectId}`);
    await page.getByRole("link", { name: "Promote", exact: true }).click();
    await expect(page).toHaveURL(/\/promotions\/new\?/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New promotion request");
  });

  const checkbox = page.getByRole("checkbox", { name: /driver_trip_stats v2/ });
  const submit = page.getByRole("button", { name: /Request promotion to/ });
  await test.step("the object is ticked, promoting from staging to prod", async () => {
    await expect(checkbox).toBeChecked();
    await expect(
      page.getByRole("navigation", { name: "Source environment" }).locator("[aria-current=page]"),
    ).toHaveText("staging → prod");
    await expect(submit).toHaveText("Request promotion to prod");
    await expect(submit).toBeEnabled();
    await expect(page.getByLabel("Title")).toHaveValue("Promote driver_trip_stats to prod");
  });

  await test.step("with nothing ticked the button is greyed and says why", async () => {
    await checkbox.uncheck();
    await expect(submit).toBeDisabled();
    await expect(page.getByTestId("submit-disabled-reason")).toHaveText("Select at least one object to promote.");
    await expect(submit).toHaveAttribute("aria-describedby", "submit-disabled-reason");
    await checkbox.check();
    await expect(submit).toBeEnabled();
    await expect(page.getByTestId("submit-disabled-reason")).toHaveCount(0);
  });
});
