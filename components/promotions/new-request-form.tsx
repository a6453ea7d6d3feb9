"use client";

import { KIND_LABELS } from "@/lib/kinds";
import type { DefinitionKind } from "@/lib/definitions/schema";
import { useActionState, useState } from "react";
import { createPromotionAction, type PromotionActionState } from "@/app/(app)/promotions/actions";
import { Button } from "@/components/ui/button";

export interface CandidateOption {
  value: string;
  kind: DefinitionKind;
  name: string;
  sourceVersion: number;
  targetVersion: number | null;
}

export function NewRequestForm({
  source,
  target,
  candidates,
  preselected,
}: {
  source: string;
  target: string;
  candidates: CandidateOption[];
  preselected: string[];
}) {
  const [state, formAction, isPending] = useActionState<PromotionActionState, FormData>(createPromotionAction, {
    status: "idle",
  });
  const [selected, setSelected] = useState<Set<string>>(() => new Set(preselected));
  const [title, setTitle] = useState("");
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  const toggle = (value: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });
  const chosen = candidates.filter((candidate) => selected.has(candidate.value));
  const suggestedTitle = chosen.length
    ? `Promote ${chosen.map((candidate) => candidate.name).join(", ")} to ${target}`
    : "";
  return (
    <form action={formAction} className="space-y-6">
      <input type="hidden" name="sourceEnvironment" value={source} />
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">
          Versions active in {source} that differ from {target}
        </legend>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {candidates.map((candidate) => (
            <li key={candidate.value} className="flex items-center gap-3 px-3 py-2 text-sm">
              <input
                id={`item-${candidate.value}`}
                type="checkbox"
                name="item"
                value={candidate.value}
                checked={selected.has(candidate.value)}
                onChange={() => toggle(candidate.value)}
                className="h-4 w-4"
              />
              <label htmlFor={`item-${candidate.value}`} className="flex flex-1 flex-wrap items-center gap-2">
                <span className="text-xs uppercase tracking-wide text-slate-500">
                  {KIND_LABELS[candidate.kind].one}
                </span>
                <span className="font-medium">{candidate.name}</span>
                <span className="text-slate-600">
                  v{candidate.sourceVersion}{" "}
                  {candidate.targetVersion ? `(${target} has v${candidate.targetVersion})` : `(new in ${target})`}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {fields.items ? <p className="mt-1 text-sm text-red-700">{fields.items}</p> : null}
      </fieldset>
      <div>
        <label htmlFor="title" className="block text-sm font-medium text-slate-700">
          Title
        </label>
        <input
          id="title"
          name="title"
          value={title || suggestedTitle}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={200}
          required
          aria-invalid={fields.title ? true : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {fields.title ? <p className="mt-1 text-sm text-red-700">{fields.title}</p> : null}
      </div>
      <div>
        <label htmlFor="description" className="block text-sm font-medium text-slate-700">
          Description
        </label>
        <textarea
          id="description"
          name="description"
          rows={5}
          placeholder="Why this change, how it was tested in the source, what reviewers should look at."
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={isPending || selected.size === 0}>
        {isPending ? "Opening and running checks…" : `Request promotion to ${target}`}
      </Button>
    </form>
  );
}
