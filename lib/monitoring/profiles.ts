import {
  compareProfiles,
  sameNumbers,
  type Profile,
  type ProfileKind,
  type StatisticName,
  type StatisticValues,
} from "@/lib/monitoring/stats";
import {
  resolveThresholds,
  scoreStatistics,
  type DriftStatus,
  type ThresholdOverride,
  type Thresholds,
} from "@/lib/monitoring/thresholds";

/**
 * Pure comparison of stored feature profiles: merging, scoring against thresholds, and the
 * summaries and overlays the drift dashboard draws. No database access.
 */

/** A feature_profile row as the data layer selects it. */
export interface ProfileRow {
  id: string;
  featureId: string;
  source: "offline" | "online";
  windowStart: Date;
  windowEnd: Date;
  binEdges: number[];
  categories: string[];
  counts: number[];
  count: bigint;
  nullCount: bigint;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  savedDatasetId: string | null;
}

export interface ProfileSummary {
  source: "offline" | "online";
  windowStart: string;
  windowEnd: string;
  kind: ProfileKind;
  /** Bin labels ("[0, 10)") or categories, aligned with `counts`. */
  labels: string[];
  binEdges: number[];
  counts: number[];
  shares: number[];
  count: number;
  nullCount: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  savedDatasetName: string | null;
}

export interface Comparison {
  kind: "skew" | "drift";
  /** What the current profile is compared with. */
  reference: string;
  expected: ProfileSummary;
  actual: ProfileSummary;
  values: StatisticValues;
  statuses: Partial<Record<StatisticName, DriftStatus>>;
  worst: DriftStatus;
  /** Why the statistics could not be computed (e.g. bins differ), if so. */
  error: string | null;
  /** Both histograms on one axis: aligned labels with both shares. */
  overlay: { label: string; expected: number; actual: number }[];
}

/** Sums profiles with the same bins (or categories) into one; null when they do not line up. */
export function mergeProfiles(profiles: ProfileRow[]): ProfileRow | null {
  const first = profiles[0];
  if (!first) return null;
  const counts = new Map<string, number>();
  const keys = profileKind(first) === "numeric" ? first.counts.map((_, i) => String(i)) : first.categories;
  for (const profile of profiles) {
    if (profileKind(profile) !== profileKind(first)) return null;
    if (profileKind(first) === "numeric" && !sameNumbers(profile.binEdges, first.binEdges)) return null;
    const profileKeys = profileKind(first) === "numeric" ? profile.counts.map((_, i) => String(i)) : profile.categories;
    profileKeys.forEach((key, i) => counts.set(key, (counts.get(key) ?? 0) + profile.counts[i]!));
  }
  const categories = profileKind(first) === "numeric" ? [] : [...counts.keys()];
  return {
    ...first,
    categories,
    counts:
      profileKind(first) === "numeric"
        ? keys.map((key) => counts.get(key) ?? 0)
        : categories.map((key) => counts.get(key)!),
    count: profiles.reduce((total, profile) => total + profile.count, 0n),
    nullCount: profiles.reduce((total, profile) => total + profile.nullCount, 0n),
    mean: null,
    std: null,
    min: null,
    max: null,
    savedDatasetId: null,
  };
}

export function compare(
  kind: "skew" | "drift",
  reference: string,
  expected: ProfileRow,
  actual: ProfileRow,
  thresholds: Thresholds,
  overrideNames: ReadonlySet<string>,
  datasetNames: Map<string, string>,
): Comparison {
  let values: StatisticValues = {};
  let error: string | null = null;
  try {
    values = compareProfiles(toProfile(expected), toProfile(actual));
  } catch (caught) {
    error = caught instanceof RangeError ? caught.message : "The profiles cannot be compared.";
  }
  const { statuses } = scoreStatistics(values, thresholds);
  const { worst } = scoreStatistics(values, statusThresholds(thresholds, overrideNames));
  const expectedSummary = summarize(expected, datasetNames);
  const actualSummary = summarize(actual, datasetNames);
  return {
    kind,
    reference,
    expected: expectedSummary,
    actual: actualSummary,
    values,
    statuses,
    worst,
    error,
    overlay: overlay(expectedSummary, actualSummary),
  };
}

