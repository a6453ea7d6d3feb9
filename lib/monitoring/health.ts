/**
 * Health of feature services and models (pure; the data layer fills the signals in).
 *
 * A service's health is the worst of its own latency and error rate, the freshness of the
 * views it serves, the drift and skew of the features it serves, and the alerts firing on any
 * of them. A model's health is the worst of its services'. Every signal follows the one
 * severity rule of alerts: crossing the limit is a warning (the object is "at risk"), far past
 * it is critical ("failing"). Nothing measured at all is "no data", never "healthy".
 */
import { formatDuration } from "@/lib/format";
import type { AlertHealth, DistributionHealth, FreshnessHealth } from "@/lib/lineage/health";
import { worstStatus, type DriftStatus } from "@/lib/monitoring/thresholds";
import { monitoringHref } from "@/lib/routes";

export type ObjectHealthState = "healthy" | "at_risk" | "failing" | "no_data";
export type HealthSignal = "freshness" | "latency" | "error_rate" | "drift" | "skew" | "alert";

/** Past the limit by these factors a signal is critical (docs/monitoring.md, "The severity rule"). */
export const CRITICAL_FACTOR = { freshness: 2, latency: 1.5, errorRate: 3, statistic: 1.5 } as const;
/** The error-rate limit of the default rule: 1% of requests. */
export const ERROR_RATE_LIMIT = 0.01;

export interface HealthObjectRef {
  kind: "feature_view" | "feature" | "feature_service";
  id: string;
  name: string;
}

export interface HealthReason {
  state: "at_risk" | "failing";
  signal: HealthSignal;
  /** The view, feature or service the signal is about. */
  object: HealthObjectRef;
  /** What a person reads: "user_profile is stale: 5 d old, SLA 2 d". */
  message: string;
  /** The object's monitoring page. */
  href: string;
  /** On a model: the service it was reached through. */
  service?: { id: string; name: string };
}

export interface ObjectHealth {
  state: ObjectHealthState;
  /** Worst first. */
  reasons: HealthReason[];
}

export interface ServiceLatencySignals {
  /** Request-weighted p99 over the window; null without traffic. */
  p99Ms: number | null;
  budgetMs: number | null;
  requestCount: number;
  errorCount: number;
}

export interface ServiceSignals {
  id: string;
  name: string;
  latency?: ServiceLatencySignals;
  alerts?: AlertHealth;
  views: { id: string; name: string; freshness?: FreshnessHealth; alerts?: AlertHealth }[];
  features: {
    id: string;
    name: string;
    viewName: string;
    /** With `alertLevel`, the feature's PSI alert level (its override, else the default). */
    drift?: DistributionHealth & { alertLevel?: number };
    skew?: DistributionHealth & { alertLevel?: number };
    alerts?: AlertHealth;
  }[];
}

/** The objects whose alerts count for these services: each service, its views and its features. */
export function servedObjects(
  services: readonly { id: string; signals: ServiceSignals }[],
): { kind: "feature_service" | "feature_view" | "feature"; id: string }[] {
  return services.flatMap((service) => [
    { kind: "feature_service" as const, id: service.id },
    ...service.signals.views.map((view) => ({ kind: "feature_view" as const, id: view.id })),
    ...service.signals.features.map((feature) => ({ kind: "feature" as const, id: feature.id })),
  ]);
}

const STATE_OF = { ok: "healthy", warn: "at_risk", alert: "failing" } as const satisfies Record<
  DriftStatus,
  ObjectHealthState
>;
const STATE_RANK: Record<ObjectHealthState, number> = { no_data: 0, healthy: 1, at_risk: 2, failing: 3 };

/** warn when `value` crosses `limit`, alert at `factor` times it, ok below. */
function severity(value: number, limit: number, factor: number): DriftStatus {
  if (value >= limit * factor) return "alert";
  return value > limit ? "warn" : "ok";
}

function reason(status: DriftStatus, signal: HealthSignal, object: HealthObjectRef, message: string): HealthReason[] {
  if (status === "ok") return [];
  return [
    {
      state: status === "alert" ? "failing" : "at_risk",
      signal,
      object,
      message,
      href: monitoringHref(object.kind, object.id),
    },
  ];
}

function alertReasons(object: HealthObjectRef, alerts: AlertHealth | undefined): HealthReason[] {
  if (!alerts || alerts.count === 0) return [];
  const status: DriftStatus = alerts.severity === "critical" ? "alert" : "warn";
  const what = `${alerts.count} open ${alerts.severity} alert${alerts.count === 1 ? "" : "s"}`;
  return reason(status, "alert", object, `${object.name}: ${what}`);
}

