import Link from "next/link";
import { ObjectHealthBadge } from "@/components/health/object-health-badge";
import { CountCard } from "@/components/ui/count-card";
import type { HealthReason, ObjectHealthState } from "@/lib/monitoring/health";
import { monitoringHref } from "@/lib/routes";

/** The home page's answer to "is my model at risk?": each model at risk or failing, with its worst reason. */
export function ModelsAtRisk({
  models,
}: {
  models: { id: string; name: string; state: ObjectHealthState; reasons: HealthReason[] }[];
}) {
  return (
    <div className="mb-4">
      <CountCard
        title="Models at risk"
        count={models.length}
        empty="Every model with monitored features is healthy."
        testId="models-at-risk"
        listTestId="models-at-risk-list"
      >
        {models.map((model) => (
          <li key={model.id} className="flex flex-wrap items-center justify-between gap-2">
            <span className="flex min-w-0 items-center gap-2">
              <Link
                className="truncate font-medium text-brand-700 hover:underline"
                href={monitoringHref("model", model.id)}
              >
                {model.name}
              </Link>
              <ObjectHealthBadge health={{ state: model.state, reasons: model.reasons }} />
            </span>
            <span className="min-w-0 text-slate-600">
              {model.reasons[0]?.message}
              {model.reasons.length > 1 ? ` (+${model.reasons.length - 1} more)` : ""}
            </span>
          </li>
        ))}
      </CountCard>
    </div>
  );
}
