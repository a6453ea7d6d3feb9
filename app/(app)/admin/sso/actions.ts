"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { addGroupRole, removeGroupRole } from "@/lib/server/group-roles";
import { idParamSchema, roleSchema } from "@/lib/validations/admin";

type Done = { status: "done"; message: string };
export type GroupRoleActionState = ActionState<Done>;

const groupRoleSchema = z.object({
  groupName: z
    .string()
    .trim()
    .min(1, "Enter the group's name as the identity provider sends it.")
    .max(256, "Group names are at most 256 characters."),
  role: roleSchema,
});

export const addGroupRoleAction = formAction(
  "addGroupRole",
  {
    role: "admin",
    schema: groupRoleSchema,
    read: (form) => ({ groupName: form.get("groupName"), role: form.get("role") }),
  },
  async (input, { user, workspace }): Promise<Done> => {
    await addGroupRole({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath("/admin/sso");
    return { status: "done", message: `Members of ${input.groupName} get ${input.role} at their next sign-in.` };
  },
);

export const removeGroupRoleAction = formAction(
  "removeGroupRole",
  { role: "admin", schema: z.object({ id: idParamSchema }), read: (form) => ({ id: form.get("id") }) },
  async (input, { user, workspace }): Promise<Done> => {
    await removeGroupRole({ workspaceId: workspace.id, id: input.id }, { userId: user.id });
    revalidatePath("/admin/sso");
    return { status: "done", message: "Removed." };
  },
);
