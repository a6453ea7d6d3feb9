import { DEMO_USERS, expect, signInWithForm, test, type DemoRole } from "./fixtures";

// The one journey that signs in through the form; every other one reuses a saved session (e2e/sessions.ts).

test("an anonymous visitor is sent to the sign-in page and back after signing in", async ({ page }) => {
  await page.goto("/admin/tokens");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Ftokens/);
  await signInWithForm(page, "admin", "/admin/tokens");
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
      await signInWithForm(page, role);
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

test("a copy of the session cookie stops working once its user signs out", async ({ page, browser }) => {
  await signInWithForm(page, "author");
  const cookies = await page.context().cookies();
  await page.getByLabel("User menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/v1/me")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/catalog");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
});

test("a password over the length limit is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS.viewer);
  await page.getByLabel("Password").fill("x".repeat(300));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Passwords are at most 256 characters" })).toBeVisible();
});

test("made-up X-Forwarded-For headers do not buy more password guesses", async ({ request }) => {
  const email = `throttle-${Date.now()}@example.com`;
  const attempt = async (i: number) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `guess-${i}`, json: "true" },
      // A new forged address per attempt; the server's own peer header cannot be forged either.
      headers: { "x-forwarded-for": `203.0.113.${i}`, "x-featureline-peer": `198.51.100.${i}` },
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get("error") ?? "";
  };
  const errors: string[] = [];
  for (let i = 0; i < 6; i++) errors.push(await attempt(i));
  expect(errors[0]).toBe("Wrong email or password.");
  expect(errors[5]).toMatch(/^Too many failed sign-ins/);
});
