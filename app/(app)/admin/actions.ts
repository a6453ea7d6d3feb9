"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buttonAction, formAction, type ActionState as FormState } from "@/lib/actions";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { setWorkspaceRole } from "@/lib/server/users";
import { apiTokenInputSchema, idParamSchema, roleSchema } from "@/lib/validations/admin";

export type ActionState = FormState<{ status: "created"; token: string; name: string } | { status: "saved" }>;

export const createApiTokenAction = formAction(
  "createApiToken",
  {
    role: "admin",
    schema: apiTokenInputSchema,
    read: (form) => ({ name: form.get("name"), scopes: form.getAll("scopes") }),
    invalidMessage: "Check the highlighted fields.",
  },
  async (input, { user, workspace }) => {
    const created = await createApiToken({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath("/admin/tokens");
    return { status: "created" as const, token: created.token, name: created.name };
  },
);

export const revokeApiTokenAction = buttonAction(
  "revokeApiToken",
  { role: "admin", schema: z.object({ tokenId: idParamSchema }), read: (form) => ({ tokenId: form.get("tokenId") }) },
  async ({ tokenId }, { user, workspace }) => {
    await revokeApiToken({ workspaceId: workspace.id, tokenId }, { userId: user.id });
    revalidatePath("/admin/tokens");
  },
);

export const changeRoleAction = formAction(
  "changeRole",
  {
    role: "admin",
    schema: z.object({ userId: idParamSchema, role: roleSchema }),
    read: (form) => ({ userId: form.get("userId"), role: form.get("role") }),
    invalidMessage: "Choose a valid role.",
  },
  async (input, { user, workspace }) => {
    await setWorkspaceRole({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath("/admin/users");
    return { status: "saved" as const };
  },
);
