"use client";

import dynamic from "next/dynamic";
import { ChartsLoading } from "@/components/monitoring/charts-loading";
import { formatDateTime, formatDuration } from "@/lib/format";
import { summaryState, worstWindow } from "@/lib/monitoring/summary";
import { useMonitoringData } from "@/components/monitoring/query";
import { RefreshStatus } from "@/components/monitoring/refresh-status";
import { Stat, SummaryNote } from "@/components/monitoring/stat";
import type { FreshnessDetail } from "@/lib/data/monitoring";

// The charts (Recharts, most of this page's JavaScript) load after first paint; the numbers don't wait.
const FreshnessCharts = dynamic(
  () => import("@/components/monitoring/freshness-charts").then((module) => module.FreshnessCharts),
  { ssr: false, loading: () => <ChartsLoading count={3} /> },
);

export function FreshnessDashboard({ initialData }: { initialData: FreshnessDetail }) {
  const { data, isFetching, error } = useMonitoringData("freshness", initialData.view.id, initialData);
  const { view, runs } = data;
  const worst = worstWindow(data.staleness, (point) => point.stalenessSeconds);
  const state =
    view.status === "not_deployed"
      ? { tone: "neutral" as const, label: "Not deployed to this environment" }
      : summaryState({
          value: view.stalenessSeconds,
          limit: view.slaSeconds,
          worst: worst?.value ?? null,
          firing: data.firing,
        });
  const failed = runs.filter((run) => run.status === "failed").length;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-4">
        <Stat
          label="Staleness now"
          value={view.status === "not_deployed" ? "not deployed here" : formatDuration(view.stalenessSeconds)}
          tone={state.tone}
          note={
            <SummaryNote
              label={state.label}
              worst={worst ? `worst ${formatDuration(worst.value)} at ${formatDateTime(worst.at)}` : null}
              firingAlertId={data.firing?.id ?? null}
            />
          }
          testId="staleness-now"
        />
        <Stat label="Freshness SLA" value={formatDuration(view.slaSeconds)} />
        <Stat label="Runs in range" value={`${runs.length}`} />
        <Stat label="Failed runs" value={`${failed}`} tone={failed ? "bad" : undefined} />
      </div>
      <p className="text-xs text-slate-500" aria-live="polite">
        <RefreshStatus isFetching={isFetching} error={error} />
      </p>
      <FreshnessCharts data={data} />
    </div>
  );
}
