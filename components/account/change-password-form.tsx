"use client";

import { signOut } from "next-auth/react";
import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/lib/form-state";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

/** After a change every session has ended, this one too: go to the sign-in page. */
export function ChangePasswordForm({
  action,
  maxLength,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  maxLength: number;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Change password"
      pendingLabel="Changing…"
      className="max-w-sm space-y-3"
      onDone={() => void signOut({ callbackUrl: "/login?changed=1" })}
    >
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className="mb-1 block text-sm font-medium">
            {field.label}
          </label>
          <input
            id={field.name}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
            // One more than allowed, so an over-long paste gets the server's clear message.
            maxLength={maxLength + 1}
            className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </div>
      ))}
    </ActionForm>
  );
}
