"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { updateRuleAction, type AlertingActionState } from "@/app/(app)/monitoring/alerting-actions";
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
      <NameField error={error("name")} />
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
      {kind === "statistic" ? <StatisticSelect defaultValue="psi" /> : null}
      <ThresholdField kind={kind} error={error("threshold")} />
      <ObjectPicker kind={kind} error={error("object")} />
      <SubmitRow label="Create rule" pending={isPending} state={state} />
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

type RuleKindValue = (typeof KINDS)[number]["value"];

function NameField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <label className="block">
      <span className="mb-1 block font-medium">Name</span>
      <input
        name="name"
        defaultValue={defaultValue}
        className="w-full rounded-md border border-slate-300 px-3 py-1.5"
        aria-invalid={Boolean(error)}
      />
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </label>
  );
}

function StatisticSelect({ defaultValue }: { defaultValue: string }) {
  return (
    <label className="block">
      <span className="mb-1 block font-medium">Statistic</span>
      <select
        name="statistic"
        defaultValue={defaultValue}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
      >
        {(Object.keys(STATISTICS) as StatisticName[]).map((name) => (
          <option key={name} value={name}>
            {STATISTICS[name].label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The threshold input with what its number means for this kind of rule. */
function ThresholdField({
  kind,
  defaultValue,
  error,
}: {
  kind: RuleKindValue;
  defaultValue?: number | "";
  error?: string;
}) {
  const hintId = useId();
  return (
    <label className="block">
      <span className="mb-1 block font-medium">Threshold</span>
      <input
        name="threshold"
        inputMode="decimal"
        defaultValue={defaultValue}
        className="w-40 rounded-md border border-slate-300 px-3 py-1.5"
        aria-describedby={hintId}
        aria-invalid={Boolean(error)}
      />
      <span id={hintId} className="block text-xs text-slate-500">
        {KINDS.find((option) => option.value === kind)!.hint}
      </span>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </label>
  );
}

function SubmitRow({
  label,
  pending,
  state,
}: {
  label: string;
  pending: boolean;
  state: { status: string; message?: string };
}) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
      <p role="status" className={state.status === "error" ? "text-red-700" : "text-emerald-700"}>
        {state.status === "idle" ? "" : state.message}
      </p>
    </div>
  );
}

const OBJECT_KIND = {
  freshness: "feature_view",
  latency_p99: "feature_service",
  error_rate: "feature_service",
  statistic: "feature",
} as const;
const OBJECT_LABEL = {
  feature_view: "feature view",
  feature_service: "feature service",
  feature: "feature (view:feature)",
} as const;

/** Picks the watched object by name: suggestions from the API as you type, never a raw id. */
function ObjectPicker({
  kind,
  error,
  defaultValue = "",
}: {
  kind: (typeof KINDS)[number]["value"];
  error?: string;
  defaultValue?: string;
}) {
  const objectKind = OBJECT_KIND[kind];
  const listId = useId();
  const [query, setQuery] = useState(defaultValue);
  const [options, setOptions] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/rules/objects?kind=${objectKind}&q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { objects: [] }))
        .then((body: { objects: { name: string }[] }) => setOptions(body.objects.map((object) => object.name)))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [objectKind, query]);
  return (
    <label className="block">
      <span className="mb-1 block font-medium">Applies to ({OBJECT_LABEL[objectKind]})</span>
      <input
        name="object"
        list={listId}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        className="w-full rounded-md border border-slate-300 px-3 py-1.5"
        placeholder={`empty: every ${OBJECT_LABEL[objectKind].replace(" (view:feature)", "")}`}
        aria-invalid={Boolean(error)}
      />
      <datalist id={listId}>
        {options.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </label>
  );
}

/** Edits a rule (its kind stays): name, object, statistic, threshold. */
export function EditRuleForm({
  rule,
}: {
  rule: {
    id: string;
    name: string;
    kind: (typeof KINDS)[number]["value"];
    objectName: string | null;
    statistic: string | null;
    threshold: number | null;
  };
}) {
  const [state, action, isPending] = useActionState<AlertingActionState, FormData>(updateRuleAction, {
    status: "idle",
  });
  const error = (name: string) => (state.status === "error" ? state.fields?.[name] : undefined);
  return (
    <form action={action} className="space-y-3 text-sm" noValidate>
      <input type="hidden" name="ruleId" value={rule.id} />
      <NameField defaultValue={rule.name} error={error("name")} />
      <p>
        <span className="font-medium">Condition:</span> {KINDS.find((option) => option.value === rule.kind)!.label}
      </p>
      {rule.kind === "statistic" ? <StatisticSelect defaultValue={rule.statistic ?? "psi"} /> : null}
      <ThresholdField kind={rule.kind} defaultValue={rule.threshold ?? ""} error={error("threshold")} />
      <ObjectPicker kind={rule.kind} error={error("object")} defaultValue={rule.objectName ?? ""} />
      <SubmitRow label="Save rule" pending={isPending} state={state} />
    </form>
  );
}
