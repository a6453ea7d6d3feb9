import { expect, test } from "./fixtures";

/*
 * The demo workspace tells the promotion story at once: a request applied to prod that can be
 * rolled back, one waiting for the approver, one rejected with a comment (lib/demo/promotions.ts).
 */
test.describe("the demo's promotion history", () => {
  test("the approver finds a request waiting and can roll back the applied one", async ({ signedInAs }) => {
    const page = await signedInAs("approver", "/promotions?view=inbox");
    await test.step("one request waits for the approver, with one of two approvals", async () => {
      const waiting = page.getByRole("link", { name: "Night-time trip share for the ETA correction" });
      await expect(waiting).toBeVisible();
      await waiting.click();
      await expect(page.getByTestId("approval-count")).toContainText("1 of 2 approvals");
      await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
    });
    await test.step("the applied request offers its rollback", async () => {
      await page.goto("/promotions?state=applied");
      await page.getByRole("link", { name: "Raise product_popularity's TTL to 2 days in prod" }).click();
      await expect(page.getByText("applied", { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("button", { name: "Revert" })).toBeVisible();
    });
    await test.step("the rejected one keeps the reviewer's reason", async () => {
      await page.goto("/promotions?state=rejected");
      await page.getByRole("link", { name: "Exclude declined payments from the 30-day spend features" }).click();
      await expect(page.getByText("retrain it first", { exact: false })).toBeVisible();
    });
  });

  test("a viewer sees the applied request without a rollback button, and who may use it", async ({ signedInAs }) => {
    const page = await signedInAs("viewer", "/promotions?state=applied");
    await page.getByRole("link", { name: "Raise product_popularity's TTL to 2 days in prod" }).click();
    await expect(page.getByRole("button", { name: "Revert" })).toHaveCount(0);
    await expect(page.getByTestId("revert-roles")).toHaveText("Authors, approvers and admins can revert this request.");
  });
});
