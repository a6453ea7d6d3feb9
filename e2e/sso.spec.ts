import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestIdentityProvider, type TestIdentityProvider } from "../lib/testing/oidc-test-provider";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

/**
 * Single sign-on journeys against a real OpenID provider (oidc-provider) running in this
 * process. They need other settings than the server the config starts, so this spec starts a
 * second `npm start` of the same build on its own port and data directory, with SSO on and
 * password sign-in off.
 */
const SSO_PORT = Number(process.env.E2E_SSO_PORT ?? 3312);
const app = `http://localhost:${SSO_PORT}`;
const PROVIDER_NAME = "Acme SSO";

let idp: TestIdentityProvider;
let server: ChildProcess;
let dataDir: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  idp = await startTestIdentityProvider({
    redirectUris: [`${app}/api/auth/callback/oidc`],
    people: {
      ada: { email: "ada.sso@example.com", name: "Ada SSO", emailVerified: true, groups: ["e2e-admins"] },
      nora: { email: "nora.sso@example.com", name: "Nora SSO", emailVerified: true, groups: ["unmapped"] },
    },
  });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "featureline-e2e-sso-"));
  server = spawn("npm", ["start"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(SSO_PORT),
      FEATURELINE_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: app,
      FEATURELINE_OIDC_ISSUER: idp.issuer,
      FEATURELINE_OIDC_CLIENT_ID: idp.clientId,
      FEATURELINE_OIDC_CLIENT_SECRET: idp.clientSecret,
      FEATURELINE_OIDC_NAME: PROVIDER_NAME,
      FEATURELINE_OIDC_SCOPES: "openid email profile groups",
      FEATURELINE_OIDC_ROLE_MAP: "e2e-admins=acme:admin;e2e-viewers=acme:viewer",
      FEATURELINE_PASSWORD_LOGIN: "0",
    },
  });
  const deadline = Date.now() + 240_000;
  for (;;) {
    const healthy = await fetch(`${app}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the SSO server did not start");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await idp?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signInThroughProvider(page: import("@playwright/test").Page, login: string) {
  await page.goto(`${app}/login`);
  await page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` }).click();
  // The provider's own pages: its sign-in form, unless it still has a session, and possibly its
  // consent screen. (Its stylesheet imports a web font, so never wait for "load" there.)
  for (let step = 0; step < 4; step++) {
    await page.waitForURL(
      (url) => url.pathname.startsWith("/interaction/") || (url.origin === app && !url.pathname.startsWith("/login")),
      { waitUntil: "commit" },
    );
    if (new URL(page.url()).origin === app) break;
    const signInButton = page.getByRole("button", { name: "Sign-in" });
    const continueButton = page.getByRole("button", { name: "Continue" });
    await expect(signInButton.or(continueButton)).toBeVisible();
    const interaction = page.url();
    if (await signInButton.isVisible()) {
      await page.getByPlaceholder("Enter any login").fill(login);
      await page.getByPlaceholder("and password").fill("any password");
      await signInButton.click();
    } else {
      await continueButton.click();
    }
    await page.waitForURL((url) => url.toString() !== interaction, { waitUntil: "commit" });
  }
  await page.waitForURL((url) => url.origin === app && !url.pathname.startsWith("/login"));
}

async function currentRole(page: import("@playwright/test").Page) {
  await page.getByLabel("User menu").click();
  const role = await page.getByTestId("current-role").textContent();
  await page.getByLabel("User menu").click();
  return role;
}

test("password sign-in is off: no form, and the credentials endpoint refuses", async ({ page }) => {
  await page.goto(`${app}/login`);
  await expect(page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByLabel("Email")).toHaveCount(0);

  const { csrfToken } = (await (await page.request.get(`${app}/api/auth/csrf`)).json()) as { csrfToken: string };
  const refused = await page.request.post(`${app}/api/auth/callback/credentials`, {
    form: { csrfToken, email: DEMO_USERS.admin, password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(400);
  const session = await (await page.request.get(`${app}/api/auth/session`)).json();
  expect(session).toEqual({});
  const me = await page.request.get(`${app}/api/v1/me`);
  expect(me.status()).toBe(401);
});

test("signing in through the provider lands with the role the groups map to", async ({ page }) => {
  await signInThroughProvider(page, "ada");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await currentRole(page)).toBe("admin");

  await test.step("after a change of groups at the provider, the next sign-in brings the new role", async () => {
    idp.people.get("ada")!.groups = ["e2e-viewers"];
    const oldCookies = await page.context().cookies(app);
    await page.getByLabel("User menu").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInThroughProvider(page, "ada");
    expect(await currentRole(page)).toBe("viewer");

    // The session from before the role loss is over, even replayed.
    const replay = await page.context().browser()!.newContext();
    await replay.addCookies(oldCookies);
    const response = await replay.request.get(`${app}/api/v1/me`);
    expect(response.status()).toBe(401);
    await replay.close();
  });
});

test("someone with no mapped group is told whom to ask", async ({ page }) => {
  await signInThroughProvider(page, "nora");
  await expect(page).toHaveURL(/\/no-workspace$/);
  await expect(page.getByRole("heading", { name: "You have no access to a workspace yet" })).toBeVisible();
  await expect(page.getByText("nora.sso@example.com")).toBeVisible();
  await expect(page.getByRole("list", { name: "Workspace admins" })).toContainText(DEMO_USERS.admin);
});
