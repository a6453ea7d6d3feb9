/** The one formatting module: dates, durations and numbers read the same on every page. */
export { formatDateTime } from "./date";
// Chart axis ticks: lib/monitoring/axis.ts (distinct, rounded to what differs).
export { formatAge, formatDuration } from "./duration";
export { formatCompact, formatLatencyBudget, formatMs, formatNumber, formatPercent, formatStatistic } from "./number";
