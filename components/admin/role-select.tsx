"use client";

import { useActionState, useRef } from "react";
import { changeRoleAction, type ActionState } from "@/app/(app)/admin/actions";

const ROLES = ["viewer", "author", "approver", "admin"] as const;

export function RoleSelect({
  userId,
  role,
  disabled,
  label,
}: {
  userId: string;
  role: string;
  disabled?: boolean;
  label: string;
}) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(changeRoleAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        aria-label={label}
        defaultValue={role}
        disabled={disabled || isPending}
        title={disabled ? "You cannot change your own role" : undefined}
        onChange={() => formRef.current?.requestSubmit()}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {isPending ? <span className="text-xs text-slate-500">Saving…</span> : null}
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
