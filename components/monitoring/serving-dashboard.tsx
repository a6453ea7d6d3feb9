"use client";

import dynamic from "next/dynamic";
import { ChartsLoading } from "@/components/monitoring/charts-loading";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { useMonitoringData } from "@/components/monitoring/query";
import { RefreshStatus } from "@/components/monitoring/refresh-status";
import { Stat, SummaryNote } from "@/components/monitoring/stat";
import type { ServingDetail } from "@/lib/data/monitoring";
import { summaryState, worstWindow } from "@/lib/monitoring/summary";

// The charts (Recharts, most of this page's JavaScript) load after first paint; the numbers don't wait.
const ServingCharts = dynamic(
  () => import("@/components/monitoring/serving-charts").then((module) => module.ServingCharts),
  { ssr: false, loading: () => <ChartsLoading count={3} /> },
);

const RESOLUTION: Record<number, string> = { 60: "per minute", 3600: "hourly rollups", 86400: "daily rollups" };

export function ServingDashboard({ initialData }: { initialData: ServingDetail }) {
  const { data, isFetching, error } = useMonitoringData("serving", initialData.service.id, initialData);
  const { service, summary, range } = data;
  const worst = worstWindow(data.points, (point) => point.p99);
  const state = summaryState({
    value: summary.p99,
    limit: service.budgetMs,
    worst: worst?.value ?? null,
    firing: data.firing,
  });
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-4" aria-live="polite">
        <Stat
          label={`p99 over the range${summary.isApproximate ? " (approximate)" : ""}`}
          value={summary.p99 === null ? "–" : `${summary.p99.toFixed(1)} ms`}
          tone={state.tone}
          note={
            <SummaryNote
              label={state.label}
              worst={worst ? `worst window ${worst.value.toFixed(1)} ms at ${formatDateTime(worst.at)}` : null}
              firingAlertId={data.firing?.id ?? null}
            />
          }
          testId="summary-p99"
        />
        <Stat label="Budget (p99)" value={service.budgetMs === null ? "none" : `${service.budgetMs} ms`} />
        <Stat label="Requests" value={formatNumber(summary.requestCount)} />
        <Stat label="Error rate" value={formatPercent(summary.errorRate)} />
      </div>
      <p className="text-xs text-slate-500">
        Resolution: {RESOLUTION[range.bucketSeconds]}.{" "}
        {summary.isApproximate
          ? "Combined percentiles are approximate: without latency histograms they are request-weighted means of each bucket's percentiles."
          : "Combined percentiles are exact (merged latency histograms)."}{" "}
        <RefreshStatus isFetching={isFetching} error={error} />
      </p>
      <ServingCharts data={data} />
    </div>
  );
}
