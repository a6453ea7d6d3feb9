import "server-only";

/**
 * Dashboard queries for monitoring. Every function is scoped to one workspace and environment,
 * reads hourly or daily rollups for long ranges (never raw minutes), and returns plain
 * serialisable objects (ISO strings for times).
 */
export { bucketSecondsFor } from "./scope";
export { getFreshnessDetail, listViewFreshness, type FreshnessDetail, type ViewFreshness } from "./freshness";
export {
  getServingDetail,
  listServiceLatency,
  type ServiceLatency,
  type ServingDetail,
  type ServingPoint,
} from "./serving";
export type { Comparison, ProfileSummary } from "@/lib/monitoring/profiles";
export { getFeatureDrift, type FeatureDrift } from "./drift";
export {
  listFeatureStatistics,
  listFeatureStatisticsFilters,
  type FeatureStatisticsFilters,
  type FeatureStatisticsRow,
} from "./feature-statistics";
export { saveThresholdOverrides, setDriftBaseline } from "./thresholds";
export { DEFAULT_RULES, createRule, getRule, listRules, setRuleEnabled, updateRule } from "./rules";
export { resolveRuleObject, ruleObjectKind, searchRuleObjects, type RuleObjectKind } from "./rule-objects";
export { getRetentionSettings, setRawRetentionDays } from "./retention";
export { DEFAULT_ERROR_RATE, getMonitoringOverview, type MonitoringOverview } from "./overview";
