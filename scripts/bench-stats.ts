/**
 * Percentiles for every benchmark, one definition (nearest rank): the value at rank
 * ceil(q * n) of the sorted values, q in 0..1; NaN for no values.
 */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Milliseconds to one decimal, as the benchmarks print them. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
