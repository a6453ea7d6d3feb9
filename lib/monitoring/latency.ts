/**
 * Combining serving-metric buckets (per minute, hour or day) over a range. Histograms merge
 * exactly; reported percentiles can only be approximated, and results say which they are.
 */

export type LatencyHistogram = { edgesMs: number[]; counts: number[] };

export type LatencyBucket = {
  bucketStart: Date;
  bucketSeconds: number;
  requestCount: number;
  errorCount: number;
  p50: number;
  p95: number;
  p99: number;
  histogram?: LatencyHistogram | null;
  /** Set on rollups whose percentiles were approximated, so later rollups keep the flag. */
  isApproximate?: boolean;
};

export type LatencySummary = {
  requestCount: number;
  errorCount: number;
  /** Null when there were no requests. */
  errorRate: number | null;
  /** Milliseconds; null when there were no requests to measure. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  isApproximate: boolean;
};

const PERCENTILES = [
  ["p50", 0.5],
  ["p95", 0.95],
  ["p99", 0.99],
] as const;

export function combineLatency(buckets: readonly LatencyBucket[]): LatencySummary {
  let requestCount = 0;
  let errorCount = 0;
  for (const bucket of buckets) {
    assertBucketCounts(bucket);
    requestCount += bucket.requestCount;
    errorCount += bucket.errorCount;
  }
  const errorRate = requestCount > 0 ? errorCount / requestCount : null;

  const merged = mergeHistograms(buckets);
  if (merged) {
    const [p50, p95, p99] = PERCENTILES.map(([, q]) => percentileFromHistogram(merged.edgesMs, merged.counts, q));
    return {
      requestCount,
      errorCount,
      errorRate,
      p50: p50 ?? null,
      p95: p95 ?? null,
      p99: p99 ?? null,
      isApproximate: false,
    };
  }

  // Percentiles do not average: the request-weighted mean of per-bucket p99s is not the p99 of
  // all requests (one slow minute among calm ones is underweighted). It is the best estimate
  // the reported numbers allow, so it is flagged as approximate.
  const measured = buckets.filter((bucket) => bucket.requestCount > 0);
  const isApproximate = measured.length > 1 || measured.some((bucket) => bucket.isApproximate === true);
  const weighted = (pick: (bucket: LatencyBucket) => number): number | null => {
    if (requestCount === 0) return null;
    let total = 0;
    for (const bucket of measured) total += pick(bucket) * bucket.requestCount;
    return total / requestCount;
  };
  return {
    requestCount,
    errorCount,
    errorRate,
    p50: weighted((bucket) => bucket.p50),
    p95: weighted((bucket) => bucket.p95),
    p99: weighted((bucket) => bucket.p99),
    isApproximate,
  };
}

/**
 * The q-quantile (0 to 1) of a latency histogram, interpolating linearly within the bin it
 * falls in. An open-ended last bin (edge Infinity) answers with its lower edge, as Prometheus
 * does. Null for an empty histogram.
 */
export function percentileFromHistogram(edgesMs: number[], counts: number[], q: number): number | null {
  assertHistogram({ edgesMs, counts });
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be between 0 and 1 (got ${q})`);
  let total = 0;
  for (const count of counts) total += count;
  if (total === 0) return null;
  const target = q * total;
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (count > 0 && cumulative + count >= target) {
      const lower = edgesMs[i]!;
      const upper = edgesMs[i + 1]!;
      if (!Number.isFinite(upper)) return lower;
      return lower + ((target - cumulative) / count) * (upper - lower);
    }
    cumulative += count;
  }
  // Only reachable through rounding in the cumulative sum: the answer is the top of the data.
  const lastFilled = counts.findLastIndex((count) => count > 0);
  const top = edgesMs[lastFilled + 1]!;
  return Number.isFinite(top) ? top : edgesMs[lastFilled]!;
}

/**
 * Groups buckets into coarser ones aligned to multiples of `targetSeconds` since the epoch
 * (so 86400 gives UTC days), combined as combineLatency does. Each input bucket must fit in
 * one target bucket, i.e. its size must divide the target size.
 */
export function rollupBuckets(buckets: readonly LatencyBucket[], targetSeconds: number): LatencyBucket[] {
  if (!Number.isInteger(targetSeconds) || targetSeconds <= 0) {
    throw new RangeError(`rollup size must be a positive whole number of seconds (got ${targetSeconds})`);
  }
  const targetMs = targetSeconds * 1000;
  const groups = new Map<number, LatencyBucket[]>();
  for (const bucket of buckets) {
    if (!(bucket.bucketSeconds > 0) || targetSeconds % bucket.bucketSeconds !== 0) {
      throw new RangeError(`a ${bucket.bucketSeconds}s bucket cannot be rolled up into ${targetSeconds}s buckets`);
    }
    const groupStart = Math.floor(bucket.bucketStart.getTime() / targetMs) * targetMs;
    const group = groups.get(groupStart);
    if (group) group.push(bucket);
    else groups.set(groupStart, [bucket]);
  }
  return [...groups.entries()]
    .sort(([left], [right]) => left - right)
    .map(([groupStart, group]) => {
      const summary = combineLatency(group);
      const histogram = mergeHistograms(group);
      return {
        bucketStart: new Date(groupStart),
        bucketSeconds: targetSeconds,
        requestCount: summary.requestCount,
        errorCount: summary.errorCount,
        // A bucket without requests has no latency; 0 keeps the row storable (columns are NOT NULL).
        p50: summary.p50 ?? 0,
        p95: summary.p95 ?? 0,
        p99: summary.p99 ?? 0,
        ...(histogram ? { histogram } : {}),
        isApproximate: summary.isApproximate,
      };
    });
}

/** A service without a budget (imported from a platform that has none) is never over it. */
export function overBudget(p99: number | null, budgetMs: number | null): boolean {
  return p99 !== null && budgetMs !== null && p99 > budgetMs;
}

/** The sum of every bucket's histogram, or null unless all have one with identical edges. */
function mergeHistograms(buckets: readonly LatencyBucket[]): LatencyHistogram | null {
  const first = buckets[0]?.histogram;
  if (!first) return null;
  const counts = new Array<number>(first.counts.length).fill(0);
  for (const bucket of buckets) {
    const histogram = bucket.histogram;
    if (!histogram || !sameEdges(histogram.edgesMs, first.edgesMs)) return null;
    assertHistogram(histogram);
    histogram.counts.forEach((count, i) => {
      counts[i]! += count;
    });
  }
  return { edgesMs: [...first.edgesMs], counts };
}

function assertHistogram({ edgesMs, counts }: LatencyHistogram): void {
  if (edgesMs.length !== counts.length + 1 || counts.length === 0) {
    throw new RangeError(`a histogram needs one more edge than counts (got ${edgesMs.length} and ${counts.length})`);
  }
  for (let i = 0; i < edgesMs.length; i++) {
    if (Number.isNaN(edgesMs[i]!) || (i > 0 && !(edgesMs[i]! > edgesMs[i - 1]!))) {
      throw new RangeError(`histogram edges must be strictly increasing (index ${i})`);
    }
  }
  counts.forEach((count, i) => {
    if (!Number.isFinite(count) || count < 0) {
      throw new RangeError(`histogram count at index ${i} must be a finite non-negative number (got ${count})`);
    }
  });
}

function assertBucketCounts(bucket: LatencyBucket): void {
  for (const field of ["requestCount", "errorCount"] as const) {
    const value = bucket[field];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${field} must be a finite non-negative number (got ${value})`);
    }
  }
}

function sameEdges(left: number[], right: number[]): boolean {
  return left.length === right.length && left.every((edge, i) => edge === right[i]);
}
