"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionFailure, type ActionState } from "@/lib/actions";
import { cancelInvite, inviteMember, removeMember } from "@/lib/server/members";
import { signOutEverywhere } from "@/lib/server/sessions";
import { idParamSchema, roleSchema } from "@/lib/validations/admin";

type Done = { status: "done"; message: string };
export type MemberActionState = ActionState<Done>;

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter the person's email address.").max(320),
  role: roleSchema,
});

export const inviteMemberAction = formAction(
  "inviteMember",
  { role: "admin", schema: inviteSchema, read: (form) => ({ email: form.get("email"), role: form.get("role") }) },
  async (input, { user, workspace }): Promise<Done> => {
    const { outcome } = await inviteMember({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath("/admin/users");
    return {
      status: "done",
      message:
        outcome === "added"
          ? `${input.email} is now a member (${input.role}).`
          : `Invited ${input.email} as ${input.role}: the invitation is accepted at their first sign-in.`,
    };
  },
);

const memberSchema = z.object({ userId: idParamSchema });
const readMember = (form: FormData) => ({ userId: form.get("userId") });

export const removeMemberAction = formAction(
  "removeMember",
  { role: "admin", schema: memberSchema, read: readMember },
  async (input, { user, workspace }): Promise<Done | ActionFailure> => {
    if (input.userId === user.id) return { status: "error", code: "conflict", message: "You cannot remove yourself." };
    await removeMember({ workspaceId: workspace.id, userId: input.userId }, { userId: user.id });
    revalidatePath("/admin/users");
    return { status: "done", message: "Removed." };
  },
);

export const signOutEverywhereAction = formAction(
  "signOutEverywhere",
  { role: "admin", schema: memberSchema, read: readMember },
  async (input, { user, workspace }): Promise<Done> => {
    await signOutEverywhere({ workspaceId: workspace.id, userId: input.userId }, { userId: user.id });
    return { status: "done", message: "Every session of this person has ended." };
  },
);

export const cancelInviteAction = formAction(
  "cancelInvite",
  {
    role: "admin",
    schema: z.object({ inviteId: idParamSchema }),
    read: (form) => ({ inviteId: form.get("inviteId") }),
  },
  async (input, { user, workspace }): Promise<Done> => {
    await cancelInvite({ workspaceId: workspace.id, inviteId: input.inviteId }, { userId: user.id });
    revalidatePath("/admin/users");
    return { status: "done", message: "Invitation cancelled." };
  },
);
