/**
 * Health of lineage nodes in one environment, as the overlay shows it: freshness against the
 * SLA (feature views), p99 against the latency budget (feature services), drift and skew
 * (features, and their views), and open alerts (anything). Pure: the data layer fills it in.
 */
import { formatDuration } from "@/lib/format";

export type HealthStatus = "ok" | "warn" | "bad" | "unknown";

export interface FreshnessHealth {
  status: "fresh" | "stale" | "unknown";
  /** Null when never materialised in this environment. */
  stalenessSeconds: number | null;
  slaSeconds: number | null;
}

export interface LatencyHealth {
  /** Request-weighted p99 over the last hour; null without traffic. */
  p99Ms: number | null;
  budgetMs: number | null;
  isOverBudget: boolean;
  /** Requests and failed requests in the same window. */
  requestCount?: number;
  errorCount?: number;
}

export interface DistributionHealth {
  status: "ok" | "warn" | "alert";
  psi: number;
  /** The feature's PSI alert level (its override, else the default). */
  alertLevel?: number;
  /** On a feature view: how many of its features are not ok (the status and PSI are the worst one's). */
  featureCount?: number;
}

export interface AlertHealth {
  count: number;
  severity: "warning" | "critical";
}

/** A service's or model's own health (lib/monitoring/health.ts), with its reasons in words. */
export interface ServedHealth {
  state: "healthy" | "at_risk" | "failing" | "no_data";
  reasons: string[];
}

export interface NodeHealth {
  status: HealthStatus;
  /** Services and models: their health from what they serve (it covers their own latency and alerts too). */
  served?: ServedHealth;
  freshness?: FreshnessHealth;
  latency?: LatencyHealth;
  /** Online values vs the model's training profile. */
  drift?: DistributionHealth;
  /** Online vs offline values of the same window. */
  skew?: DistributionHealth;
  alerts?: AlertHealth;
}

const STATUS_RANK: Record<HealthStatus, number> = { unknown: 0, ok: 1, warn: 2, bad: 3 };

export function worseHealth(a: HealthStatus, b: HealthStatus): HealthStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}

function distributionStatus(health: DistributionHealth | undefined): HealthStatus {
  if (!health) return "unknown";
  return health.status === "alert" ? "bad" : health.status === "warn" ? "warn" : "ok";
}

/** The node's overall status: the worst of its parts; "unknown" when nothing is measured. */
const SERVED_STATUS: Record<ServedHealth["state"], HealthStatus> = {
  healthy: "ok",
  at_risk: "warn",
  failing: "bad",
  no_data: "unknown",
};

export function overallHealth(health: Omit<NodeHealth, "status">): HealthStatus {
  // A service's or model's judged health already weighs its latency, errors and alerts.
  if (health.served && health.served.state !== "no_data") return SERVED_STATUS[health.served.state];
  let status: HealthStatus = "unknown";
  if (health.freshness) {
    const { status: freshness } = health.freshness;
    status = worseHealth(status, freshness === "stale" ? "bad" : freshness === "fresh" ? "ok" : "unknown");
  }
  if (health.latency && health.latency.p99Ms !== null) {
    status = worseHealth(status, health.latency.isOverBudget ? "bad" : "ok");
  }
  status = worseHealth(status, distributionStatus(health.drift));
  status = worseHealth(status, distributionStatus(health.skew));
  if (health.alerts && health.alerts.count > 0) {
    status = worseHealth(status, health.alerts.severity === "critical" ? "bad" : "warn");
  }
  return status;
}

export function withOverall(health: Omit<NodeHealth, "status">): NodeHealth {
  return { status: overallHealth(health), ...health };
}

/**
 * The node badge: the most pressing problem first (stale, over budget, drift, skew, alerts),
 * with a longer description for its tooltip and for screen readers. Null when all is well or
 * nothing is known.
 */
export function healthBadge(health: NodeHealth | undefined): { label: string; description: string } | null {
  if (!health) return null;
  const served = health.served;
  if (served && (served.state === "at_risk" || served.state === "failing")) {
    const label = served.state === "failing" ? "failing" : "at risk";
    return {
      label: served.reasons.length > 1 ? `${label} · ${served.reasons.length}` : label,
      description: `${served.state === "failing" ? "Failing" : "At risk"}: ${served.reasons.join("; ")}`,
    };
  }
  const problems: { label: string; description: string }[] = [];
  const { freshness, latency, drift, skew, alerts } = health;
  if (freshness?.status === "stale" && freshness.slaSeconds !== null) {
    const age = freshness.stalenessSeconds === null ? "never" : formatDuration(freshness.stalenessSeconds);
    problems.push({
      label: `stale ${age}`,
      description: `Stale: newest data is ${age === "never" ? "missing (never materialised)" : `${age} old`}, SLA ${formatDuration(freshness.slaSeconds)}`,
    });
  }
  if (latency?.isOverBudget && latency.p99Ms !== null) {
    problems.push({
      label: `p99 ${Math.round(latency.p99Ms)}ms`,
      description: `p99 ${Math.round(latency.p99Ms)} ms over the ${latency.budgetMs} ms budget (last hour)`,
    });
  }
  for (const [name, part] of [
    ["drift", drift],
    ["skew", skew],
  ] as const) {
    if (part && part.status !== "ok") {
      const scope = part.featureCount ? ` in ${part.featureCount} feature${part.featureCount === 1 ? "" : "s"}` : "";
      problems.push({
        label: name,
        description: `${name === "drift" ? "Drift" : "Skew"} ${part.status}${scope}: PSI ${part.psi.toFixed(2)}`,
      });
    }
  }
  if (alerts && alerts.count > 0) {
    problems.push({
      label: `${alerts.count} alert${alerts.count === 1 ? "" : "s"}`,
      description: `${alerts.count} open ${alerts.severity} alert${alerts.count === 1 ? "" : "s"}`,
    });
  }
  const first = problems[0];
  if (!first) return null;
  return {
    label: problems.length > 1 ? `${first.label} +${problems.length - 1}` : first.label,
    description: problems.map((problem) => problem.description).join("; "),
  };
}
