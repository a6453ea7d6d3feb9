"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { addGroupRole, removeGroupRole } from "@/lib/data/group-roles";
import { failedForm, invalidForm, type FormState } from "@/lib/form-state";
import { requireRole } from "@/lib/session";
import { idParamSchema, roleSchema } from "@/lib/validations/admin";

const groupRoleSchema = z.object({
  groupName: z
    .string()
    .trim()
    .min(1, "Enter the group's name as the identity provider sends it.")
    .max(256, "Group names are at most 256 characters."),
  role: roleSchema,
});

export async function addGroupRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = groupRoleSchema.safeParse({ groupName: formData.get("groupName"), role: formData.get("role") });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    await addGroupRole(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
    revalidatePath("/admin/sso");
    return {
      status: "done",
      message: `Members of ${parsed.data.groupName} get ${parsed.data.role} at their next sign-in.`,
    };
  } catch (error) {
    return failedForm(error);
  }
}

export async function removeGroupRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = z.object({ id: idParamSchema }).safeParse({ id: formData.get("id") });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    await removeGroupRole(db(), { workspaceId: workspace.id, id: parsed.data.id }, { userId: user.id });
    revalidatePath("/admin/sso");
    return { status: "done", message: "Removed." };
  } catch (error) {
    return failedForm(error);
  }
}
