/* Time units and the deliberate problems the demo history holds, for the UI (and tests) to find. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 30;

/** Views whose pipelines broke: their newest watermark is far older than twice the schedule. */
export const STALE_VIEWS = ["merchant_risk_stats", "driver_rating_stats", "category_affinity"] as const;
/** The service whose p99 breaks its budget over the last days. */
export const SLOW_SERVICE = "eta_realtime";
export const SLOW_SERVICE_SINCE_DAYS = 3;
/** Online distributions shift away from training over the last week. */
export const DRIFTING_FEATURES = [
  "txn_amount_vs_avg:txn_amount_vs_avg",
  "login_activity:login_count_15m",
  "user_profile:preferred_channel",
] as const;
/** Online values disagree with offline ones for the same window (training/serving skew). */
export const SKEWED_FEATURE = "driver_trip_stats:driver_avg_trip_duration_min_30d";
export const SKEW_SINCE_DAYS = 12;
/** A resolved error-rate incident. */
export const ERROR_INCIDENT = { service: "dynamic_pricing_v2", daysAgo: 9, minutes: 42, errorRate: 0.046 } as const;
