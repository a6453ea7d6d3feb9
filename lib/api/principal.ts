import "server-only";
import type { TokenScope } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { authenticateApiToken } from "@/lib/data/api-tokens";
import { roleAtLeast } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { loadSessionUser, pickMembership, WORKSPACE_COOKIE } from "@/lib/session";

/** Who is calling the API: a signed-in user (by session cookie) or a machine (by API token). */
export type ApiPrincipal =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      workspaceId: string;
      workspaceSlug: string;
      role: Role;
      memberships: { workspaceId: string; workspaceSlug: string; role: Role }[];
    }
  | {
      kind: "token";
      tokenId: string;
      name: string;
      workspaceId: string;
      workspaceSlug: string;
      scopes: TokenScope[];
    };

export const WORKSPACE_HEADER = "x-featureline-workspace";

export async function resolvePrincipal(request: Request): Promise<ApiPrincipal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match ? await authenticateApiToken(db(), match[1]!) : null;
    if (!token) throw new AppError("unauthorized", "The API token is invalid or has been revoked.");
    return { kind: "token", ...token };
  }
  const user = await loadSessionUser();
  if (!user) return null;
  const membership = pickMembership(
    user,
    request.headers.get(WORKSPACE_HEADER) ??
      new URL(request.url).searchParams.get("workspace") ??
      cookieValue(request, WORKSPACE_COOKIE),
  );
  if (!membership) throw new AppError("forbidden", "You are not a member of any workspace.");
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    workspaceId: membership.workspaceId,
    workspaceSlug: membership.workspaceSlug,
    role: membership.role,
    memberships: user.memberships.map(({ workspaceId, workspaceSlug, role }) => ({ workspaceId, workspaceSlug, role })),
  };
}

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null; // a malformed cookie value chooses nothing
    }
  }
  return null;
}

/**
 * Authorisation for one route: users need at least `role`; tokens need `scope`. A route that
 * names no scope is closed to tokens.
 */
export function authorize(principal: ApiPrincipal, rule: { role?: Role; scope?: TokenScope }): void {
  if (principal.kind === "user") {
    if (!roleAtLeast(principal.role, rule.role ?? "viewer")) {
      throw new AppError("forbidden", `This needs the ${rule.role} role in workspace ${principal.workspaceSlug}.`);
    }
    return;
  }
  if (!rule.scope || !principal.scopes.includes(rule.scope)) {
    throw new AppError(
      "forbidden",
      rule.scope ? `This API token lacks the "${rule.scope}" scope.` : "API tokens cannot call this endpoint.",
    );
  }
}

export function actorOf(principal: ApiPrincipal) {
  return principal.kind === "user" ? { userId: principal.userId } : { tokenId: principal.tokenId };
}
