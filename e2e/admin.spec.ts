import { DEMO_USERS, expect, signIn, test } from "./fixtures";

test("an admin creates an API token and sees it only once", async ({ signedInAs }) => {
  const page = await signedInAs("admin", "/admin/tokens");
  const name = `e2e-ingest-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /ingest/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^flt_/);
  const token = (await shown.textContent())!.trim();

  await test.step("the token works against the API with its scopes", async () => {
    const response = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ kind: "token", token: { name, scopes: ["read", "ingest"] } });
  });

  await test.step("after a reload only its prefix is listed", async () => {
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    const row = page.getByTestId(`token-row-${name}`);
    await expect(row).toContainText(token.slice(0, 10));
    await expect(page.getByText(token)).toHaveCount(0);
  });

  await test.step("revoking it locks it out", async () => {
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByTestId(`token-row-${name}`)).toContainText("revoked");
    const response = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(401);
  });
});

test("a token name is required, with the message at the field", async ({ signedInAs }) => {
  const page = await signedInAs("admin", "/admin/tokens");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Give the token a name")).toBeVisible();
});

test("a viewer cannot open admin", async ({ signedInAs }) => {
  const page = await signedInAs("viewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByText("You do not have access to that page")).toBeVisible();
});

test("an admin changes a member's role", async ({ signedInAs }) => {
  const page = await signedInAs("admin", "/admin/users");
  const select = page.getByLabel("Role of viewer@featureline.dev");
  await expect(select).toHaveValue("viewer");
  await select.selectOption("author");
  await expect(select).toBeEnabled();
  await page.reload();
  await expect(page.getByLabel("Role of viewer@featureline.dev")).toHaveValue("author");
  await page.getByLabel("Role of viewer@featureline.dev").selectOption("viewer");
  await expect(page.getByLabel("Role of viewer@featureline.dev")).toBeEnabled();
  await page.reload();
  await expect(page.getByLabel("Role of viewer@featureline.dev")).toHaveValue("viewer");
});

test("an admin invites by email, and signs a member out everywhere", async ({ signedInAs, browser }) => {
  const page = await signedInAs("admin", "/admin/users");
  const email = `invitee-${Date.now()}@example.com`;

  await test.step("an invitation waits for the first sign-in, and can be cancelled", async () => {
    await page.getByLabel("Email").fill(email);
    await page.locator("#invite-role").selectOption("author");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invited ${email} as author` })).toBeVisible();
    const row = page.getByTestId(`invite-row-${email}`);
    await expect(row).toContainText("author");
    await row.getByRole("button", { name: "Cancel invitation" }).click();
    await expect(page.getByTestId(`invite-row-${email}`)).toHaveCount(0);
  });

  await test.step("'sign out everywhere' ends the viewer's session in another browser", async () => {
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await signIn(viewer, "viewer", "/catalog");

    page.once("dialog", (dialog) => void dialog.accept());
    await page
      .getByTestId(`user-row-${DEMO_USERS.viewer}`)
      .getByRole("button", { name: "Sign out everywhere" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Every session of this person has ended" })).toBeVisible();

    await viewer.goto("/catalog");
    await expect(viewer).toHaveURL(/\/login/);
    await viewerContext.close();
  });
});
