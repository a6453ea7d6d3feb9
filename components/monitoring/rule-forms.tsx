"use client";

import { useActionState, useState } from "react";
import { createRuleAction, setRetentionAction, type MonitoringActionState } from "@/app/(app)/monitoring/actions";
import { Button } from "@/components/ui/button";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";

const KINDS = [
  { value: "freshness", label: "Stale beyond SLA", hint: "Threshold: multiple of the view's SLA (empty = 1)" },
  { value: "latency_p99", label: "p99 over budget", hint: "Threshold: ms (empty = the service's budget)" },
  { value: "error_rate", label: "Error rate", hint: "Threshold: fraction, e.g. 0.01 for 1% (empty = 0.01)" },
  {
    value: "statistic",
    label: "Statistic over threshold",
    hint: "Threshold: alert level (empty = the feature's threshold)",
  },
] as const;

export function CreateRuleForm() {
  const [state, action, isPending] = useActionState<MonitoringActionState, FormData>(createRuleAction, {
    status: "idle",
  });
  const [kind, setKind] = useState<(typeof KINDS)[number]["value"]>("freshness");
  const error = (name: string) => (state.status === "error" ? state.fields?.[name] : undefined);
  return (
    <form action={action} className="space-y-3 text-sm" noValidate>
      <label className="block">
        <span className="mb-1 block font-medium">Name</span>
        <input
          name="name"
          className="w-full rounded-md border border-slate-300 px-3 py-1.5"
          aria-invalid={Boolean(error("name"))}
        />
        {error("name") ? <span className="text-xs text-red-700">{error("name")}</span> : null}
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">Condition</span>
        <select
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as typeof kind)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {kind === "statistic" ? (
        <label className="block">
          <span className="mb-1 block font-medium">Statistic</span>
          <select
            name="statistic"
            defaultValue="psi"
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {(Object.keys(STATISTICS) as StatisticName[]).map((name) => (
              <option key={name} value={name}>
                {STATISTICS[name].label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="block">
        <span className="mb-1 block font-medium">Threshold</span>
        <input
          name="threshold"
          inputMode="decimal"
          className="w-40 rounded-md border border-slate-300 px-3 py-1.5"
          aria-describedby="threshold-hint"
          aria-invalid={Boolean(error("threshold"))}
        />
        <span id="threshold-hint" className="block text-xs text-slate-500">
          {KINDS.find((option) => option.value === kind)!.hint}
        </span>
        {error("threshold") ? <span className="text-xs text-red-700">{error("threshold")}</span> : null}
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">Object id (optional)</span>
        <input
          name="objectId"
          className="w-full rounded-md border border-slate-300 px-3 py-1.5"
          placeholder="empty: every object of the kind"
        />
        {error("objectId") ? <span className="text-xs text-red-700">{error("objectId")}</span> : null}
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          Create rule
        </Button>
        <p role="status" className={state.status === "error" ? "text-red-700" : "text-emerald-700"}>
          {state.status === "idle" ? "" : state.message}
        </p>
      </div>
    </form>
  );
}

export function RetentionForm({ days }: { days: number }) {
  const [state, action, isPending] = useActionState<MonitoringActionState, FormData>(setRetentionAction, {
    status: "idle",
  });
  const error = state.status === "error" ? state.fields?.rawRetentionDays : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm" noValidate>
      <label className="flex flex-col text-xs text-slate-600">
        Keep raw minutes (days)
        <input
          name="rawRetentionDays"
          type="number"
          min={2}
          max={400}
          defaultValue={days}
          aria-invalid={Boolean(error)}
          className="w-28 rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={isPending}>
        Save
      </Button>
      <p role="status" className={`w-full ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
        {error ?? (state.status === "idle" ? "" : state.message)}
      </p>
    </form>
  );
}
