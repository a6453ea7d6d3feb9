"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/monitoring/chart-frame";
import { formatNumber } from "@/lib/format";
import type { HistogramBar } from "@/lib/monitoring/feature-data";

// Loaded after first paint (next/dynamic in ./feature-histogram): Recharts stays out of the page's first load.

export function HistogramChart({
  bars,
  isNumeric,
  featureName,
  caption,
}: {
  bars: HistogramBar[];
  isNumeric: boolean;
  featureName: string;
  caption: string;
}) {
  return (
    <ChartFrame
      title="Distribution"
      description={caption}
      rows={bars}
      filename={`${featureName}-distribution`}
      testId="feature-histogram"
      columns={[
        { label: isNumeric ? "bin" : "category", value: (bar) => bar.label },
        { label: "count", value: (bar) => bar.count, format: (bar) => formatNumber(bar.count) },
        { label: "share", value: (bar) => bar.share, format: (bar) => `${(bar.share * 100).toFixed(2)}%` },
      ]}
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bars} barCategoryGap={isNumeric ? 1 : "15%"} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" fontSize={10} angle={-30} textAnchor="end" interval="preserveStartEnd" height={48} />
          <YAxis fontSize={11} width={44} tickFormatter={(value: number) => `${Math.round(value * 100)}%`} />
          <Tooltip
            formatter={(value, _name, item) => [
              `${(Number(value) * 100).toFixed(2)}% (${formatNumber((item.payload as HistogramBar).count)})`,
              "share",
            ]}
          />
          <Bar dataKey="share" name="share" fill="#2f6fed" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
