import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { addGroupRole } from "@/lib/data/group-roles";
import { inviteMember } from "@/lib/data/members";
import { signInWithOidc, type OidcIdentity } from "@/lib/data/oidc-accounts";
import { createUser, getSessionUser } from "@/lib/data/users";
import { createWorkspace } from "@/lib/data/workspaces";
import { parseRoleMap, type GroupRoleMapping } from "@/lib/env";
import { startTestIdentityProvider, type TestIdentityProvider } from "@/lib/testing/oidc-test-provider";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

const REDIRECT_URI = "http://localhost:9/api/auth/callback/oidc";
let database: TestDatabase;
let idp: TestIdentityProvider;
let acmeId: string;
let betaId: string;
const envMappings = parseRoleMap("platform-admins=acme:admin; data-scientists=acme:author") as GroupRoleMapping[];

/**
 * The authorization code flow with PKCE, state and nonce against the real provider, as a
 * relying party does it; returns the ID token's claims. (next-auth itself is driven through
 * the browser in e2e/sso.spec.ts.)
 */
async function signInAtProvider(login: string): Promise<Record<string, unknown>> {
  const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    string
  >;
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(16).toString("base64url");
  const nonce = randomBytes(16).toString("base64url");
  const authorize = new URL(discovery.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    client_id: idp.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid email profile groups",
    state,
    nonce,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  const cookies = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      cookies.set(name!.trim(), value.join("="));
    }
    return response;
  };
  let response = await send(authorize.toString());
  const interaction = new URL(response.headers.get("location")!, idp.issuer).toString();
  response = await send(interaction, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
  });
  // Back to the authorization endpoint, which now redirects to the client with a code.
  while (!response.headers.get("location")!.startsWith(REDIRECT_URI)) {
    response = await send(new URL(response.headers.get("location")!, idp.issuer).toString());
  }
  const callback = new URL(response.headers.get("location")!);
  expect(callback.searchParams.get("state")).toBe(state);
  const tokens = (await (
    await fetch(discovery.token_endpoint!, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${idp.clientId}:${idp.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: callback.searchParams.get("code")!,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }).toString(),
    })
  ).json()) as { id_token: string };
  const claims = JSON.parse(Buffer.from(tokens.id_token.split(".")[1]!, "base64url").toString()) as Record<
    string,
    unknown
  >;
  expect(claims.nonce).toBe(nonce);
  expect(claims.iss).toBe(idp.issuer);
  return claims;
}

function identityFrom(claims: Record<string, unknown>): OidcIdentity {
  return {
    issuer: idp.issuer,
    subject: String(claims.sub),
    email: (claims.email as string) ?? null,
    emailVerified: claims.email_verified === true,
    name: (claims.name as string) ?? null,
    groups: (claims.groups as string[]) ?? [],
  };
}

async function signIn(login: string) {
  return signInWithOidc(database.prisma, identityFrom(await signInAtProvider(login)), envMappings);
}

async function rolesOf(userId: string) {
  const user = await getSessionUser(database.prisma, userId);
  return Object.fromEntries(user!.memberships.map((m) => [m.workspaceSlug, m.role]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  acmeId = (await createWorkspace(database.prisma, { slug: "acme", name: "Acme" })).id;
  betaId = (await createWorkspace(database.prisma, { slug: "beta", name: "Beta" })).id;
  idp = await startTestIdentityProvider({
    redirectUris: [REDIRECT_URI],
    people: {
      alice: { email: "alice@example.com", name: "Alice", emailVerified: true, groups: ["platform-admins"] },
      bob: { email: "Bob@Example.com", name: "Bob", emailVerified: true, groups: ["data-scientists", "beta-readers"] },
      mallory: { email: "owner@example.com", name: "Mallory", emailVerified: false, groups: [] },
      owner: { email: "owner@example.com", name: "Owner", emailVerified: true, groups: [] },
      nobody: { email: "nobody@example.com", name: "Nobody", emailVerified: true, groups: ["unmapped"] },
      invited: { email: "invited@example.com", name: "Invited", emailVerified: true, groups: [] },
    },
  });
  await addGroupRole(database.prisma, { workspaceId: betaId, groupName: "beta-readers", role: "viewer" }, {});
});
afterAll(async () => {
  await idp?.stop();
  await database?.cleanup();
});

describe(`single sign-on against a real OpenID provider on ${testEngineKind()}`, () => {
  it("creates the account at first sign-in with the roles its groups map to", async () => {
    const result = await signIn("bob");
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ email: "bob@example.com", name: "Bob", passwordHash: null });
    expect(await rolesOf(result.userId)).toEqual({ acme: "author", beta: "viewer" });
    const audit = await database.prisma.auditLog.findMany({ where: { objectId: result.userId, action: "member.add" } });
    expect(audit).toHaveLength(2);
  });

  it("follows group changes at the next sign-in and ends older sessions when a role goes", async () => {
    const first = await signIn("alice");
    if (!first.ok) throw new Error("alice could not sign in");
    expect(await rolesOf(first.userId)).toEqual({ acme: "admin" });
    const token = await createApiToken(
      database.prisma,
      { workspaceId: acmeId, name: "alice-ci", scopes: ["apply"] },
      {
        userId: first.userId,
      },
    );

    idp.people.get("alice")!.groups = ["data-scientists"];
    const second = await signIn("alice");
    if (!second.ok) throw new Error("alice could not sign in again");
    expect(await rolesOf(first.userId)).toEqual({ acme: "author" });
    expect(second.sessionVersion).toBeGreaterThan(first.sessionVersion);
    // Her API token died with her admin role.
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.revokedAt).toBeInstanceOf(Date);

    idp.people.get("alice")!.groups = [];
    const third = await signIn("alice");
    if (!third.ok) throw new Error("alice could not sign in a third time");
    expect(await rolesOf(first.userId)).toEqual({});
    expect(third.sessionVersion).toBeGreaterThan(second.sessionVersion);
  });

  it("leaves someone with no mapped group without a workspace", async () => {
    const result = await signIn("nobody");
    if (!result.ok) throw new Error("nobody could not sign in");
    expect(await rolesOf(result.userId)).toEqual({});
  });

  it("links an existing account only on a verified email", async () => {
    const existing = await createUser(database.prisma, {
      email: "owner@example.com",
      password: "owner password",
      role: "approver",
      workspaceId: acmeId,
    });
    expect(await signIn("mallory")).toEqual({ ok: false, reason: "email_unverified" });
    const linked = await signIn("owner");
    expect(linked).toMatchObject({ ok: true, userId: existing.id, created: false });
    // A role granted by hand is not taken away by the groups claim.
    expect(await rolesOf(existing.id)).toEqual({ acme: "approver" });
  });

  it("accepts an invitation at the first sign-in", async () => {
    await inviteMember(database.prisma, { workspaceId: betaId, email: "Invited@example.com", role: "approver" }, {});
    const result = await signIn("invited");
    if (!result.ok) throw new Error("invited could not sign in");
    expect(await rolesOf(result.userId)).toEqual({ beta: "approver" });
    expect(await database.prisma.workspaceInvite.count({ where: { email: "invited@example.com" } })).toBe(0);
  });
});
