"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { cancelInvite, inviteMember, removeMember } from "@/lib/data/members";
import { signOutEverywhere } from "@/lib/data/sessions";
import { failedForm, invalidForm, type FormState } from "@/lib/form-state";
import { requireRole } from "@/lib/session";
import { idParamSchema, roleSchema } from "@/lib/validations/admin";

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter the person's email address.").max(320),
  role: roleSchema,
});

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = inviteSchema.safeParse({ email: formData.get("email"), role: formData.get("role") });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    const { outcome } = await inviteMember(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
    revalidatePath("/admin/users");
    return {
      status: "done",
      message:
        outcome === "added"
          ? `${parsed.data.email} is now a member (${parsed.data.role}).`
          : `Invited ${parsed.data.email} as ${parsed.data.role}: the invitation is accepted at their first sign-in.`,
    };
  } catch (error) {
    return failedForm(error);
  }
}

const memberSchema = z.object({ userId: idParamSchema });

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = memberSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return invalidForm(parsed.error);
  if (parsed.data.userId === user.id) return { status: "error", message: "You cannot remove yourself." };
  try {
    await removeMember(db(), { workspaceId: workspace.id, userId: parsed.data.userId }, { userId: user.id });
    revalidatePath("/admin/users");
    return { status: "done", message: "Removed." };
  } catch (error) {
    return failedForm(error);
  }
}

export async function signOutEverywhereAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = memberSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    await signOutEverywhere(db(), { workspaceId: workspace.id, userId: parsed.data.userId }, { userId: user.id });
    return { status: "done", message: "Every session of this person has ended." };
  } catch (error) {
    return failedForm(error);
  }
}

export async function cancelInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = z.object({ inviteId: idParamSchema }).safeParse({ inviteId: formData.get("inviteId") });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    await cancelInvite(db(), { workspaceId: workspace.id, inviteId: parsed.data.inviteId }, { userId: user.id });
    revalidatePath("/admin/users");
    return { status: "done", message: "Invitation cancelled." };
  } catch (error) {
    return failedForm(error);
  }
}
