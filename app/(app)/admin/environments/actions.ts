"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { addEnvironment, removeEnvironment, updateEnvironment } from "@/lib/data/environments";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { requireRole } from "@/lib/session";
import { environmentInputSchema, environmentNameSchema } from "@/lib/validations/promotions";

export type EnvironmentActionState = { status: "idle" } | { status: "saved" } | { status: "error"; message: string };

const settingsSchema = z.object({
  name: environmentNameSchema,
  requiredApprovals: z.coerce.number().int().min(1, "At least one approval").max(10, "At most 10"),
  blockOnHealth: z.boolean(),
});

export async function saveEnvironmentAction(
  _prev: EnvironmentActionState,
  formData: FormData,
): Promise<EnvironmentActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = settingsSchema.safeParse({
    name: formData.get("name"),
    requiredApprovals: formData.get("requiredApprovals"),
    blockOnHealth: formData.get("blockOnHealth") === "on",
  });
  if (!parsed.success)
    return { status: "error", message: zodFieldErrors(parsed.error)[0]?.message ?? "Check the values." };
  try {
    await updateEnvironment(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
  revalidatePath("/admin/environments");
  return { status: "saved" };
}

export async function moveEnvironmentAction(
  _prev: EnvironmentActionState,
  formData: FormData,
): Promise<EnvironmentActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = z
    .object({ name: environmentNameSchema, position: z.coerce.number().int().min(0).max(50) })
    .safeParse({ name: formData.get("name"), position: formData.get("position") });
  if (!parsed.success) return { status: "error", message: "Not a valid move." };
  try {
    await updateEnvironment(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
  revalidatePath("/admin/environments");
  return { status: "saved" };
}

export async function removeEnvironmentAction(
  _prev: EnvironmentActionState,
  formData: FormData,
): Promise<EnvironmentActionState> {
  const { user, workspace } = await requireRole("admin");
  const name = environmentNameSchema.safeParse(formData.get("name"));
  if (!name.success) return { status: "error", message: "Not a valid environment." };
  try {
    await removeEnvironment(db(), { workspaceId: workspace.id, name: name.data }, { userId: user.id });
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
  revalidatePath("/admin/environments");
  return { status: "saved" };
}

export async function addEnvironmentAction(
  _prev: EnvironmentActionState,
  formData: FormData,
): Promise<EnvironmentActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = environmentInputSchema.safeParse({
    name: formData.get("name"),
    requiredApprovals: formData.get("requiredApprovals") || 1,
    blockOnHealth: formData.get("blockOnHealth") === "on",
  });
  if (!parsed.success)
    return { status: "error", message: zodFieldErrors(parsed.error)[0]?.message ?? "Check the values." };
  try {
    await addEnvironment(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
  revalidatePath("/admin/environments");
  return { status: "saved" };
}
