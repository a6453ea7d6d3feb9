"use server";

import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { changePassword } from "@/lib/data/sessions";
import { failedForm, invalidForm, type FormState } from "@/lib/form-state";
import { requireWorkspace } from "@/lib/session";

const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    message: "The two new passwords differ.",
    path: ["confirmPassword"],
  });

/** Changes the password and ends every session, this one included: sign in again with it. */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireWorkspace();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return invalidForm(parsed.error);
  try {
    await changePassword(db(), { userId: user.id, ...parsed.data });
    return { status: "done", message: "Password changed. Every session has ended: sign in with the new password." };
  } catch (error) {
    return failedForm(error);
  }
}
