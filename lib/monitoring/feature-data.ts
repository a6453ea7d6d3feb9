import { compact, profileKind, type ProfileRow } from "@/lib/monitoring/profiles";
import type { ProfileKind } from "@/lib/monitoring/stats";

/**
 * What a feature's catalog page shows of its data: the distribution of the latest profile, its
 * null rate and summary statistics, and how they moved over the latest profiles. Pure.
 */

/** Categorical histograms show this many categories; the rest are summed into "Other". */
export const MAX_CATEGORY_BARS = 12;

export interface HistogramBar {
  label: string;
  count: number;
  /** Share of the non-null values, 0..1. */
  share: number;
}

export interface StatisticTrend {
  latest: number | null;
  /** The same statistic in the profile before the latest, if any. */
  previous: number | null;
  /** latest - previous; null when either is missing. */
  change: number | null;
  /** The value per profile, oldest first (null where the profile lacks it). */
  series: (number | null)[];
}

export const TREND_STATISTICS = ["nullRate", "mean", "min", "max"] as const;
export type TrendStatistic = (typeof TREND_STATISTICS)[number];

export interface FeatureData {
  kind: ProfileKind;
  windowStart: string;
  windowEnd: string;
  /** Rows in the latest window, nulls included. */
  count: number;
  nullCount: number;
  histogram: HistogramBar[];
  trend: Record<TrendStatistic, StatisticTrend>;
  /** Window end of each profile in the trend, oldest first. */
  windows: string[];
}

/** Nulls over all rows of the window (count includes nulls); null for an empty window. */
export function nullRate(profile: Pick<ProfileRow, "count" | "nullCount">): number | null {
  const count = Number(profile.count);
  return count > 0 ? Number(profile.nullCount) / count : null;
}

/**
 * The bars of a profile's histogram: one per numeric bin ("[0, 10)", the last bin closed), or
 * one per category, the most frequent first, with categories past `maxCategories` summed into
 * "Other" so a high-cardinality feature stays readable.
 */
export function histogramBars(
  profile: Pick<ProfileRow, "binEdges" | "categories" | "counts">,
  maxCategories = MAX_CATEGORY_BARS,
): HistogramBar[] {
  const total = profile.counts.reduce((sum, value) => sum + value, 0);
  const share = (count: number) => (total > 0 ? count / total : 0);
  if (profileKind(profile) === "numeric") {
    const last = profile.counts.length - 1;
    return profile.counts.map((count, i) => ({
      label: `[${compact(profile.binEdges[i]!)}, ${compact(profile.binEdges[i + 1]!)}${i === last ? "]" : ")"}`,
      count,
      share: share(count),
    }));
  }
  const bars = profile.categories
    .map((label, i) => ({ label, count: profile.counts[i] ?? 0 }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const shown = bars.length > maxCategories ? bars.slice(0, maxCategories - 1) : bars;
  const rest = bars.slice(shown.length).reduce((sum, bar) => sum + bar.count, 0);
  const result = shown.map((bar) => ({ ...bar, share: share(bar.count) }));
  if (bars.length > shown.length)
    result.push({ label: `Other (${bars.length - shown.length})`, count: rest, share: share(rest) });
  return result;
}

/** One statistic over profiles (oldest first): its series and the change of the latest from the one before. */
export function statisticTrend(values: (number | null)[]): StatisticTrend {
  const latest = values.at(-1) ?? null;
  const previous = values.length > 1 ? (values.at(-2) ?? null) : null;
  return {
    latest,
    previous,
    change: latest !== null && previous !== null ? latest - previous : null,
    series: values,
  };
}

/**
 * The feature's data from its latest profiles, in any order (one window each); null when there
 * is none. The histogram is the newest profile's.
 */
export function featureData(profiles: readonly ProfileRow[]): FeatureData | null {
  if (profiles.length === 0) return null;
  const ordered = [...profiles].sort(
    (a, b) => a.windowEnd.getTime() - b.windowEnd.getTime() || a.windowStart.getTime() - b.windowStart.getTime(),
  );
  const latest = ordered.at(-1)!;
  const series = (pick: (profile: ProfileRow) => number | null) => statisticTrend(ordered.map(pick));
  return {
    kind: profileKind(latest),
    windowStart: latest.windowStart.toISOString(),
    windowEnd: latest.windowEnd.toISOString(),
    count: Number(latest.count),
    nullCount: Number(latest.nullCount),
    histogram: histogramBars(latest),
    trend: {
      nullRate: series(nullRate),
      mean: series((profile) => profile.mean),
      min: series((profile) => profile.min),
      max: series((profile) => profile.max),
    },
    windows: ordered.map((profile) => profile.windowEnd.toISOString()),
  };
}