/** The part of a profile the statistics read. */
export type ProfileShape = Pick<ProfileRow, "binEdges" | "categories" | "counts">;

export function safeCompare(expected: ProfileShape, actual: ProfileShape): StatisticValues | null {
  try {
    return compareProfiles(toProfile(expected), toProfile(actual));
  } catch {
    return null;
  }
}

export function safeThresholds(overrides: ThresholdOverride[], kind?: ProfileKind): Thresholds {
  try {
    return resolveThresholds(overrides, kind);
  } catch {
    // A stored override that no longer validates falls back to the defaults rather than a 500.
    return resolveThresholds([], kind);
  }
}

/**
 * The thresholds that decide a feature's overall status. The chi-square p-value counts only when
 * the owner set a threshold for it: over millions of rows it flags differences too small to
 * matter, so by default it is shown but does not raise the feature's status.
 */
export function statusThresholds(thresholds: Thresholds, overrideNames: ReadonlySet<string>): Thresholds {
  if (overrideNames.has("chi2PValue")) return thresholds;
  const { chi2PValue: _ignored, ...rest } = thresholds;
  return rest;
}

export function toProfile(row: ProfileShape): Profile {
  return profileKind(row) === "numeric"
    ? { kind: "numeric", binEdges: row.binEdges, counts: row.counts }
    : { kind: "categorical", categories: row.categories, counts: row.counts };
}

export function profileKind(row: Pick<ProfileRow, "binEdges">): ProfileKind {
  return row.binEdges.length > 0 ? "numeric" : "categorical";
}

export function summarize(row: ProfileRow, datasetNames: Map<string, string>): ProfileSummary {
  const kind = profileKind(row);
  const total = row.counts.reduce((sum, value) => sum + value, 0);
  return {
    source: row.source,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    kind,
    labels:
      kind === "numeric"
        ? row.counts.map((_, i) => `[${compact(row.binEdges[i]!)}, ${compact(row.binEdges[i + 1]!)})`)
        : row.categories,
    binEdges: row.binEdges,
    counts: row.counts,
    shares: row.counts.map((value) => (total > 0 ? value / total : 0)),
    count: Number(row.count),
    nullCount: Number(row.nullCount),
    mean: row.mean,
    std: row.std,
    min: row.min,
    max: row.max,
    savedDatasetName: row.savedDatasetId ? (datasetNames.get(row.savedDatasetId) ?? null) : null,
  };
}

export function overlay(expected: ProfileSummary, actual: ProfileSummary): Comparison["overlay"] {
  if (expected.kind === "numeric") {
    if (!sameNumbers(expected.binEdges, actual.binEdges)) return [];
    return expected.labels.map((label, i) => ({
      label,
      expected: expected.shares[i] ?? 0,
      actual: actual.shares[i] ?? 0,
    }));
  }
  const labels = [...new Set([...expected.labels, ...actual.labels])];
  const share = (summary: ProfileSummary, label: string) => summary.shares[summary.labels.indexOf(label)] ?? 0;
  return labels.map((label) => ({ label, expected: share(expected, label), actual: share(actual, label) }));
}

export function methodDescription(kind: ProfileKind | null, profile: ProfileRow | null): string {
  if (!kind || !profile) return "No online profile yet.";
  if (kind === "numeric") {
    const edges = profile.binEdges;
    return `Numeric: ${profile.counts.length} shared bins from ${compact(edges[0]!)} to ${compact(edges[edges.length - 1]!)}; statistics on bin shares as docs/statistics.md defines them (empty bins count 1e-4 in PSI; Wasserstein at bin centres).`;
  }
  return `Categorical: ${profile.categories.length} categories aligned by name (a category missing on one side counts 0); chi-square test of independence without continuity correction.`;
}

export function windowKey(profile: { windowStart: Date; windowEnd: Date }): string {
  return `${profile.windowStart.getTime()}|${profile.windowEnd.getTime()}`;
}

export function compact(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
