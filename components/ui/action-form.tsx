"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";

/**
 * A form posting to a server action that answers with a FormState: shows the action's message
 * (an error as an alert, a success as a status) and disables the button while it runs.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  confirmMessage,
  variant = "primary",
  className = "",
  onDone,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  confirmMessage?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  onDone?: () => void;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(
    async (previous, formData) => {
      const next = await action(previous, formData);
      if (next.status === "done") onDone?.();
      return next;
    },
    { status: "idle" },
  );
  return (
    <form
      action={formAction}
      className={className}
      noValidate
      onSubmit={(event) => {
        if (confirmMessage && !window.confirm(confirmMessage)) event.preventDefault();
      }}
    >
      {children}
      <Button type="submit" variant={variant} disabled={isPending}>
        {isPending ? (pendingLabel ?? "Saving…") : submitLabel}
      </Button>
      {state.status === "error" ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
      {state.status === "done" ? (
        <p role="status" className="mt-1 text-xs text-emerald-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
