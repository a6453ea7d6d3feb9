"use client";

import {
  Bar,
  BarChart,
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
import { CHART_MARGIN, chartGrid, LINE_DEFAULTS, timeAxis } from "@/components/monitoring/chart-parts";
import { formatDateTime, formatNumber, formatStatistic } from "@/lib/format";
import type { Comparison, FeatureDrift } from "@/lib/data/monitoring";

// Loaded by the dashboard after first paint (next/dynamic): Recharts stays out of the first load.

export function DriftCharts({ data }: { data: FeatureDrift }) {
  const { skew, drift, thresholds, history } = data;
  const psiThreshold = thresholds.find((threshold) => threshold.statistic === "psi");
  return (
    <>
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
            margin={CHART_MARGIN}
          >
            {chartGrid}
            {timeAxis(["dataMin", "dataMax"], (t: number) => new Date(t).toISOString().slice(5, 10))}
            <YAxis fontSize={11} width={48} />
            <Tooltip
              labelFormatter={(label) => formatDateTime(Number(label))}
              formatter={(value) => formatStatistic(Number(value))}
            />
            <Legend />
            <Line dataKey="driftPsi" name="drift PSI" stroke="#dc2626" {...LINE_DEFAULTS} connectNulls />
            <Line dataKey="skewPsi" name="skew PSI" stroke="#6366f1" {...LINE_DEFAULTS} connectNulls />
            <Line
              dataKey="driftJs"
              name="drift JS"
              stroke="#f59e0b"
              {...LINE_DEFAULTS}
              connectNulls
              strokeDasharray="4 2"
            />
            <Line
              dataKey="skewJs"
              name="skew JS"
              stroke="#0f766e"
              {...LINE_DEFAULTS}
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
    </>
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
          {chartGrid}
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
