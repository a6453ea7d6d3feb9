import { formatDuration } from "@/lib/format";
import type { StatisticName } from "@/lib/monitoring/stats";
import type { DriftStatus } from "@/lib/monitoring/thresholds";
import type { CheckProblem, CheckResult, CheckStatus } from "./checks";

/*
 * The health checks of a promotion request: freshness, skew and drift of what the request
 * brings, measured in the source environment. They warn, and block only when an admin set
 * block-on-health on the target.
 */

export interface ViewFreshness {
  view: string;
  slaSeconds: number | null;
  /** Worst staleness over the window; null when nothing landed in it. */
  maxStalenessSeconds: number | null;
  runCount: number;
}

export interface FeatureScore {
  view: string;
  feature: string;
  values: Partial<Record<StatisticName, number>>;
  worst: DriftStatus;
}

export interface HealthInput {
  sourceName: string;
  blockOnHealth: boolean;
  freshness: readonly ViewFreshness[];
  skew: readonly FeatureScore[];
  drift: readonly FeatureScore[];
}

export function checkFreshness(input: HealthInput): CheckResult {
  const problems: CheckProblem[] = [];
  let over = 0;
  let measured = 0;
  for (const view of input.freshness) {
    if (view.slaSeconds === null) continue;
    if (view.maxStalenessSeconds === null) {
      problems.push({
        object: view.view,
        severity: "warning",
        message: `No successful materialization landed in ${input.sourceName} in the last 24 h; freshness cannot be confirmed.`,
      });
      continue;
    }
    measured++;
    if (view.maxStalenessSeconds > view.slaSeconds) {
      over++;
      problems.push({
        object: view.view,
        severity: input.blockOnHealth ? "error" : "warning",
        message: `Staleness reached ${formatDuration(view.maxStalenessSeconds)} in the last 24 h, over its SLA of ${formatDuration(view.slaSeconds)}.`,
      });
    }
  }
  const status: CheckStatus = over > 0 && input.blockOnHealth ? "fail" : problems.length > 0 ? "warn" : "pass";
  return {
    name: "freshness",
    blocking: input.blockOnHealth,
    status,
    message:
      over > 0
        ? `${over} view${over === 1 ? "" : "s"} went stale in ${input.sourceName} in the last 24 h.`
        : problems.length > 0
          ? `Freshness not measured in ${input.sourceName} for ${problems.length} view${problems.length === 1 ? "" : "s"}.`
          : measured > 0
            ? `Every view stayed within its freshness SLA in ${input.sourceName} over the last 24 h.`
            : "No materialized views in this request.",
    details: { problems },
  };
}

function formatValues(values: FeatureScore["values"]): string {
  return Object.entries(values)
    .map(([name, value]) => `${name} ${Number(value).toFixed(3)}`)
    .join(", ");
}

export function checkScores(name: "skew" | "drift", scores: readonly FeatureScore[], input: HealthInput): CheckResult {
  const problems: CheckProblem[] = [];
  let alerts = 0;
  for (const score of scores) {
    if (score.worst === "ok") continue;
    if (score.worst === "alert") alerts++;
    problems.push({
      object: `${score.view}:${score.feature}`,
      severity: score.worst === "alert" && input.blockOnHealth ? "error" : "warning",
      message: `${score.worst === "alert" ? "Over its alert threshold" : "Over its warning threshold"}: ${formatValues(score.values)}.`,
    });
  }
  const what = name === "skew" ? "online/offline skew" : "drift from the training baseline";
  return {
    name,
    blocking: input.blockOnHealth,
    status: alerts > 0 && input.blockOnHealth ? "fail" : problems.length > 0 ? "warn" : "pass",
    message:
      problems.length > 0
        ? `${problems.length} feature${problems.length === 1 ? "" : "s"} with ${what} over thresholds in ${input.sourceName}.`
        : scores.length > 0
          ? `${scores.length} feature${scores.length === 1 ? "" : "s"} compared; ${what} under thresholds in ${input.sourceName}.`
          : `No profiles recorded in ${input.sourceName}; ${what} not measured.`,
    details: { problems },
  };
}
