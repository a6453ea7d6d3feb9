import type { AlertSeverity } from "@/lib/generated/prisma/enums";

/** How far past its limit a value must be to be critical (docs/monitoring.md, "The severity rule"). */
export const CRITICAL_FACTOR = 1.5;

/**
 * The one severity rule of every alert: a value past its limit is a warning, and more than half
 * the limit again past it (over 1.5 x the limit; for a lower bound such as a p-value, under the
 * limit / 1.5) is critical. Freshness, latency, error rate and statistics all use it, so a
 * "critical" means the same distance from healthy whatever the rule.
 */
export function severityOf(value: number, limit: number, isHigherWorse = true): AlertSeverity {
  if (isHigherWorse) return value > CRITICAL_FACTOR * limit ? "critical" : "warning";
  return value < limit / CRITICAL_FACTOR ? "critical" : "warning";
}
