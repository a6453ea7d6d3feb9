import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { apiAs, signedInContext, type DemoRole } from "./sessions";

/**
 * The callers of the security suites: anonymous, each demo role of workspace acme (cookie
 * sessions), an API token per scope, and the admin of another workspace (beta, created by
 * scripts/e2e-prepare.ts). Cookie contexts send a same-origin Origin, as the browser does.
 */
export const BETA_ADMIN = { email: "beta-admin@featureline.dev", password: "featureline" };
type Playwright = PlaywrightWorkerArgs["playwright"];

export const ROLES = ["viewer", "author", "approver", "admin"] as const;
export const SCOPES = ["read", "ingest", "apply"] as const;
export type Scope = (typeof SCOPES)[number];

export type Principal =
  | { name: "anonymous"; kind: "anonymous"; api: APIRequestContext }
  | { name: string; kind: "user"; role: DemoRole; workspace: "acme" | "beta"; api: APIRequestContext }
  | { name: string; kind: "token"; scope: Scope; api: APIRequestContext; tokenId: string };

export { signedInContext };

/** A role of acme, through its saved session (e2e/sessions.ts). */
export function signInAs(playwright: Playwright, baseURL: string, role: DemoRole) {
  return apiAs(playwright, baseURL, role);
}

export async function tokenContext(
  playwright: Playwright,
  baseURL: string,
  admin: APIRequestContext,
  scope: Scope,
): Promise<{ api: APIRequestContext; tokenId: string }> {
  const created = await admin.post("/api/v1/tokens", {
    data: { name: `security-${scope}-${Date.now()}`, scopes: [scope] },
  });
  expect(created.status()).toBe(201);
  const { token, id } = await created.json();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  return { api, tokenId: id };
}

/** Every principal of the matrix. The first acme admin context is also returned for set-up. */
export async function allPrincipals(playwright: Playwright, baseURL: string) {
  const principals: Principal[] = [
    { name: "anonymous", kind: "anonymous", api: await playwright.request.newContext({ baseURL }) },
  ];
  for (const role of ROLES) {
    principals.push({
      name: `acme ${role}`,
      kind: "user",
      role,
      workspace: "acme",
      api: await signInAs(playwright, baseURL, role),
    });
  }
  const admin = principals.find((p) => p.kind === "user" && p.role === "admin")!.api;
  for (const scope of SCOPES) {
    principals.push({
      name: `token:${scope}`,
      kind: "token",
      scope,
      ...(await tokenContext(playwright, baseURL, admin, scope)),
    });
  }
  principals.push({
    name: "beta admin",
    kind: "user",
    role: "admin",
    workspace: "beta",
    api: await signedInContext(playwright, baseURL, BETA_ADMIN.email, BETA_ADMIN.password),
  });
  return { principals, admin };
}