function distributionStatus(health: DistributionHealth & { alertLevel?: number }): DriftStatus {
  // Without the alert level, the statistic's own status decides: past its alert level is a warning.
  if (health.alertLevel === undefined) return health.status === "alert" ? "warn" : "ok";
  if (health.psi >= health.alertLevel * CRITICAL_FACTOR.statistic) return "alert";
  return health.psi >= health.alertLevel ? "warn" : "ok";
}

function sortReasons(reasons: HealthReason[]): HealthReason[] {
  return reasons.sort((a, b) => STATE_RANK[b.state] - STATE_RANK[a.state]);
}

/** The worst of the states; "no_data" only when every one is. */
export function worstHealthState(states: Iterable<ObjectHealthState>): ObjectHealthState {
  let worst: ObjectHealthState = "no_data";
  for (const state of states) if (STATE_RANK[state] > STATE_RANK[worst]) worst = state;
  return worst;
}

/** One service's health from its own latency and errors and what it serves. */
export function serviceHealth(service: ServiceSignals): ObjectHealth {
  const self: HealthObjectRef = { kind: "feature_service", id: service.id, name: service.name };
  const reasons: HealthReason[] = [];
  const measured: DriftStatus[] = [];
  const judge = (status: DriftStatus, found: HealthReason[]) => {
    measured.push(status);
    reasons.push(...found);
  };

  const latency = service.latency;
  if (latency && latency.requestCount > 0) {
    if (latency.p99Ms !== null && latency.budgetMs !== null) {
      const status = severity(latency.p99Ms, latency.budgetMs, CRITICAL_FACTOR.latency);
      judge(
        status,
        reason(
          status,
          "latency",
          self,
          `${service.name}: p99 ${Math.round(latency.p99Ms)} ms over the ${latency.budgetMs} ms budget`,
        ),
      );
    }
    const errorRate = latency.errorCount / latency.requestCount;
    const status = severity(errorRate, ERROR_RATE_LIMIT, CRITICAL_FACTOR.errorRate);
    judge(
      status,
      reason(
        status,
        "error_rate",
        self,
        `${service.name}: ${(errorRate * 100).toFixed(1)}% of requests failed (limit ${ERROR_RATE_LIMIT * 100}%)`,
      ),
    );
  }
  if (service.alerts?.count) judge("ok", alertReasons(self, service.alerts));

  for (const view of service.views) {
    const ref: HealthObjectRef = { kind: "feature_view", id: view.id, name: view.name };
    const freshness = view.freshness;
    if (freshness && freshness.stalenessSeconds !== null && freshness.slaSeconds !== null) {
      const status = severity(freshness.stalenessSeconds, freshness.slaSeconds, CRITICAL_FACTOR.freshness);
      judge(
        status,
        reason(
          status,
          "freshness",
          ref,
          `${view.name} is stale: ${formatDuration(freshness.stalenessSeconds)} old, SLA ${formatDuration(freshness.slaSeconds)}`,
        ),
      );
    }
    if (view.alerts?.count) judge("ok", alertReasons(ref, view.alerts));
  }

  for (const feature of service.features) {
    const ref: HealthObjectRef = { kind: "feature", id: feature.id, name: `${feature.viewName}:${feature.name}` };
    for (const [signal, part] of [
      ["drift", feature.drift],
      ["skew", feature.skew],
    ] as const) {
      if (!part) continue;
      const status = distributionStatus(part);
      const against = signal === "drift" ? "its training baseline" : "offline values";
      judge(
        status,
        reason(
          status,
          signal,
          ref,
          `${ref.name} ${signal === "drift" ? "drifts" : "is skewed"}: PSI ${part.psi.toFixed(2)} against ${against}`,
        ),
      );
    }
    if (feature.alerts?.count) judge("ok", alertReasons(ref, feature.alerts));
  }

  if (measured.length === 0) return { state: "no_data", reasons: [] };
  const state = worstHealthState([STATE_OF[worstStatus(measured)], ...reasons.map((r) => r.state)]);
  return { state, reasons: sortReasons(reasons) };
}

/** A model's health: the worst of its services', each reason naming the service it came through. */
export function modelHealth(services: readonly { id: string; name: string; health: ObjectHealth }[]): ObjectHealth {
  const reasons = services.flatMap(({ id, name, health }) =>
    health.reasons.map((found) => ({ ...found, service: { id, name } })),
  );
  return {
    state: worstHealthState(services.map((service) => service.health.state)),
    reasons: sortReasons(reasons),
  };
}

export const HEALTH_STATE_LABELS: Record<ObjectHealthState, string> = {
  healthy: "Healthy",
  at_risk: "At risk",
  failing: "Failing",
  no_data: "No data",
};
