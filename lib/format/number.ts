const GROUPED = new Intl.NumberFormat("en-US");
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact" });

/** Counts with thousands separators: 12,345. */
export function formatNumber(value: number): string {
  return GROUPED.format(value);
}

/** Large counts at a glance: 12K, 3.4M. */
export function formatCompact(value: number): string {
  return COMPACT.format(value);
}

/** Latencies: one decimal below 10 ms, whole milliseconds above. */
export function formatMs(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

/** A fraction as a percentage: 0.0123 -> "1.23%". */
export function formatPercent(value: number | null, digits = 2): string {
  return value === null ? "–" : `${(value * 100).toFixed(digits)}%`;
}

/** A statistic (PSI, JS distance): three decimals, or scientific notation when tiny. */
export function formatStatistic(value: number | undefined | null): string {
  if (value === undefined || value === null) return "–";
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  return value.toFixed(3);
}

/** A service's p99 budget; one imported from a platform without budgets has none: say so, never invent one. */
export function formatLatencyBudget(budgetMs: number | null): string {
  return budgetMs === null ? "no latency budget" : `p99 ≤ ${budgetMs} ms`;
}
