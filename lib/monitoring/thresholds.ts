import {
  isStatisticName,
  STATISTICS,
  type ProfileKind,
  type StatisticName,
  type StatisticValues,
} from "@/lib/monitoring/stats";

export type Threshold = { warn: number; alert: number };
export type Thresholds = Partial<Record<StatisticName, Threshold>>;
export type DriftStatus = "ok" | "warn" | "alert";
/** One per-feature owner override, shaped like a StatisticThreshold row. */
export type ThresholdOverride = { statistic: string; warn: number; alert: number };

/**
 * The defaults of docs/statistics.md. Wasserstein-1 has none because it is in the feature's own units;
 * the chi-square p-value's thresholds are lower bounds (a small p is the alarming direction).
 */
export const DEFAULT_THRESHOLDS = {
  psi: { warn: 0.1, alert: 0.25 },
  jsDistance: { warn: 0.1, alert: 0.2 },
  linf: { warn: 0.1, alert: 0.3 },
  ks: { warn: 0.1, alert: 0.2 },
  chi2PValue: { warn: 0.05, alert: 0.01 },
} as const satisfies Thresholds;

const STATUS_RANK: Record<DriftStatus, number> = { ok: 0, warn: 1, alert: 2 };

/**
 * Defaults merged with a feature's overrides (an override replaces both bounds of its
 * statistic). With a kind, only statistics that apply to it are kept, and numeric profiles
 * get no default L-infinity threshold: docs/statistics.md sets that default for categorical profiles
 * only, since shares of many narrow bins differ far less. Throws a RangeError for an unknown
 * statistic or bounds in the wrong order.
 */
export function resolveThresholds(overrides: readonly ThresholdOverride[] = [], kind?: ProfileKind): Thresholds {
  const resolved: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (kind === "numeric") delete resolved.linf;
  for (const override of overrides) {
    if (!isStatisticName(override.statistic)) {
      throw new RangeError(`unknown statistic "${override.statistic}" in threshold override`);
    }
    assertThresholdOrder(override.statistic, override);
    resolved[override.statistic] = { warn: override.warn, alert: override.alert };
  }
  if (kind) {
    for (const name of Object.keys(resolved) as StatisticName[]) {
      if (!STATISTICS[name].appliesTo.includes(kind)) delete resolved[name];
    }
  }
  return resolved;
}

/**
 * Where a value stands against its statistic's thresholds. Bounds are inclusive: PSI 0.25 is
 * an alert, as in the credit-scoring rule; a p-value alerts strictly below its bound. A
 * statistic without a threshold is never alarming.
 */
export function statusFor(statistic: StatisticName, value: number, thresholds: Thresholds): DriftStatus {
  if (Number.isNaN(value)) throw new RangeError(`${statistic} value is not a number`);
  const threshold = thresholds[statistic];
  if (!threshold) return "ok";
  if (STATISTICS[statistic].isHigherWorse) {
    if (value >= threshold.alert) return "alert";
    if (value >= threshold.warn) return "warn";
    return "ok";
  }
  if (value < threshold.alert) return "alert";
  if (value < threshold.warn) return "warn";
  return "ok";
}

export function worstStatus(statuses: Iterable<DriftStatus>): DriftStatus {
  let worst: DriftStatus = "ok";
  for (const status of statuses) {
    if (STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
  }
  return worst;
}

/** The status of every computed statistic and the worst of them, for one feature. */
export function scoreStatistics(
  values: StatisticValues,
  thresholds: Thresholds,
): { statuses: Partial<Record<StatisticName, DriftStatus>>; worst: DriftStatus } {
  const statuses: Partial<Record<StatisticName, DriftStatus>> = {};
  for (const [name, value] of Object.entries(values) as Array<[StatisticName, number | undefined]>) {
    if (value !== undefined) statuses[name] = statusFor(name, value, thresholds);
  }
  return { statuses, worst: worstStatus(Object.values(statuses)) };
}

function assertThresholdOrder(statistic: StatisticName, threshold: Threshold): void {
  if (!Number.isFinite(threshold.warn) || !Number.isFinite(threshold.alert)) {
    throw new RangeError(`${statistic} thresholds must be finite numbers`);
  }
  const isOrdered = STATISTICS[statistic].isHigherWorse
    ? threshold.warn <= threshold.alert
    : threshold.warn >= threshold.alert;
  if (!isOrdered) {
    const direction = STATISTICS[statistic].isHigherWorse ? "at most" : "at least";
    throw new RangeError(`${statistic} warn threshold must be ${direction} its alert threshold`);
  }
}
