"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "@/components/monitoring/chart-frame";
import { formatDateTime, formatNumber, formatStatistic } from "@/lib/format";
import { useMonitoringData } from "@/components/monitoring/query";
import { RefreshStatus } from "@/components/monitoring/refresh-status";
import { Badge } from "@/components/ui/badge";
import type { Comparison, FeatureDrift } from "@/lib/data/monitoring";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";

const STATUS_TONE = { ok: "good", warn: "warn", alert: "bad" } as const;
const STATUS_LABEL = { ok: "ok", warn: "warning", alert: "over threshold" } as const;

export function DriftDashboard({ initialData }: { initialData: FeatureDrift }) {
  const { data, isFetching, error } = useMonitoringData("features", initialData.feature.id, initialData);
  const { skew, drift, thresholds, method, history, baseline } = data;
  const psiThreshold = thresholds.find((threshold) => threshold.statistic === "psi");
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
      <div className="grid gap-4 xl:grid-cols-2">
        {drift ? (
          <HistogramOverlay comparison={drift} expectedName="Baseline" actualName="Current" testId="drift-histogram" />
        ) : null}
        {skew ? (
          <HistogramOverlay comparison={skew} expectedName="Offline" actualName="Online" testId="skew-histogram" />
        ) : null}
      </div>
      {!skew && !drift ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          No comparison yet: this feature needs an online profile and an offline profile of the same window or a
          baseline.
        </p>
      ) : null}
      <ChartFrame
        title="Drift and skew over time"
        description="PSI and Jensen-Shannon distance of each online window, against the baseline (drift) and the offline profile of the same window (skew)"
        rows={history}
        filename={`${data.feature.name}-drift-history`}
        testId="drift-history"
        columns={[
          { label: "window end", value: (row) => row.windowEnd, format: (row) => formatDateTime(row.windowEnd) },
          { label: "drift PSI", value: (row) => row.driftPsi },
          { label: "drift JS distance", value: (row) => row.driftJs },
          { label: "skew PSI", value: (row) => row.skewPsi },
          { label: "skew JS distance", value: (row) => row.skewJs },
        ]}
      >
        <ResponsiveContainer width="100%" height={240}>
          <LineChart
            data={history.map((point) => ({ ...point, t: Date.parse(point.windowEnd) }))}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(t: number) => new Date(t).toISOString().slice(5, 10)}
              fontSize={11}
            />
            <YAxis fontSize={11} width={48} />
            <Tooltip
              labelFormatter={(label) => formatDateTime(Number(label))}
              formatter={(value) => formatStatistic(Number(value))}
            />
            <Legend />
            <Line
              dataKey="driftPsi"
              name="drift PSI"
              stroke="#dc2626"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="skewPsi"
              name="skew PSI"
              stroke="#6366f1"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="driftJs"
              name="drift JS"
              stroke="#f59e0b"
              dot={false}
              isAnimationActive={false}
              connectNulls
              strokeDasharray="4 2"
            />
            <Line
              dataKey="skewJs"
              name="skew JS"
              stroke="#0f766e"
              dot={false}
              isAnimationActive={false}
              connectNulls
              strokeDasharray="4 2"
            />
            {psiThreshold ? (
              <ReferenceLine
                y={psiThreshold.alert}
                stroke="#dc2626"
                strokeDasharray="6 3"
                label={{
                  value: `PSI alert ${psiThreshold.alert}`,
                  position: "insideTopRight",
                  fontSize: 11,
                  fill: "#dc2626",
                }}
              />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
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

function HistogramOverlay({
  comparison,
  expectedName,
  actualName,
  testId,
}: {
  comparison: Comparison;
  expectedName: string;
  actualName: string;
  testId: string;
}) {
  const window = (summary: Comparison["expected"]) =>
    `${summary.savedDatasetName ? `${summary.savedDatasetName}, ` : ""}${summary.windowStart.slice(0, 10)} to ${summary.windowEnd.slice(0, 10)}, n=${formatNumber(summary.count)}`;
  return (
    <ChartFrame
      title={`${comparison.kind === "drift" ? "Drift" : "Skew"}: ${expectedName.toLowerCase()} vs ${actualName.toLowerCase()} histogram`}
      description={`${expectedName}: ${comparison.reference} (${window(comparison.expected)}). ${actualName}: ${window(comparison.actual)}. Shares of non-null values.`}
      rows={comparison.overlay}
      filename={`${comparison.kind}-histogram`}
      testId={testId}
      columns={[
        { label: comparison.expected.kind === "numeric" ? "bin" : "category", value: (row) => row.label },
        {
          label: `${expectedName} share`,
          value: (row) => row.expected,
          format: (row) => `${(row.expected * 100).toFixed(2)}%`,
        },
        {
          label: `${actualName} share`,
          value: (row) => row.actual,
          format: (row) => `${(row.actual * 100).toFixed(2)}%`,
        },
      ]}
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={comparison.overlay} barGap={0} margin={{ top: 8, right: 16, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={10} angle={-30} textAnchor="end" interval="preserveStartEnd" height={48} />
          <YAxis fontSize={11} width={48} tickFormatter={(value: number) => `${Math.round(value * 100)}%`} />
          <Tooltip formatter={(value) => `${(Number(value) * 100).toFixed(2)}%`} />
          <Legend verticalAlign="top" />
          <Bar dataKey="expected" name={expectedName} fill="#94a3b8" fillOpacity={0.8} isAnimationActive={false} />
          <Bar dataKey="actual" name={actualName} fill="#dc2626" fillOpacity={0.6} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
