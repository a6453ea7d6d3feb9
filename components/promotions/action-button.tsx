"use client";

import { useActionState, type ReactNode } from "react";
import type { PromotionActionState } from "@/app/(app)/promotions/actions";
import { Button } from "@/components/ui/button";

type Action = (prev: PromotionActionState, formData: FormData) => Promise<PromotionActionState>;

/** One button posting a server action for a request, with its outcome announced beside it. */
export function ActionButton({
  action,
  number,
  variant = "secondary",
  children,
  confirm,
}: {
  action: Action;
  number: number;
  variant?: "primary" | "secondary" | "danger";
  children: ReactNode;
  confirm?: string;
}) {
  const [state, formAction, isPending] = useActionState<PromotionActionState, FormData>(action, { status: "idle" });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="number" value={number} />
      <Button type="submit" variant={variant} disabled={isPending}>
        {children}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : state.status === "done" ? (
        <span role="status" className="text-xs text-emerald-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
