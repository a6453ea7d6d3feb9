import "server-only";

/**
 * The ingestion API's data layer: feature platforms push materialization runs, serving metrics
 * and feature profiles by object name. A batch is resolved and written as a whole in one
 * transaction (one bad item rejects it), with unnest-array INSERTs so a 10,000-item batch is
 * a handful of statements. Serving metrics roll up minute -> hour -> day for the touched range.
 */
export type { IngestContext, IngestOutcome, IngestStore } from "./batch";
export { ingestStore } from "./store";
export { ingestMaterializationRuns } from "./materialization-runs";
export { ingestServingMetrics } from "./serving-metrics";
export { ingestProfiles } from "./profiles";
export { rollupServingRange } from "./rollups";
export {
  DEFAULT_RAW_RETENTION_DAYS,
  IDEMPOTENCY_KEY_RETENTION_DAYS,
  RAW_RETENTION_SETTING,
  getRawRetentionDays,
  pruneMonitoringData,
} from "./retention";
