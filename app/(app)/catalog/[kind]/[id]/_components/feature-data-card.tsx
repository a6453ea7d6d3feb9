import Link from "next/link";
import { FeatureHistogram } from "@/components/catalog/feature-data/feature-histogram";
import { Sparkline } from "@/components/catalog/sparkline";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import {
  TREND_STATISTICS,
  type FeatureData,
  type StatisticTrend,
  type TrendStatistic,
} from "@/lib/monitoring/feature-data";

const LABELS: Record<TrendStatistic, string> = { nullRate: "Null rate", mean: "Mean", min: "Min", max: "Max" };

function formatValue(statistic: TrendStatistic, value: number | null): string {
  if (value === null) return "–";
  if (statistic === "nullRate") return formatPercent(value);
  return Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-3)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(6)));
}

function Change({ statistic, trend }: { statistic: TrendStatistic; trend: StatisticTrend }) {
  if (trend.change === null) return <span className="text-slate-400">–</span>;
  if (trend.change === 0) return <span className="text-slate-500">unchanged</span>;
  const arrow = trend.change > 0 ? "▲" : "▼";
  const amount =
    statistic === "nullRate"
      ? `${(Math.abs(trend.change) * 100).toFixed(2)} pts`
      : formatValue(statistic, Math.abs(trend.change));
  return (
    <span className="text-slate-700" title={`Previous profile: ${formatValue(statistic, trend.previous)}`}>
      <span aria-hidden>{arrow}</span> <span className="sr-only">{trend.change > 0 ? "up" : "down"}</span>
      {amount}
    </span>
  );
}

/** The feature's distribution, null rate and summary statistics from its latest online profiles. */
export function FeatureDataCard({
  featureName,
  environmentName,
  data,
}: {
  featureName: string;
  environmentName: string;
  data: FeatureData | null;
}) {
  if (!data) {
    return (
      <Card title={`Data in ${environmentName}`} testId="feature-data">
        <p className="text-sm text-slate-600" data-testid="feature-data-empty">
          No profile yet: send one with <code className="font-mono text-xs">POST /api/v1/ingest/profiles</code> (source{" "}
          <code className="font-mono text-xs">online</code>, environment{" "}
          <code className="font-mono text-xs">{environmentName}</code>) and its distribution, null rate and statistics
          appear here.{" "}
          <Link href="/docs/api" className="text-brand-700 underline">
            API reference
          </Link>
        </p>
      </Card>
    );
  }
  const windows = data.windows.length;
  const caption = `Latest online profile in ${environmentName}: ${formatDateTime(data.windowStart)} to ${formatDateTime(data.windowEnd)}, ${formatNumber(data.count)} rows. Shares of non-null values.`;
  return (
    <Card title={`Data in ${environmentName}`} testId="feature-data">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          <FeatureHistogram
            bars={data.histogram}
            isNumeric={data.kind === "numeric"}
            featureName={featureName}
            caption={caption}
          />
        </div>
        <div className="min-w-0">
          <table className="w-full text-sm" data-testid="feature-stats">
            <caption className="mb-2 text-left text-xs text-slate-500">
              Latest profile, change from the one before, and the trend over the last {windows} profile
              {windows === 1 ? "" : "s"}.
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Statistic</th>
                <th scope="col">Latest</th>
                <th scope="col">Change</th>
                <th scope="col">Trend</th>
              </tr>
            </thead>
            <tbody>
              {TREND_STATISTICS.map((statistic) => {
                const trend = data.trend[statistic];
                return (
                  <tr key={statistic} className="border-t border-slate-100" data-testid={`feature-stat-${statistic}`}>
                    <th scope="row" className="py-1.5 pr-2 text-left text-xs font-semibold text-slate-500">
                      {LABELS[statistic]}
                    </th>
                    <td className="py-1.5 pr-2 font-mono tabular-nums" data-testid="latest">
                      {formatValue(statistic, trend.latest)}
                    </td>
                    <td className="whitespace-nowrap py-1.5 pr-2 text-xs">
                      <Change statistic={statistic} trend={trend} />
                    </td>
                    <td className="py-1.5">
                      <Sparkline
                        label={`${LABELS[statistic]} over the last ${windows} profiles`}
                        values={trend.series}
                        width={96}
                        height={24}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            {formatNumber(data.nullCount)} null of {formatNumber(data.count)} rows in the latest window.
          </p>
        </div>
      </div>
    </Card>
  );
}
