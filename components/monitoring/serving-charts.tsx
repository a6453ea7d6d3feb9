"use client";

import Link from "next/link";
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
import { formatDateTime, formatPercent, formatTick } from "@/lib/format";
import { catalogHref } from "@/lib/routes";
import type { ServingDetail } from "@/lib/data/monitoring";

// Loaded by the dashboard after first paint (next/dynamic): Recharts stays out of the first load.

export function ServingCharts({ data }: { data: ServingDetail }) {
  const { service, points, range, viewShares } = data;
  const spanMs = Date.parse(range.to) - Date.parse(range.from);
  const chartData = points.map((point) => ({ ...point, t: Date.parse(point.at) }));
  const maxP99 = Math.max(0, ...points.map((point) => point.p99 ?? 0));
  const crossesBudget = service.budgetMs !== null && maxP99 > service.budgetMs;
  const xAxis = timeAxis(["dataMin", "dataMax"], (t: number) => formatTick(t, spanMs));
  const tooltipLabel = (label: unknown) => formatDateTime(Number(label));
  return (
    <>
      <ChartFrame
        title="Latency percentiles"
        description={`p50, p95 and p99 in ms against the ${service.budgetMs} ms p99 budget`}
        rows={points}
        filename={`${service.name}-latency`}
        testId="latency-chart"
        columns={[
          { label: "time", value: (row) => row.at, format: (row) => formatDateTime(row.at) },
          { label: "p50 ms", value: (row) => row.p50 },
          { label: "p95 ms", value: (row) => row.p95 },
          { label: "p99 ms", value: (row) => row.p99 },
          { label: "budget ms", value: () => service.budgetMs },
        ]}
        footer={
          <p className="mt-2 text-xs" data-testid="budget-crossing" data-crosses-budget={crossesBudget}>
            {crossesBudget
              ? `p99 crosses the ${service.budgetMs} ms budget (peak ${maxP99.toFixed(1)} ms).`
              : `p99 stays under the ${service.budgetMs} ms budget.`}
          </p>
        }
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={chartData} margin={CHART_MARGIN}>
            {chartGrid}
            {xAxis}
            <YAxis
              fontSize={11}
              unit=" ms"
              width={64}
              domain={[0, (dataMax: number) => Math.ceil(Math.max(dataMax, service.budgetMs ?? 0) * 1.1)]}
            />
            <Tooltip labelFormatter={tooltipLabel} formatter={(value) => `${Number(value).toFixed(1)} ms`} />
            <Legend />
            <Line type="monotone" dataKey="p50" stroke="#94a3b8" {...LINE_DEFAULTS} name="p50" />
            <Line type="monotone" dataKey="p95" stroke="#6366f1" {...LINE_DEFAULTS} name="p95" />
            <Line type="monotone" dataKey="p99" stroke="#0f766e" {...LINE_DEFAULTS} name="p99" strokeWidth={2} />
            {service.budgetMs === null ? null : (
              <ReferenceLine
                y={service.budgetMs}
                stroke="#dc2626"
                strokeDasharray="6 3"
                label={{
                  value: `Budget ${service.budgetMs} ms`,
                  position: "insideTopRight",
                  fill: "#dc2626",
                  fontSize: 11,
                }}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame
          title="Request rate"
          description="Requests per second"
          rows={points}
          filename={`${service.name}-requests`}
          columns={[
            { label: "time", value: (row) => row.at, format: (row) => formatDateTime(row.at) },
            { label: "requests", value: (row) => row.requests },
            { label: "requests/s", value: (row) => row.requestsPerSecond },
          ]}
        >
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={chartData} margin={CHART_MARGIN}>
              {chartGrid}
              {xAxis}
              <YAxis fontSize={11} width={56} />
              <Tooltip labelFormatter={tooltipLabel} formatter={(value) => `${Number(value).toFixed(2)} req/s`} />
              <Line type="monotone" dataKey="requestsPerSecond" stroke="#2563eb" {...LINE_DEFAULTS} name="requests/s" />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame
          title="Error rate"
          description="Errors as a share of requests"
          rows={points}
          filename={`${service.name}-errors`}
          columns={[
            { label: "time", value: (row) => row.at, format: (row) => formatDateTime(row.at) },
            { label: "errors", value: (row) => row.errors },
            { label: "error rate", value: (row) => row.errorRate, format: (row) => formatPercent(row.errorRate, 3) },
          ]}
        >
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={chartData} margin={CHART_MARGIN}>
              {chartGrid}
              {xAxis}
              <YAxis fontSize={11} width={56} tickFormatter={(value: number) => `${(value * 100).toFixed(1)}%`} />
              <Tooltip labelFormatter={tooltipLabel} formatter={(value) => formatPercent(Number(value), 3)} />
              <ReferenceLine
                y={0.01}
                stroke="#f59e0b"
                strokeDasharray="4 4"
                label={{ value: "1%", position: "insideTopRight", fontSize: 11, fill: "#b45309" }}
              />
              <Line type="monotone" dataKey="errorRate" stroke="#dc2626" {...LINE_DEFAULTS} name="error rate" />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
      <ChartFrame
        title="Share of the budget per feature view lookup"
        description="Request-weighted p99 of each view's lookup as reported by the platform (approximate), against the service's budget"
        rows={viewShares}
        filename={`${service.name}-view-shares`}
        columns={[
          {
            label: "feature view",
            value: (row) => row.name,
            format: (row) =>
              row.featureViewId ? (
                <Link className="text-brand-700 hover:underline" href={catalogHref("feature_view", row.featureViewId)}>
                  {row.name}
                </Link>
              ) : (
                row.name
              ),
          },
          { label: "p99 ms", value: (row) => row.p99Ms },
          {
            label: "share of budget",
            value: (row) => row.shareOfBudget,
            format: (row) => formatPercent(row.shareOfBudget, 1),
          },
        ]}
      >
        <ResponsiveContainer width="100%" height={Math.max(120, viewShares.length * 32 + 40)}>
          <BarChart
            data={viewShares.map((view) => ({ ...view, share: (view.shareOfBudget ?? 0) * 100 }))}
            layout="vertical"
            margin={{ left: 24, right: 16 }}
          >
            {chartGrid}
            <XAxis type="number" unit="%" fontSize={11} domain={[0, (max: number) => Math.max(100, Math.ceil(max))]} />
            <YAxis type="category" dataKey="name" width={160} fontSize={11} />
            <Tooltip formatter={(value) => `${Number(value).toFixed(1)}% of budget`} />
            <ReferenceLine x={100} stroke="#dc2626" strokeDasharray="6 3" />
            <Bar dataKey="share" fill="#0f766e" isAnimationActive={false} name="share of budget" />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </>
  );
}
