"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TIME_RANGES, type TimeRangeName } from "@/lib/validations/monitoring";

const LABELS: Record<TimeRangeName, string> = {
  "1h": "1 h",
  "24h": "24 h",
  "7d": "7 d",
  "30d": "30 d",
  custom: "Custom",
};

/** Time range and environment, kept in the URL so every dashboard view is a shareable link. */
export function TimeRangePicker({
  environments,
  environment,
  showRange = true,
}: {
  environments: { name: string }[];
  environment: string;
  showRange?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = (params.get("range") as TimeRangeName | null) ?? "24h";
  const [isCustomOpen, setCustomOpen] = useState(range === "custom");
  const [from, setFrom] = useState(toLocalInput(params.get("from")));
  const [to, setTo] = useState(toLocalInput(params.get("to")));

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `${pathname}?${next.toString()}`;
  };
  const navigate = (changes: Record<string, string | null>) => router.push(hrefWith(changes));
  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to) return;
    navigate({ range: "custom", from: new Date(`${from}Z`).toISOString(), to: new Date(`${to}Z`).toISOString() });
  };

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="time-range-picker">
      {showRange ? (
        <div
          role="group"
          aria-label="Time range"
          className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white"
        >
          {TIME_RANGES.map((name) => {
            const isActive = name === "custom" ? isCustomOpen || range === "custom" : range === name && !isCustomOpen;
            const className = `px-3 py-1.5 text-sm ${isActive ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-50"}`;
            if (name === "custom") {
              return (
                <button
                  key={name}
                  type="button"
                  aria-pressed={isActive}
                  onClick={() => setCustomOpen(true)}
                  className={className}
                >
                  {LABELS[name]}
                </button>
              );
            }
            // Links, so the preset ranges work before hydration and open in a new tab.
            return (
              <Link
                key={name}
                href={hrefWith({ range: name, from: null, to: null })}
                aria-current={isActive ? "true" : undefined}
                onClick={() => setCustomOpen(false)}
                className={className}
              >
                {LABELS[name]}
              </Link>
            );
          })}
        </div>
      ) : null}
      {showRange && isCustomOpen ? (
        <form onSubmit={applyCustom} className="flex flex-wrap items-end gap-2 text-sm">
          <label className="flex flex-col text-xs text-slate-600">
            From (UTC)
            <input
              type="datetime-local"
              required
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            To (UTC)
            <input
              type="datetime-local"
              required
              value={to}
              onChange={(e) => setTo(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Apply
          </button>
        </form>
      ) : null}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        Environment
        <select
          value={environment}
          onChange={(event) => navigate({ env: event.target.value })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {environments.map((env) => (
            <option key={env.name} value={env.name}>
              {env.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function toLocalInput(value: string | null): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 16);
}
