"use client";

import { useActionState, useState } from "react";
import { createApiTokenAction, type ActionState } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";

const SCOPES = [
  { value: "read", description: "read the registry" },
  { value: "ingest", description: "push monitoring data" },
  { value: "apply", description: "plan and apply definitions" },
] as const;

export function CreateTokenForm() {
  const [state, action, isPending] = useActionState<ActionState, FormData>(createApiTokenAction, { status: "idle" });
  const [copied, setCopied] = useState(false);
  const fieldError = (name: string) => (state.status === "error" ? state.fields?.[name] : undefined);
  return (
    <div className="space-y-4">
      {state.status === "created" ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-800">
            Token “{state.name}” created. Copy it now: it is shown only once.
          </p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 text-xs">
            {state.token}
          </code>
          <Button
            type="button"
            variant="secondary"
            className="mt-2"
            onClick={() => navigator.clipboard?.writeText(state.token).then(() => setCopied(true))}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : null}
      <form action={action} className="space-y-3" noValidate>
        <div>
          <label htmlFor="token-name" className="mb-1 block text-sm font-medium">
            Name
          </label>
          <input
            id="token-name"
            name="name"
            placeholder="e.g. tecton-prod-ingest"
            aria-invalid={Boolean(fieldError("name"))}
            aria-describedby={fieldError("name") ? "token-name-error" : undefined}
            className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          {fieldError("name") ? (
            <p id="token-name-error" className="mt-1 text-xs text-red-700">
              {fieldError("name")}
            </p>
          ) : null}
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope.value} defaultChecked={scope.value === "read"} />
              <span className="font-medium">{scope.value}</span>{" "}
              <span className="text-slate-500">{scope.description}</span>
            </label>
          ))}
          {fieldError("scopes") ? <p className="mt-1 text-xs text-red-700">{fieldError("scopes")}</p> : null}
        </fieldset>
        {state.status === "error" && !state.fields ? (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
