import { expect, test as base, type Page } from "@playwright/test";
import { apiAs, DEMO_PASSWORD, DEMO_USERS, useSession, type DemoAccount, type DemoRole } from "./sessions";
import { createOwnWorkspace, type OwnWorkspace } from "./workspaces";

/*
 * What a journey needs to start: a page or an API context signed in as a demo role through the
 * session saved once per run (e2e/sessions.ts, e2e/auth.setup.ts), and a workspace of its own
 * when it writes and counts. docs/testing.md tells how to use them.
 */
export { apiAs, DEMO_PASSWORD, DEMO_USERS, type DemoAccount, type DemoRole, type OwnWorkspace };

/** Signs the page in as a demo role with the saved session (no form), then opens `callbackUrl`. */
export async function signIn(page: Page, role: DemoAccount, callbackUrl = "/") {
  await useSession(page.context(), base.info().project.use.baseURL!, role);
  await page.goto(callbackUrl);
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** Signs in through the sign-in form, as a person does: only for journeys about signing in. */
export async function signInWithForm(page: Page, role: DemoRole, callbackUrl = "/") {
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

export const test = base.extend<{
  /** The test's page signed in as the role, at callbackUrl (default "/"). */
  signedInAs: (role: DemoRole, callbackUrl?: string) => Promise<Page>;
  /** A new, empty workspace for this test; the demo admin is its admin. Counts in it are exact. */
  ownWorkspace: OwnWorkspace;
}>({
  signedInAs: async ({ page }, use) => {
    await use(async (role, callbackUrl) => {
      await signIn(page, role, callbackUrl);
      return page;
    });
  },
  ownWorkspace: async ({ playwright, baseURL }, use, testInfo) => {
    const workspace = await createOwnWorkspace(playwright, baseURL!, testInfo.title);
    await use(workspace);
    await workspace.api.dispose();
  },
});

export { expect };
