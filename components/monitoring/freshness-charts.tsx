"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { ChartFrame } from "@/components/monitoring/chart-frame";
import { CHART_MARGIN, chartGrid, timeAxis } from "@/components/monitoring/chart-parts";
import { formatCompact, formatDateTime, formatDuration, formatNumber, formatTick } from "@/lib/format";
import type { FreshnessDetail } from "@/lib/data/monitoring";

// Loaded by the dashboard after first paint (next/dynamic): Recharts stays out of the first load.

const STATUS_COLOR = { success: "#0f766e", failed: "#dc2626", running: "#6366f1" } as const;

export function FreshnessCharts({ data }: { data: FreshnessDetail }) {
  const { view, staleness, runs, costPerDay, hasCost, range } = data;
  const spanMs = Date.parse(range.to) - Date.parse(range.from);
  const slaHours = view.slaSeconds === null ? null : view.slaSeconds / 3600;
  const stalenessData = staleness.map((point) => ({
    t: Date.parse(point.at),
    hours: point.stalenessSeconds === null ? null : point.stalenessSeconds / 3600,
  }));
  const runData = runs.map((run) => ({
    t: Date.parse(run.startedAt),
    minutes: run.endedAt ? (Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 60_000 : 0,
    status: run.status,
    rows: run.rowsWritten,
  }));
  const xAxis = timeAxis([Date.parse(range.from), Date.parse(range.to)], (t: number) => formatTick(t, spanMs));
  return (
    <>
      <ChartFrame
        title="Staleness over time"
        description={`Age of the newest landed watermark, in hours, against the ${formatDuration(view.slaSeconds)} SLA`}
        rows={staleness}
        filename={`${view.name}-staleness`}
        testId="staleness-chart"
        columns={[
          { label: "time", value: (row) => row.at, format: (row) => formatDateTime(row.at) },
          { label: "staleness seconds", value: (row) => row.stalenessSeconds },
          {
            label: "staleness",
            value: (row) => row.stalenessSeconds,
            format: (row) => formatDuration(row.stalenessSeconds),
          },
          { label: "SLA seconds", value: () => view.slaSeconds },
        ]}
      >
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={stalenessData} margin={CHART_MARGIN}>
            {chartGrid}
            {xAxis}
            <YAxis
              fontSize={11}
              unit=" h"
              width={56}
              domain={[0, (max: number) => Math.ceil(Math.max(max, slaHours ?? 0) * 1.1)]}
            />
            <Tooltip
              labelFormatter={(label) => formatDateTime(Number(label))}
              formatter={(value) => formatDuration(Number(value) * 3600)}
            />
            <Area
              type="stepAfter"
              dataKey="hours"
              stroke="#0f766e"
              fill="#99f6e4"
              isAnimationActive={false}
              name="staleness"
            />
            {slaHours !== null ? (
              <ReferenceLine
                y={slaHours}
                stroke="#dc2626"
                strokeDasharray="6 3"
                label={{
                  value: `SLA ${formatDuration(view.slaSeconds)}`,
                  position: "insideTopRight",
                  fill: "#dc2626",
                  fontSize: 11,
                }}
              />
            ) : null}
          </AreaChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame
        title="Materialization runs"
        description="Each run at its start time, height = duration in minutes; failures in red"
        rows={runs}
        filename={`${view.name}-runs`}
        testId="runs-chart"
        columns={[
          { label: "started", value: (row) => row.startedAt, format: (row) => formatDateTime(row.startedAt) },
          {
            label: "ended",
            value: (row) => row.endedAt,
            format: (row) => (row.endedAt ? formatDateTime(row.endedAt) : "running"),
          },
          { label: "status", value: (row) => row.status },
          { label: "rows written", value: (row) => row.rowsWritten },
          {
            label: "watermark",
            value: (row) => row.watermark,
            format: (row) => (row.watermark ? formatDateTime(row.watermark) : "–"),
          },
          { label: "compute seconds", value: (row) => row.computeSeconds },
          { label: "cost", value: (row) => row.cost },
        ]}
      >
        <ResponsiveContainer width="100%" height={200}>
          <ScatterChart margin={CHART_MARGIN}>
            {chartGrid}
            {xAxis}
            <YAxis dataKey="minutes" type="number" unit=" min" fontSize={11} width={64} />
            <ZAxis range={[24, 24]} />
            <Tooltip labelFormatter={(label) => formatDateTime(Number(label))} />
            <Legend />
            {(["success", "failed", "running"] as const).map((status) => (
              <Scatter
                key={status}
                name={status}
                data={runData.filter((run) => run.status === status)}
                fill={STATUS_COLOR[status]}
                isAnimationActive={false}
                shape={status === "failed" ? "cross" : "circle"}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFrame>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame
          title="Rows written per run"
          rows={runs.filter((run) => run.rowsWritten !== null)}
          filename={`${view.name}-rows`}
          columns={[
            { label: "started", value: (row) => row.startedAt, format: (row) => formatDateTime(row.startedAt) },
            { label: "rows written", value: (row) => row.rowsWritten },
          ]}
        >
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={runData.filter((run) => run.rows !== null)} margin={CHART_MARGIN}>
              {chartGrid}
              {xAxis}
              <YAxis fontSize={11} width={64} tickFormatter={(value: number) => formatCompact(value)} />
              <Tooltip
                labelFormatter={(label) => formatDateTime(Number(label))}
                formatter={(value) => formatNumber(Number(value))}
              />
              <Bar dataKey="rows" fill="#2563eb" isAnimationActive={false} name="rows written" />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame
          title="Cost per day beside staleness"
          description={
            hasCost
              ? "What each day's runs cost, and the worst staleness that day: what a tighter or looser schedule trades"
              : "The platform reports no cost or compute seconds for these runs"
          }
          rows={costPerDay}
          filename={`${view.name}-cost`}
          testId="cost-chart"
          columns={[
            { label: "day", value: (row) => row.day },
            { label: "cost", value: (row) => row.cost },
            { label: "compute seconds", value: (row) => row.computeSeconds },
            { label: "runs", value: (row) => row.runCount },
            {
              label: "max staleness hours",
              value: (row) => (row.maxStalenessSeconds === null ? null : row.maxStalenessSeconds / 3600),
            },
          ]}
        >
          <ResponsiveContainer width="100%" height={200}>
            <ComposedChart
              data={costPerDay.map((day) => ({
                ...day,
                maxHours: day.maxStalenessSeconds === null ? null : day.maxStalenessSeconds / 3600,
              }))}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            >
              {chartGrid}
              <XAxis dataKey="day" fontSize={11} tickFormatter={(day: string) => day.slice(5)} />
              <YAxis yAxisId="cost" fontSize={11} width={56} />
              <YAxis yAxisId="hours" orientation="right" unit=" h" fontSize={11} width={48} />
              <Tooltip />
              <Legend />
              <Bar yAxisId="cost" dataKey="cost" fill="#f59e0b" isAnimationActive={false} name="cost" />
              <Line
                yAxisId="hours"
                dataKey="maxHours"
                stroke="#0f766e"
                isAnimationActive={false}
                name="max staleness (h)"
              />
            </ComposedChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </>
  );
}
