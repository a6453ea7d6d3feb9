import { HEALTH_COLORS, KIND_COLORS } from "@/lib/lineage/svg";
import { KIND_LABELS } from "@/lib/kinds";
import type { NodeKind } from "@/lib/lineage/types";

const HEALTH_ENTRIES = [
  ["ok", "Healthy: fresh, within budget, no drift"],
  ["warn", "Warning: drift / skew warning or open warning alert"],
  ["bad", "Problem: stale beyond SLA, p99 over budget, drift alert or critical alert"],
  ["unknown", "Not measured in this environment"],
] as const;

/** Explains node border colours, badges and kind stripes. */
export function HealthLegend({ kinds, hasHealth }: { kinds: readonly NodeKind[]; hasHealth: boolean }) {
  return (
    <details className="max-w-sm rounded-md border border-slate-200 bg-white/95 text-xs shadow-sm">
      <summary className="cursor-pointer select-none px-2 py-1 font-medium text-slate-700">Legend</summary>
      <div className="space-y-2 px-2 pb-2" data-testid="health-legend">
        {hasHealth ? (
          <ul className="space-y-0.5">
            {HEALTH_ENTRIES.map(([status, text]) => (
              <li key={status} className="flex items-center gap-1.5">
                <span
                  aria-hidden
                  className="inline-block h-3 w-3 rounded-sm border-2"
                  style={{ borderColor: HEALTH_COLORS[status] }}
                />
                {text}
              </li>
            ))}
            <li className="text-slate-500">
              Badge: the most pressing problem (e.g. “stale 3d”, “p99 73ms”, “drift”), +N more.
            </li>
            <li className="text-slate-500">
              Services and models: “at risk” (warning) or “failing” (problem) from their latency, errors and what they
              serve.
            </li>
          </ul>
        ) : (
          <p className="text-slate-500">Choose an environment to see health.</p>
        )}
        <ul className="grid grid-cols-2 gap-x-2 gap-y-0.5">
          {kinds.map((kind) => (
            <li key={kind} className="flex items-center gap-1.5">
              <span
                aria-hidden
                className="inline-block h-3 w-1.5 rounded-sm"
                style={{ background: KIND_COLORS[kind] }}
              />
              {KIND_LABELS[kind].one}
            </li>
          ))}
        </ul>
        <p className="text-slate-500">
          +N / − on a node&apos;s sides: expand or collapse its upstream / downstream. ↻: on a cycle.
        </p>
      </div>
    </details>
  );
}
