import { DEMO_USERS, expect, signIn, test, type DemoRole } from "./fixtures";

test("an anonymous visitor is sent to the sign-in page and back after signing in", async ({ page }) => {
  await page.goto("/admin/tokens");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Ftokens/);
  await signIn(page, "admin", "/admin/tokens");
  await expect(page).toHaveURL(/\/admin\/tokens$/);
  await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS.viewer);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  test(`the demo ${role} signs in and out`, async ({ page }) => {
    await test.step("sign in", async () => {
      await signIn(page, role);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    });
    await test.step("the user menu shows the role", async () => {
      await page.getByLabel("User menu").click();
      await expect(page.getByTestId("current-role")).toHaveText(role);
    });
    await test.step("sign out", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
    });
  });
}
