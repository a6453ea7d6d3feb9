"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { setWorkspaceRole } from "@/lib/data/users";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { requireRole } from "@/lib/session";
import { apiTokenInputSchema, idParamSchema, roleSchema } from "@/lib/validations/admin";

export type ActionState =
  | { status: "idle" }
  | { status: "error"; message: string; fields?: Record<string, string> }
  | { status: "created"; token: string; name: string };

export async function createApiTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = apiTokenInputSchema.safeParse({
    name: formData.get("name"),
    scopes: formData.getAll("scopes"),
  });
  if (!parsed.success) {
    const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.path, f.message]));
    return { status: "error", message: "Check the highlighted fields.", fields };
  }
  try {
    const created = await createApiToken(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
    revalidatePath("/admin/tokens");
    return { status: "created", token: created.token, name: created.name };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const { user, workspace } = await requireRole("admin");
  const tokenId = idParamSchema.parse(formData.get("tokenId"));
  await revokeApiToken(db(), { workspaceId: workspace.id, tokenId }, { userId: user.id });
  revalidatePath("/admin/tokens");
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = z.object({ userId: idParamSchema, role: roleSchema }).safeParse({
    userId: formData.get("userId"),
    role: formData.get("role"),
  });
  if (!parsed.success) return { status: "error", message: "Choose a valid role." };
  try {
    await setWorkspaceRole(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
    revalidatePath("/admin/users");
    return { status: "idle" };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}
