"use client";

import { useActionState, useState } from "react";
import { channelAction, createChannelAction, type AlertingActionState } from "@/app/(app)/monitoring/alerting-actions";
import { Button } from "@/components/ui/button";

const field = "w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";
const TARGET = {
  webhook: { label: "Webhook URL", hint: "http(s) URL; requests are signed (X-Featureline-Signature)." },
  slack: { label: "Slack incoming-webhook URL", hint: "https://hooks.slack.com/services/…" },
  email: { label: "Email addresses", hint: "Comma-separated; sent through the server's SMTP settings." },
} as const;

export function CreateChannelForm({ teams }: { teams: { id: string; name: string }[] }) {
  const [state, action, isPending] = useActionState<AlertingActionState, FormData>(createChannelAction, {
    status: "idle",
  });
  const [kind, setKind] = useState<keyof typeof TARGET>("webhook");
  const error = (name: string) => (state.status === "error" ? state.fields?.[name] : undefined);
  return (
    <form action={action} className="space-y-3 text-sm" noValidate>
      <label className="block">
        <span className="mb-1 block font-medium">Name</span>
        <input name="name" className={field} aria-invalid={Boolean(error("name"))} />
        {error("name") ? <span className="text-xs text-red-700">{error("name")}</span> : null}
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">Kind</span>
        <select
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as keyof typeof TARGET)}
          className={field}
        >
          <option value="webhook">Webhook (signed JSON)</option>
          <option value="slack">Slack</option>
          <option value="email">Email</option>
        </select>
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">{TARGET[kind].label}</span>
        <input
          name="target"
          className={field}
          autoComplete="off"
          aria-describedby="target-hint"
          aria-invalid={Boolean(error("target"))}
        />
        <span id="target-hint" className="block text-xs text-slate-500">
          {TARGET[kind].hint} Not shown again after saving.
        </span>
        {error("target") ? <span className="text-xs text-red-700">{error("target")}</span> : null}
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          <span className="mb-1 block font-medium">Severity</span>
          <select name="minSeverity" defaultValue="warning" className={field}>
            <option value="warning">Warning and critical</option>
            <option value="critical">Critical only</option>
          </select>
        </label>
        <label className="block">
          <span className="mb-1 block font-medium">Objects of team</span>
          <select name="teamId" defaultValue="" className={field} aria-invalid={Boolean(error("teamId"))}>
            <option value="">Every team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          Create channel
        </Button>
        <p role="status" className={state.status === "error" ? "text-red-700" : "text-emerald-700"}>
          {state.status === "idle" ? "" : state.message}
        </p>
      </div>
      {state.status === "saved" && state.secret ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="signing-secret">
          <p className="font-medium">Signing secret (shown once; copy it into your receiver now):</p>
          <code className="block break-all">{state.secret}</code>
        </div>
      ) : null}
    </form>
  );
}

/** A channel row's buttons; the test result is said beside them. */
export function ChannelRowActions({ channelId, name, enabled }: { channelId: string; name: string; enabled: boolean }) {
  const [state, action, isPending] = useActionState<AlertingActionState, FormData>(channelAction, {
    status: "idle",
  });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="channelId" value={channelId} />
      <Button
        type="submit"
        name="intent"
        value="test"
        variant="secondary"
        disabled={isPending}
        aria-label={`Send test to ${name}`}
      >
        Send test
      </Button>
      <Button type="submit" name="intent" value={enabled ? "disable" : "enable"} variant="ghost" disabled={isPending}>
        {enabled ? "Disable" : "Enable"}
      </Button>
      <Button
        type="submit"
        name="intent"
        value="delete"
        variant="ghost"
        disabled={isPending}
        aria-label={`Delete ${name}`}
      >
        Delete
      </Button>
      <span role="status" className={`text-xs ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
