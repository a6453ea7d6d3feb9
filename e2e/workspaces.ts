import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { apiAs } from "./sessions";

type Playwright = PlaywrightWorkerArgs["playwright"];
const WORKSPACE_HEADER = "x-featureline-workspace";
const WORKSPACE_COOKIE = "fl-workspace";

/**
 * A workspace of its own for a journey that writes and then counts: created through the API by
 * the demo admin (who becomes its only member, as admin), empty, with dev -> staging -> prod.
 * Its slug starts with "e2e-", after "acme", so the admin's default workspace stays acme.
 */
export interface OwnWorkspace {
  slug: string;
  /** The demo admin's API context inside this workspace. */
  api: APIRequestContext;
  /** A bearer-token API context in this workspace with the given scopes. */
  token(scopes: ("read" | "ingest" | "apply")[]): Promise<{ token: string; api: APIRequestContext }>;
  /** Makes this workspace the page's current one (the switcher's cookie). */
  open(page: Page): Promise<void>;
}

export async function createOwnWorkspace(
  playwright: Playwright,
  baseURL: string,
  label: string,
): Promise<OwnWorkspace> {
  const slug = `e2e-${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 24)}-${randomBytes(3).toString("hex")}`;
  const admin = await apiAs(playwright, baseURL, "admin");
  const created = await admin.post("/api/v1/workspaces", { data: { slug, name: `E2E ${label}` } });
  expect(created.status(), await created.text()).toBe(201);
  await admin.dispose();
  const api = await apiAs(playwright, baseURL, "admin", { [WORKSPACE_HEADER]: slug });
  return {
    slug,
    api,
    async token(scopes) {
      const response = await api.post("/api/v1/tokens", { data: { name: `${slug}-${scopes.join("-")}`, scopes } });
      expect(response.status(), await response.text()).toBe(201);
      const { token } = (await response.json()) as { token: string };
      const tokenApi = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { authorization: `Bearer ${token}` },
      });
      return { token, api: tokenApi };
    },
    async open(page) {
      await page.context().addCookies([{ name: WORKSPACE_COOKIE, value: slug, url: baseURL }]);
    },
  };
}
