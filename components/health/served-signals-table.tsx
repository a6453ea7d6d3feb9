import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { DistributionHealth, FreshnessHealth } from "@/lib/lineage/health";
import { formatDuration } from "@/lib/format";
import type { ServiceSignals } from "@/lib/monitoring/health";
import { monitoringHref } from "@/lib/routes";

function FreshnessCell({ freshness }: { freshness: FreshnessHealth | undefined }) {
  if (!freshness || freshness.stalenessSeconds === null || freshness.slaSeconds === null) {
    return <span className="text-slate-500">no data</span>;
  }
  const tone: Tone = freshness.status === "stale" ? "bad" : "good";
  return (
    <Badge tone={tone}>
      {freshness.status} · {formatDuration(freshness.stalenessSeconds)} / SLA {formatDuration(freshness.slaSeconds)}
    </Badge>
  );
}

function PsiCell({ part }: { part: (DistributionHealth & { alertLevel?: number }) | undefined }) {
  if (!part) return <span className="text-slate-500">no data</span>;
  const tone: Tone = part.status === "alert" ? "bad" : part.status === "warn" ? "warn" : "good";
  return (
    <Badge tone={tone} title={part.alertLevel === undefined ? undefined : `Alert level ${part.alertLevel}`}>
      {part.status} · PSI {part.psi.toFixed(2)}
    </Badge>
  );
}

/** Every feature a service serves, with its view's freshness, its drift and skew, and open alerts. */
export function ServedSignalsTable({ signals }: { signals: ServiceSignals }) {
  if (signals.features.length === 0) return <p className="text-sm text-slate-600">This service serves no features.</p>;
  const views = new Map(signals.views.map((view) => [view.name, view]));
  return (
    <Table
      caption={`Features served by ${signals.name}`}
      head={
        <>
          <Th>Feature</Th>
          <Th>View freshness</Th>
          <Th>Drift</Th>
          <Th>Skew</Th>
          <Th>Open alerts</Th>
        </>
      }
    >
      {signals.features.map((feature) => {
        const view = views.get(feature.viewName);
        const alerts = (feature.alerts?.count ?? 0) + (view?.alerts?.count ?? 0);
        return (
          <tr key={feature.id} data-testid="served-feature">
            <Td>
              <Link href={monitoringHref("feature", feature.id)} className="font-medium text-brand-700 hover:underline">
                {feature.name}
              </Link>
              <span className="text-slate-500">
                {" "}
                ·{" "}
                {view ? (
                  <Link href={monitoringHref("feature_view", view.id)} className="hover:underline">
                    {feature.viewName}
                  </Link>
                ) : (
                  feature.viewName
                )}
              </span>
            </Td>
            <Td>
              <FreshnessCell freshness={view?.freshness} />
            </Td>
            <Td>
              <PsiCell part={feature.drift} />
            </Td>
            <Td>
              <PsiCell part={feature.skew} />
            </Td>
            <Td className="tabular-nums">{alerts || "—"}</Td>
          </tr>
        );
      })}
    </Table>
  );
}
