"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { addEnvironment, removeEnvironment, updateEnvironment } from "@/lib/server/environments";
import { environmentInputSchema, environmentNameSchema } from "@/lib/validations/promotions";

export type EnvironmentActionState = ActionState<{ status: "saved" }>;

const SAVED = { status: "saved" as const };

const settingsSchema = z.object({
  name: environmentNameSchema,
  requiredApprovals: z.coerce.number().int().min(1, "At least one approval").max(10, "At most 10"),
  blockOnHealth: z.boolean(),
});

function done() {
  revalidatePath("/admin/environments");
  return SAVED;
}

export const saveEnvironmentAction = formAction(
  "saveEnvironment",
  {
    role: "admin",
    schema: settingsSchema,
    read: (form) => ({
      name: form.get("name"),
      requiredApprovals: form.get("requiredApprovals"),
      blockOnHealth: form.get("blockOnHealth") === "on",
    }),
  },
  async (input, { user, workspace }) => {
    await updateEnvironment({ workspaceId: workspace.id, ...input }, { userId: user.id });
    return done();
  },
);

export const moveEnvironmentAction = formAction(
  "moveEnvironment",
  {
    role: "admin",
    schema: z.object({ name: environmentNameSchema, position: z.coerce.number().int().min(0).max(50) }),
    read: (form) => ({ name: form.get("name"), position: form.get("position") }),
    invalidMessage: "Not a valid move.",
  },
  async (input, { user, workspace }) => {
    await updateEnvironment({ workspaceId: workspace.id, ...input }, { userId: user.id });
    return done();
  },
);

export const removeEnvironmentAction = formAction(
  "removeEnvironment",
  {
    role: "admin",
    schema: z.object({ name: environmentNameSchema }),
    read: (form) => ({ name: form.get("name") }),
    invalidMessage: "Not a valid environment.",
  },
  async ({ name }, { user, workspace }) => {
    await removeEnvironment({ workspaceId: workspace.id, name }, { userId: user.id });
    return done();
  },
);

export const addEnvironmentAction = formAction(
  "addEnvironment",
  {
    role: "admin",
    schema: environmentInputSchema,
    read: (form) => ({
      name: form.get("name"),
      requiredApprovals: form.get("requiredApprovals") || 1,
      blockOnHealth: form.get("blockOnHealth") === "on",
    }),
  },
  async (input, { user, workspace }) => {
    await addEnvironment({ workspaceId: workspace.id, ...input }, { userId: user.id });
    return done();
  },
);
