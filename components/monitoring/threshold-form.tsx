"use client";

import { useActionState } from "react";
import { pinBaselineAction, saveThresholdsAction, type MonitoringActionState } from "@/app/(app)/monitoring/actions";
import { Button } from "@/components/ui/button";

interface EditableThreshold {
  statistic: string;
  label: string;
  warn: number | null;
  alert: number | null;
  isOverride: boolean;
  defaults: { warn: number; alert: number } | null;
  isHigherWorse: boolean;
}

/** Per-statistic warn/alert overrides for one feature; empty fields or "reset" mean the default. */
export function ThresholdForm({ featureId, thresholds }: { featureId: string; thresholds: EditableThreshold[] }) {
  const [state, action, isPending] = useActionState<MonitoringActionState, FormData>(saveThresholdsAction, {
    status: "idle",
  });
  const fieldError = (name: string) => (state.status === "error" ? state.fields?.[name] : undefined);
  return (
    <form action={action} className="space-y-3" aria-label="Statistic thresholds" noValidate>
      <input type="hidden" name="featureId" value={featureId} />
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1">
              Statistic
            </th>
            <th scope="col" className="py-1">
              Warn
            </th>
            <th scope="col" className="py-1">
              Alert
            </th>
            <th scope="col" className="py-1">
              Default
            </th>
          </tr>
        </thead>
        <tbody>
          {thresholds.map((threshold) => (
            <tr key={threshold.statistic}>
              <th scope="row" className="py-1 pr-2 text-left font-medium">
                {threshold.label}
                {!threshold.isHigherWorse ? (
                  <span className="block text-xs font-normal text-slate-500">lower is worse</span>
                ) : null}
              </th>
              {(["warn", "alert"] as const).map((bound) => {
                const name = `${threshold.statistic}.${bound}`;
                const error = fieldError(name);
                return (
                  <td key={bound} className="py-1 pr-2">
                    <input
                      name={name}
                      inputMode="decimal"
                      aria-label={`${threshold.label} ${bound} threshold`}
                      defaultValue={threshold.isOverride ? String(threshold[bound] ?? "") : ""}
                      placeholder={threshold.defaults ? String(threshold.defaults[bound]) : "none"}
                      aria-invalid={Boolean(error)}
                      className="w-24 rounded border border-slate-300 px-2 py-1 text-sm"
                    />
                    {error ? <p className="text-xs text-red-700">{error}</p> : null}
                  </td>
                );
              })}
              <td className="py-1 text-xs text-slate-500">
                {threshold.defaults ? `${threshold.defaults.warn} / ${threshold.defaults.alert}` : "none"}
                {threshold.isOverride ? (
                  <label className="ml-2 inline-flex items-center gap-1">
                    <input type="checkbox" name={`${threshold.statistic}.reset`} /> reset
                  </label>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save thresholds"}
        </Button>
        <p role="status" className={`text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {state.status === "idle" ? "" : state.message}
        </p>
      </div>
    </form>
  );
}

/** Pins a window of online profiles as the drift baseline, or removes the pin. */
export function PinBaselineForm({
  featureId,
  environmentId,
  pinned,
}: {
  featureId: string;
  environmentId: string;
  pinned: { windowStart: string; windowEnd: string } | null;
}) {
  const [state, action, isPending] = useActionState<MonitoringActionState, FormData>(pinBaselineAction, {
    status: "idle",
  });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Pinned baseline window">
      <input type="hidden" name="featureId" value={featureId} />
      <input type="hidden" name="environmentId" value={environmentId} />
      <label className="flex flex-col text-xs text-slate-600">
        From (UTC day)
        <input
          type="date"
          name="windowStart"
          defaultValue={pinned?.windowStart.slice(0, 10)}
          className="rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        To (UTC day, exclusive)
        <input
          type="date"
          name="windowEnd"
          defaultValue={pinned?.windowEnd.slice(0, 10)}
          className="rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <Button type="submit" name="intent" value="pin" variant="secondary" disabled={isPending}>
        Pin window
      </Button>
      {pinned ? (
        <Button type="submit" name="intent" value="unpin" variant="ghost" disabled={isPending}>
          Unpin
        </Button>
      ) : null}
      <p role="status" className={`w-full text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
        {state.status === "idle" ? "" : state.message}
      </p>
    </form>
  );
}
