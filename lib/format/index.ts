/** The one formatting module: dates, durations and numbers read the same on every page. */
export { formatDateTime, formatTick } from "./date";
export { formatAge, formatDuration } from "./duration";
export { formatCompact, formatLatencyBudget, formatMs, formatNumber, formatPercent, formatStatistic } from "./number";
