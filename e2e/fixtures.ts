import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "featureline";
export const DEMO_USERS = {
  admin: "admin@featureline.dev",
  approver: "approver@featureline.dev",
  author: "author@featureline.dev",
  viewer: "viewer@featureline.dev",
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export async function signIn(page: Page, role: DemoRole, callbackUrl = "/") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(DEMO_USERS[role]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Opens a catalog object's page from the catalog search of its name. */
export async function openFromCatalog(page: Page, kind: string, name: string) {
  await page.goto(`/catalog?q=${encodeURIComponent(name)}&kind=${kind}`);
  await page
    .getByTestId("catalog-row")
    .first()
    .getByRole("link", { name: new RegExp(name) })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

/** A page already signed in as the given demo role. */
export const test = base.extend<{ signedInAs: (role: DemoRole, callbackUrl?: string) => Promise<Page> }>({
  signedInAs: async ({ page }, use) => {
    await use(async (role, callbackUrl) => {
      await signIn(page, role, callbackUrl);
      return page;
    });
  },
});

export { expect };
