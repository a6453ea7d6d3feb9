import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { HealthReason, HealthSignal, ObjectHealthState } from "@/lib/monitoring/health";
import { HEALTH_STATE_LABELS } from "@/lib/monitoring/health";
import { monitoringHref } from "@/lib/routes";

const SIGNAL_LABELS: Record<HealthSignal, string> = {
  freshness: "Freshness",
  latency: "Latency",
  error_rate: "Errors",
  drift: "Drift",
  skew: "Skew",
  alert: "Alert",
};

/** Why an object is not healthy: one line per signal, each linking to the object it is about. */
export function HealthReasons({ reasons, state }: { reasons: HealthReason[]; state: ObjectHealthState }) {
  if (reasons.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="health-reasons-empty">
        {state === "no_data"
          ? "No data: nothing it serves is measured in this environment (no runs, traffic or profiles yet)."
          : "Healthy: every measured signal is within its limit."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid="health-reasons">
      {reasons.map((reason, index) => (
        <li key={index} className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="health-reason">
          <Badge tone={reason.state === "failing" ? "bad" : "warn"}>{HEALTH_STATE_LABELS[reason.state]}</Badge>
          <span className="w-20 shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500">
            {SIGNAL_LABELS[reason.signal]}
          </span>
          <Link href={reason.href} className="min-w-0 flex-1 text-brand-700 hover:underline">
            {reason.message}
          </Link>
          {reason.service ? (
            <span className="text-xs text-slate-500">
              via{" "}
              <Link href={monitoringHref("feature_service", reason.service.id)} className="hover:underline">
                {reason.service.name}
              </Link>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
