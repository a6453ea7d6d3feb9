/*
 * 30 days of monitoring history for the demo catalog, as a pure function of the catalog and
 * `now`: materialization runs, per-minute serving metrics and daily feature profiles, with a
 * few deliberate problems for the UI to find (stale views, a slow service, drift and skew).
 */
export {
  DRIFTING_FEATURES,
  ERROR_INCIDENT,
  HISTORY_DAYS,
  SKEW_SINCE_DAYS,
  SKEWED_FEATURE,
  SLOW_SERVICE,
  SLOW_SERVICE_SINCE_DAYS,
  STALE_VIEWS,
} from "@/lib/demo/incidents";
export { generateRuns, type DemoRun } from "@/lib/demo/runs";
export { generateServingSeries, servingWindow, type ServingSeries } from "@/lib/demo/serving";
export { binEdgesFor, distributionFor, normalCdf } from "@/lib/demo/distributions";
export { generateProfiles, profiledFeatures, type DemoProfile, type ProfileFeature } from "@/lib/demo/profiles";
