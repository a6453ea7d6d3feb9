"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buttonAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isHttps } from "@/lib/security-headers";
import { ENVIRONMENT_COOKIE } from "@/lib/environments";
import { WORKSPACE_COOKIE } from "@/lib/session";

/** Secure behind https (the public URL or a proxy says so), like the session cookie. */
async function cookieOptions() {
  const https =
    env().NEXTAUTH_URL?.startsWith("https://") ||
    isHttps(new URL("http://localhost"), (await headers()).get("x-forwarded-proto"));
  return { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365, secure: https };
}

export const switchWorkspaceAction = buttonAction(
  "switchWorkspace",
  { schema: z.object({ slug: z.string().max(64) }), read: (form) => ({ slug: form.get("workspace") }) },
  async ({ slug }, context) => {
    if (!context.user.memberships.some((m) => m.workspaceSlug === slug)) {
      throw new AppError("not_found", "You are not a member of that workspace.");
    }
    (await cookies()).set(WORKSPACE_COOKIE, slug, await cookieOptions());
    (await cookies()).delete(ENVIRONMENT_COOKIE);
    revalidatePath("/", "layout");
  },
);

export const switchEnvironmentAction = buttonAction(
  "switchEnvironment",
  { schema: z.object({ name: z.string().max(64) }), read: (form) => ({ name: form.get("environment") }) },
  async ({ name }, context) => {
    if (!context.environments.some((e) => e.name === name)) {
      throw new AppError("not_found", `There is no environment ${name} in this workspace.`);
    }
    (await cookies()).set(ENVIRONMENT_COOKIE, name, await cookieOptions());
    revalidatePath("/", "layout");
  },
);
