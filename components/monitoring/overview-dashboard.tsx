"use client";

import Link from "next/link";
import { formatDuration, formatPercent, formatStatistic } from "@/lib/format";
import { useMonitoringData } from "@/components/monitoring/query";
import { RefreshStatus } from "@/components/monitoring/refresh-status";
import { Badge } from "@/components/ui/badge";
import { CountCard } from "@/components/ui/count-card";
import type { AlertListItem } from "@/lib/data/alerts";
import type { MonitoringOverview } from "@/lib/data/monitoring";

type OverviewData = MonitoringOverview & { openAlerts: AlertListItem[] };

/** What is unhealthy now, each item linking to its detail; polls so it stays current. */
export function OverviewDashboard({ initialData, search }: { initialData: OverviewData; search: string }) {
  const { data, isFetching, error } = useMonitoringData("overview", null, initialData);
  const link = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500" aria-live="polite">
        {data.environment.name} · refreshes every 30 s
        <RefreshStatus isFetching={isFetching} error={error} />
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <CountCard
          title="Stale feature views"
          count={data.staleViews.length}
          total={data.counts.views}
          testId="overview-stale"
          empty="Every materialised view is within its freshness SLA."
        >
          {data.staleViews.map((view) => (
            <li key={view.id} className="flex justify-between gap-2">
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={link(`/monitoring/freshness/${view.id}`)}
              >
                {view.name}
              </Link>
              <span className="text-slate-600">
                {formatDuration(view.stalenessSeconds)} old · SLA {formatDuration(view.slaSeconds)}
                {view.lastRunStatus === "failed" ? <Badge tone="bad">last run failed</Badge> : null}
              </span>
            </li>
          ))}
        </CountCard>
        <CountCard
          title="Services over their p99 budget (last hour)"
          count={data.servicesOverBudget.length}
          total={data.counts.services}
          testId="overview-latency"
          empty="Every service is within its latency budget."
        >
          {data.servicesOverBudget.map((service) => (
            <li key={service.id} className="flex justify-between gap-2">
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={link(`/monitoring/serving/${service.id}`)}
              >
                {service.name}
              </Link>
              <span className="text-slate-600">
                p99 ≈ {service.p99Ms?.toFixed(1)} ms · budget{" "}
                {service.budgetMs === null ? "none" : `${service.budgetMs} ms`}
              </span>
            </li>
          ))}
        </CountCard>
        <CountCard
          title="Services with errors above 1% (last hour)"
          count={data.servicesWithErrors.length}
          total={data.counts.services}
          testId="overview-errors"
          empty="No service's error rate is above 1%."
        >
          {data.servicesWithErrors.map((service) => (
            <li key={service.id} className="flex justify-between gap-2">
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={link(`/monitoring/serving/${service.id}`)}
              >
                {service.name}
              </Link>
              <span className="text-slate-600">{formatPercent(service.errorRate)}</span>
            </li>
          ))}
        </CountCard>
        <CountCard
          title="Skewed or drifting features"
          count={data.unhealthyFeatures.length}
          total={data.counts.features}
          testId="overview-drift"
          empty="No feature is over its skew or drift thresholds."
        >
          {data.unhealthyFeatures.map((feature) => (
            <li key={feature.featureId} className="flex justify-between gap-2">
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={link(`/monitoring/features/${feature.featureId}`)}
              >
                {feature.featureView.name}:{feature.name}
              </Link>
              <span className="text-slate-600">
                {feature.drift?.worst === "alert" ? `drift PSI ${formatStatistic(feature.drift.values.psi)}` : null}
                {feature.drift?.worst === "alert" && feature.skew?.worst === "alert" ? " · " : null}
                {feature.skew?.worst === "alert" ? `skew PSI ${formatStatistic(feature.skew.values.psi)}` : null}
              </span>
            </li>
          ))}
        </CountCard>
      </div>
      <CountCard title="Open alerts" count={data.openAlerts.length} testId="overview-alerts" empty="No open alerts.">
        {data.openAlerts.slice(0, 20).map((alert) => (
          <li key={alert.id} className="flex flex-wrap justify-between gap-2">
            <span>
              <Badge tone={alert.severity === "critical" ? "bad" : "warn"}>{alert.severity}</Badge> {alert.message}
            </span>
            <Link className="text-brand-700 hover:underline" href={link("/monitoring/alerts")}>
              {alert.ruleName}
            </Link>
          </li>
        ))}
      </CountCard>
    </div>
  );
}
