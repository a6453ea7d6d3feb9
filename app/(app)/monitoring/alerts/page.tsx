import Link from "next/link";
import type { Metadata } from "next";
import { AlertList } from "@/components/monitoring/alert-list";
import { AutoRefresh } from "@/components/monitoring/auto-refresh";
import { Card } from "@/components/ui/card";
import { type AlertState } from "@/lib/data/alerts";
import { listAlerts } from "@/lib/server/alerts";
import { roleAtLeast } from "@/lib/data/users";
import { MonitoringHeader } from "../header";
import { monitoringPageScope, type SearchParams } from "../scope";

export const metadata: Metadata = { title: "Alerts" };

const STATES: { value: AlertState; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "snoozed", label: "Snoozed" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const [scope, raw] = await Promise.all([monitoringPageScope(searchParams), searchParams]);
  const state = STATES.find((candidate) => candidate.value === raw.state)?.value ?? "open";
  const alerts = await listAlerts({
    workspaceId: scope.workspaceId,
    environmentId: scope.environment.id,
    state,
    since: state === "resolved" || state === "all" ? scope.from : undefined,
  });
  const link = (value: AlertState) => {
    const params = new URLSearchParams(scope.search);
    params.set("state", value);
    return `/monitoring/alerts?${params.toString()}`;
  };
  return (
    <>
      <AutoRefresh />
      <MonitoringHeader
        title="Alerts"
        description="Raised by the rules when a view is stale beyond its SLA, a service's p99 is over budget or its error rate too high, or a feature's statistic is over its threshold. Acknowledging hides an alert's badge; it ends when its condition does."
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
      />
      <nav aria-label="Alert state" className="mb-4 flex flex-wrap gap-2 text-sm">
        {STATES.map((candidate) => (
          <Link
            key={candidate.value}
            href={link(candidate.value)}
            aria-current={candidate.value === state ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${candidate.value === state ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
          >
            {candidate.label}
          </Link>
        ))}
      </nav>
      <Card title={`${STATES.find((candidate) => candidate.value === state)!.label} alerts (${alerts.length})`}>
        <AlertList alerts={alerts} canAcknowledge={roleAtLeast(scope.context.role, "author")} search={scope.search} />
      </Card>
    </>
  );
}
