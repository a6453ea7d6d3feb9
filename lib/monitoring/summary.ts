import type { AlertSeverity } from "@/lib/generated/prisma/enums";

/** An alert on the object that is still firing (acknowledged or not). */
export interface FiringAlert {
  id: string;
  severity: AlertSeverity;
  startedAt: string;
  message: string;
}

export type SummaryTone = "good" | "warn" | "bad" | "neutral";

export interface SummaryState {
  tone: SummaryTone;
  /** What the colour means, in words (never a colour alone). */
  label: string;
}

/**
 * The state a dashboard's headline figure shows. A firing alert wins over a healthy-looking
 * figure: a mean over a range can sit under its limit while the last 15 minutes, which the rule
 * judges, are far over it. Then the worst window over the limit, then the figure itself.
 */
export function summaryState(input: {
  /** The figure over the range (a mean, a combined percentile); null without data. */
  value: number | null;
  limit: number | null;
  /** The worst window's value in the range (the highest bucket), if any. */
  worst: number | null;
  firing: FiringAlert | null;
}): SummaryState {
  if (input.firing) {
    return {
      tone: input.firing.severity === "critical" ? "bad" : "warn",
      label: `${input.firing.severity === "critical" ? "Critical" : "Warning"} alert firing`,
    };
  }
  if (input.value === null) return { tone: "neutral", label: "No data in this range" };
  if (input.limit === null) return { tone: "neutral", label: "No limit set" };
  if (input.value > input.limit) return { tone: "bad", label: "Over the limit" };
  if (input.worst !== null && input.worst > input.limit)
    return { tone: "warn", label: "Over the limit in its worst window" };
  return { tone: "good", label: "Within the limit" };
}

/** The highest value of a series and when it was reached (points without a value are skipped). */
export function worstWindow<T extends { at: string }>(
  points: readonly T[],
  value: (point: T) => number | null,
): { at: string; value: number } | null {
  let worst: { at: string; value: number } | null = null;
  for (const point of points) {
    const current = value(point);
    if (current !== null && (worst === null || current > worst.value)) worst = { at: point.at, value: current };
  }
  return worst;
}

/**
 * A staleness series split by state for a step chart: each step is drawn in the series of its own
 * state (fresh or stale against the SLA), so a stale stretch is coloured as stale. The point after
 * a step carries its value too, so the step closes where the state changes.
 */
export function splitByState(
  points: readonly { t: number; hours: number | null }[],
  slaHours: number | null,
): { t: number; fresh: number | null; stale: number | null }[] {
  const isStale = (hours: number | null) => hours !== null && slaHours !== null && hours > slaHours;
  return points.map((point, i) => {
    const previous = points[i - 1];
    const closesFresh = previous !== undefined && previous.hours !== null && !isStale(previous.hours);
    const closesStale = previous !== undefined && isStale(previous.hours);
    return {
      t: point.t,
      fresh: point.hours !== null && (!isStale(point.hours) || closesFresh) ? point.hours : null,
      stale: point.hours !== null && (isStale(point.hours) || closesStale) ? point.hours : null,
    };
  });
}
