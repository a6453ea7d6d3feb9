import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type BrowserContext, type PlaywrightWorkerArgs } from "@playwright/test";

/**
 * Signed-in sessions for the journeys, made through the sign-in API instead of the form and saved
 * as Playwright storage state, one file per demo role (e2e/auth.setup.ts makes them once per run).
 * A journey that ends a saved session (sign out everywhere, a role change) costs the next user of
 * that role one more API sign-in, not a failure. Only e2e/auth.spec.ts signs in through the form.
 */
export const DEMO_PASSWORD = "featureline";
export const DEMO_USERS = {
  admin: "admin@featureline.dev",
  approver: "approver@featureline.dev",
  author: "author@featureline.dev",
  viewer: "viewer@featureline.dev",
} as const;
export type DemoRole = keyof typeof DEMO_USERS;
export const DEMO_ROLES = Object.keys(DEMO_USERS) as DemoRole[];
/** Every demo account a journey may sign in as: one per role, and a second approver. */
const DEMO_ACCOUNTS = { ...DEMO_USERS, approver2: "approver2@featureline.dev" } as const;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

type Playwright = PlaywrightWorkerArgs["playwright"];

const engine = process.env.DATABASE_URL ? "postgresql" : "pglite";
// Beside (not inside) the run's output folder, which Playwright empties before each run.
const STATE_DIR = path.join("test-results", `.auth-${engine}`);

export function storageStatePath(role: DemoAccount): string {
  return path.join(STATE_DIR, `${role}.json`);
}

/** Signs `request` in through the credentials endpoint; its cookie jar then holds the session. */
async function signInThroughApi(request: APIRequestContext, baseURL: string, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    // A browser sends its page's Origin with every write: the API refuses cookie writes without it.
    headers: { origin: baseURL },
  });
  expect(response.ok(), `sign in as ${email}`).toBe(true);
}

/** An API context signed in through the credentials endpoint, with the same-origin Origin a browser sends. */
export async function signedInContext(
  playwright: Playwright,
  baseURL: string,
  email: string,
  password: string,
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await signInThroughApi(context, baseURL, email, password);
  return context;
}

/** Saves the session of a signed-in context (cookies only) as the role's storage state. */
async function saveCookies(request: APIRequestContext, role: DemoAccount) {
  await expectSignedIn(request, role);
  const { cookies } = await request.storageState();
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(storageStatePath(role), JSON.stringify({ cookies, origins: [] }, null, 2));
  return cookies;
}

/** Signs the demo role in through the API and saves its session for the run. */
export async function saveSession(playwright: Playwright, baseURL: string, role: DemoAccount): Promise<void> {
  const context = await signedInContext(playwright, baseURL, DEMO_ACCOUNTS[role], DEMO_PASSWORD);
  await saveCookies(context, role);
  await context.dispose();
}

async function isSignedIn(request: APIRequestContext, role: DemoAccount): Promise<boolean> {
  const response = await request.get("/api/v1/me");
  if (!response.ok()) return false;
  const me = (await response.json()) as { user?: { email?: string } };
  return me.user?.email === DEMO_ACCOUNTS[role];
}

async function expectSignedIn(request: APIRequestContext, role: DemoAccount) {
  expect(await isSignedIn(request, role), `the ${role} session works`).toBe(true);
}

/** Cookies as storage state holds them (complete, unlike what addCookies accepts). */
type Cookies = Awaited<ReturnType<APIRequestContext["storageState"]>>["cookies"];
function readCookies(role: DemoAccount): Cookies | null {
  const file = storageStatePath(role);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { cookies: Cookies }).cookies : null;
}

/**
 * Puts the role's saved session into a browser context (its pages and `page.request`). When the
 * saved session is missing or was ended by an earlier journey, signs in through the API again.
 */
export async function useSession(context: BrowserContext, baseURL: string, role: DemoAccount) {
  await context.clearCookies();
  const saved = readCookies(role);
  if (saved) {
    await context.addCookies(saved);
    if (await isSignedIn(context.request, role)) return;
    await context.clearCookies();
  }
  await signInThroughApi(context.request, baseURL, DEMO_ACCOUNTS[role], DEMO_PASSWORD);
  await saveCookies(context.request, role);
}

/** An API context as the demo role (the saved session), sending a same-origin Origin for cookie writes. */
export async function apiAs(
  playwright: Playwright,
  baseURL: string,
  role: DemoAccount,
  headers: Record<string, string> = {},
): Promise<APIRequestContext> {
  const extraHTTPHeaders = { origin: baseURL, ...headers };
  const saved = readCookies(role);
  if (saved) {
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders,
      storageState: { cookies: saved, origins: [] },
    });
    if (await isSignedIn(context, role)) return context;
    await context.dispose();
  }
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
  await signInThroughApi(context, baseURL, DEMO_ACCOUNTS[role], DEMO_PASSWORD);
  await saveCookies(context, role);
  return context;
}
