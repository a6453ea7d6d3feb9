import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { getSessionUser, roleAtLeast, type SessionUser } from "@/lib/data/users";
import { readEnvironments } from "@/lib/data/shared-reads";
import { ENVIRONMENT_COOKIE, pickEnvironment, type EnvironmentChoice } from "@/lib/environments";
import type { Role } from "@/lib/generated/prisma/enums";

export const WORKSPACE_COOKIE = "fl-workspace";
/** Kept here too: the session owns both cookies; the rule that reads it lives in lib/environments.ts. */
export { ENVIRONMENT_COOKIE } from "@/lib/environments";

/**
 * The signed-in user with fresh roles from the database (a role change applies at once), for
 * pages and API routes alike. Memoised per request as getCurrentUser.
 */
export async function loadSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  // The same indexed read that loads roles checks the session version: a session issued before
  // a sign-out, password change, role loss or "sign out everywhere" is no session.
  const user = await getSessionUser(db(), userId);
  const version = (session as { sessionVersion?: unknown }).sessionVersion;
  return user && user.sessionVersion === version ? user : null;
}

export const getCurrentUser = cache(loadSessionUser);

/** The membership of the workspace asked for (by slug), else the user's first; null for none. */
export function pickMembership(user: SessionUser, wantedSlug: string | null | undefined) {
  return user.memberships.find((m) => m.workspaceSlug === wantedSlug) ?? user.memberships[0] ?? null;
}

export interface WorkspaceContext {
  user: SessionUser;
  workspace: { id: string; slug: string; name: string };
  role: Role;
  environments: { id: string; name: string; position: number; requiredApprovals: number }[];
  environment: { id: string; name: string };
}

/** For pages: the user, their current workspace and environment; redirects when signed out. */
export const requireWorkspace = cache(async (): Promise<WorkspaceContext> => {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const jar = await cookies();
  const membership = pickMembership(user, jar.get(WORKSPACE_COOKIE)?.value);
  if (!membership) redirect("/no-workspace");
  const environments = await readEnvironments(membership.workspaceId);
  // The switcher's choice, else prod. Authoring always writes to the first (dev) regardless.
  const environment = pickEnvironment(environments, { preferred: jar.get(ENVIRONMENT_COOKIE)?.value });
  return {
    user,
    workspace: { id: membership.workspaceId, slug: membership.workspaceSlug, name: membership.workspaceName },
    role: membership.role,
    environments,
    environment: { id: environment.id, name: environment.name },
  };
});

export async function requireRole(needed: Role): Promise<WorkspaceContext> {
  const context = await requireWorkspace();
  if (!roleAtLeast(context.role, needed)) redirect("/forbidden");
  return context;
}

/**
 * For route handlers: the environment a request asks for (`?env=`), else the switcher's choice
 * that the browser sends with it, else prod; the same rule as the pages, so a dashboard's polls
 * read the environment the page shows. Machine clients send no cookie and get prod.
 */
export async function resolveRequestEnvironment(
  workspaceId: string,
  choice: Pick<EnvironmentChoice, "requested" | "parameter">,
): Promise<{ id: string; name: string }> {
  const preferred = (await cookies()).get(ENVIRONMENT_COOKIE)?.value;
  return pickEnvironment(await readEnvironments(workspaceId), { ...choice, preferred });
}
