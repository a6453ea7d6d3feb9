"use server";

import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE } from "@/lib/auth/password";
import { changePassword } from "@/lib/server/sessions";

type Done = { status: "done"; message: string };
export type ChangePasswordState = ActionState<Done>;

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
export const changePasswordAction = formAction(
  "changePassword",
  {
    schema: changePasswordSchema,
    read: (form) => ({
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
      confirmPassword: form.get("confirmPassword"),
    }),
  },
  async (input, { user }): Promise<Done> => {
    await changePassword({ userId: user.id, ...input });
    return { status: "done", message: "Password changed. Every session has ended: sign in with the new password." };
  },
);
