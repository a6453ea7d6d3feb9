"use client";

import dynamic from "next/dynamic";
import { ChartsLoading } from "@/components/monitoring/charts-loading";
import { formatStatistic } from "@/lib/format";
import { useMonitoringData } from "@/components/monitoring/query";
import { RefreshStatus } from "@/components/monitoring/refresh-status";
import { Badge } from "@/components/ui/badge";
import type { Comparison, FeatureDrift } from "@/lib/data/monitoring";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";

// The charts (Recharts, most of this page's JavaScript) load after first paint; the statistics don't wait.
const DriftCharts = dynamic(() => import("@/components/monitoring/drift-charts").then((module) => module.DriftCharts), {
  ssr: false,
  loading: () => <ChartsLoading count={2} />,
});

const STATUS_TONE = { ok: "good", warn: "warn", alert: "bad" } as const;
const STATUS_LABEL = { ok: "ok", warn: "warning", alert: "over threshold" } as const;

export function DriftDashboard({ initialData }: { initialData: FeatureDrift }) {
  const { data, isFetching, error } = useMonitoringData("features", initialData.feature.id, initialData);
  const { skew, drift, thresholds, method, baseline } = data;
  const statisticNames = (Object.keys(STATISTICS) as StatisticName[]).filter(
    (name) => data.kind !== null && STATISTICS[name].appliesTo.includes(data.kind),
  );
  const thresholdOf = (name: StatisticName) => thresholds.find((threshold) => threshold.statistic === name);
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500" aria-live="polite">
        Refreshes every 30 s.
        <RefreshStatus isFetching={isFetching} error={error} />
      </p>
      <section aria-labelledby="statistics-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <header className="border-b border-slate-100 px-4 py-3">
          <h2 id="statistics-heading" className="text-sm font-semibold text-slate-800">
            Statistics
          </h2>
          <p className="mt-0.5 text-xs text-slate-500" data-testid="method">
            {method}
          </p>
        </header>
        <div className="overflow-x-auto p-4">
          <table className="min-w-full text-sm" data-testid="statistics-table">
            <caption className="sr-only">Skew and drift statistics with thresholds</caption>
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Statistic
                </th>
                <th scope="col" className="px-2 py-1">
                  Skew (offline vs online)
                </th>
                <th scope="col" className="px-2 py-1">
                  Drift (baseline vs current)
                </th>
                <th scope="col" className="px-2 py-1">
                  Warn
                </th>
                <th scope="col" className="px-2 py-1">
                  Alert
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {statisticNames.map((name) => {
                const threshold = thresholdOf(name);
                return (
                  <tr key={name}>
                    <th scope="row" className="px-2 py-1.5 text-left font-medium" title={STATISTICS[name].description}>
                      {STATISTICS[name].label}
                    </th>
                    <StatisticCell comparison={skew} name={name} testId={`stat-${name}-skew`} />
                    <StatisticCell comparison={drift} name={name} testId={`stat-${name}-drift`} />
                    <td className="px-2 py-1.5">{threshold ? threshold.warn : "–"}</td>
                    <td className="px-2 py-1.5">
                      {threshold ? threshold.alert : "–"}
                      {threshold?.isOverride ? (
                        <span className="ml-1 text-xs text-slate-500">(owner override)</span>
                      ) : null}
                      {!threshold ? (
                        <span className="ml-1 text-xs text-slate-500">
                          {name === "wasserstein"
                            ? "(no default: in the feature's units)"
                            : "(no default for numeric profiles)"}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">{baseline.description}</p>
          {skew?.error ? <p className="mt-1 text-xs text-red-700">Skew: {skew.error}</p> : null}
          {drift?.error ? <p className="mt-1 text-xs text-red-700">Drift: {drift.error}</p> : null}
        </div>
      </section>
      <DriftCharts data={data} />
    </div>
  );
}

function StatisticCell({
  comparison,
  name,
  testId,
}: {
  comparison: Comparison | null;
  name: StatisticName;
  testId: string;
}) {
  const value = comparison?.values[name];
  const status = comparison?.statuses[name];
  return (
    <td className="px-2 py-1.5" data-testid={testId} data-status={status ?? "none"}>
      {value === undefined ? (
        "–"
      ) : (
        <span className="inline-flex items-center gap-2">
          {formatStatistic(value)}
          {status ? <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge> : null}
        </span>
      )}
    </td>
  );
}
