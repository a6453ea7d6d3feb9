"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ENVIRONMENT_COOKIE } from "@/lib/environments";
import { WORKSPACE_COOKIE, requireWorkspace } from "@/lib/session";

const COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365 };

export async function switchWorkspaceAction(formData: FormData) {
  const context = await requireWorkspace();
  const slug = z.string().max(64).parse(formData.get("workspace"));
  if (!context.user.memberships.some((m) => m.workspaceSlug === slug)) return;
  (await cookies()).set(WORKSPACE_COOKIE, slug, COOKIE_OPTIONS);
  (await cookies()).delete(ENVIRONMENT_COOKIE);
  revalidatePath("/", "layout");
}

export async function switchEnvironmentAction(formData: FormData) {
  const context = await requireWorkspace();
  const name = z.string().max(64).parse(formData.get("environment"));
  if (!context.environments.some((e) => e.name === name)) return;
  (await cookies()).set(ENVIRONMENT_COOKIE, name, COOKIE_OPTIONS);
  revalidatePath("/", "layout");
}
