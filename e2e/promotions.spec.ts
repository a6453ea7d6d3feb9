import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/*
 * Promotion journeys on the demo workspace. Set-up goes through the API (a new dev version of
 * user_profile, as an author saving an edit would make); everything the people do goes
 * through the UI.
 */

/** A browser of its own for each person (several take part in one journey), signed in with a saved session. */
async function signedIn(browser: Browser, who: "author" | "approver" | "approver2", path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who, path);
  return page;
}

/** Saves a new dev version of user_profile through the authoring API; returns its number. */
async function editUserProfile(page: Page): Promise<number> {
  const current = await page.request.get("/api/v1/definitions/feature_view/user_profile");
  expect(current.ok()).toBe(true);
  const body = (await current.json()) as { definition: { description: string }; version: { number: number } };
  const saved = await page.request.put("/api/v1/definitions/feature_view/user_profile", {
    headers: { origin: new URL(page.url()).origin },
    data: {
      definition: {
        ...body.definition,
        description: `${body.definition.description.replace(/ \(rev \d+\)$/, "")} (rev ${Date.now()})`,
      },
      baseVersionNumber: body.version.number,
      message: "Clarify the description (e2e)",
    },
  });
  expect(saved.ok()).toBe(true);
  return ((await saved.json()) as { version: { number: number } }).version.number;
}

async function openRequest(page: Page, from: "dev" | "staging", versionNumber: number): Promise<number> {
  await page.goto(`/promotions/new?from=${from}`);
  await page.getByRole("checkbox", { name: new RegExp(`user_profile v${versionNumber}\\b`) }).check();
  await page.getByLabel("Description").fill("Reworded description; no change to features or code.");
  await page.getByRole("button", { name: /Request promotion to/ }).click();
  // Opening runs every check before redirecting.
  await expect(page).toHaveURL(/\/promotions\/\d+$/, { timeout: 30_000 });
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test.describe("promotions", () => {
  // Each journey signs in up to three people and runs the checks several times.
  test.describe.configure({ timeout: 150_000 });

  test("an author promotes an edited feature view to staging and an approver applies it from the inbox", async ({
    browser,
  }) => {
    const author = await signedIn(browser, "author", "/promotions");
    let version = 0;
    let number = 0;
    await test.step("the author edits user_profile in dev and requests promotion to staging", async () => {
      version = await editUserProfile(author);
      number = await openRequest(author, "dev", version);
      await expect(author.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
      await expect(author.getByTestId("check-no_breaking_change")).toContainText("pass");
    });
    await test.step("the author is not offered an approve button", async () => {
      await expect(author.getByText("You opened this request; another approver has to review it.")).toBeVisible();
      await expect(author.getByRole("button", { name: "Approve" })).toHaveCount(0);
    });

    const approver = await signedIn(browser, "approver", "/promotions?view=inbox");
    await test.step("the approver finds it in the inbox and reads the diff", async () => {
      await expect(approver.getByRole("link", { name: /Waiting for my review \(\d+\)/ })).toBeVisible();
      const row = approver.getByTestId(`promotion-row-${number}`);
      await expect(row).toBeVisible();
      await row.getByRole("link").click();
      await expect(approver.getByTestId("item-diff-user_profile")).toContainText(`→ v${version}`);
      const fields = approver.getByRole("table", { name: "Changed fields" });
      // One row for the one field that changed, with each side on its own: not a JSON blob.
      const description = fields.locator('tr[data-path="description"][data-field-change="changed"]');
      await expect(description).toHaveCount(1);
      await expect(description.locator("td").nth(2)).toContainText(`(rev`);
      await expect(description.locator("td").nth(1)).not.toContainText("{");
      await expect(fields.locator("tr[data-field-change]")).toHaveCount(1);
      await expect(approver.getByTestId("impact")).toContainText("fraud_scoring_v3");
    });
    await test.step("the approver approves and staging runs the new version", async () => {
      await approver.getByLabel("Comment").fill("Wording only; fine for staging.");
      await approver.getByRole("button", { name: "Approve" }).click();
      await expect(approver.getByText("applied", { exact: true }).first()).toBeVisible();
      await approver.getByText("Active in each environment").first().click();
      await expect(approver.getByTestId("environment-version-staging").first()).toContainText(`v${version}`);
    });
    await test.step("the view's catalog page shows the new version active in staging", async () => {
      const current = await approver.request.get("/api/v1/definitions/feature_view/user_profile");
      const { objectId } = (await current.json()) as { objectId: string };
      await approver.goto(`/catalog/feature_view/${objectId}`);
      const staging = approver.getByTestId("active-versions").getByRole("listitem").filter({ hasText: "staging" });
      await expect(staging).toContainText(`v${version}`);
    });
    await test.step("the audit log shows the activation as a field change", async () => {
      await approver.goto("/promotions/audit?object=user_profile&action=version.activate");
      const row = approver.getByTestId("audit-row").first();
      const versionChange = row.locator('tr[data-path="version"][data-field-change]');
      await expect(versionChange.locator("td").nth(2)).toHaveText(String(version));
    });
    await test.step("the audit log shows the edit as the description changed, nothing else", async () => {
      await approver.goto("/promotions/audit?object=user_profile&action=definition.");
      const row = approver.getByTestId("audit-row").first();
      await expect(row).toContainText("user_profile");
      const changes = row.getByTestId("field-changes");
      await expect(changes.locator("tr[data-field-change]")).toHaveCount(1);
      await expect(changes.locator('tr[data-path="description"]').first().locator("td").nth(2)).toContainText("(rev");
    });
  });

  test("a prod promotion needs two approvers", async ({ browser }) => {
    const author = await signedIn(browser, "author", "/promotions");
    let number = 0;
    let version = 0;
    await test.step("the author requests staging -> prod for what staging runs", async () => {
      const pins = await author.request.get("/api/v1/definitions/feature_view/user_profile");
      version = ((await pins.json()) as { version: { number: number } }).version.number;
      number = await openRequest(author, "staging", version);
      await expect(author.getByTestId("approval-count")).toContainText("0 of 2 approvals");
    });
    const approver = await signedIn(browser, "approver", `/promotions/${number}`);
    await test.step("the first approval is not enough", async () => {
      await approver.getByRole("button", { name: "Approve" }).click();
      await expect(approver.getByTestId("approval-count")).toContainText("1 of 2 approvals");
      await expect(approver.getByRole("button", { name: "Approve" })).toHaveCount(0);
      await approver.getByText("Active in each environment").first().click();
      await expect(approver.getByTestId("environment-version-prod").first()).not.toContainText(`v${version}`);
    });
    const approver2 = await signedIn(browser, "approver2", `/promotions/${number}`);
    await test.step("the second approver's approval applies it to prod", async () => {
      await approver2.getByRole("button", { name: "Approve" }).click();
      await expect(approver2.getByTestId("approval-count")).toContainText("2 of 2 approvals");
      await approver2.getByText("Active in each environment").first().click();
      await expect(approver2.getByTestId("environment-version-prod").first()).toContainText(`v${version}`);
    });
  });
});
