import "server-only";

/**
 * Object pages of the catalog: one loader per kind returning what its page shows, always
 * scoped to the workspace (an id of another workspace is "not found"), plus the "add features
 * to a service" write, which saves a new service version through lib/data/definitions.
 */
export {
  getObjectHeader,
  getVersionInfo,
  requireObjectHeader,
  type ActiveVersionInfo,
  type ObjectHeader,
  type VersionInfo,
} from "./header";
export type { UsageInfo } from "./usage";
export type { FeatureHealth, SeriesPoint } from "./health";
export type { FeatureDetail } from "./feature";
export type { FeatureViewDetail } from "./feature-view";
export { getDataSourceDetail, type DataSourceDetail } from "./data-source";
export { getEntityDetail, type EntityDetail } from "./entity";
export { getFeatureServiceDetail, type FeatureServiceDetail } from "./feature-service";
export { getModelDetail, type ModelDetail } from "./model";
export { getSavedDatasetDetail, type SavedDatasetDetail } from "./saved-dataset";
export {
  clockSubject,
  getClockHealth,
  getFeatureDetail,
  getObjectDetail,
  getObjectRegistryDetail,
  withClockHealth,
  type ClockHealth,
  type ClockSubject,
  type ObjectDetail,
  type ObjectRegistryDetail,
} from "./object-detail";
export { addFeaturesToService, listFeatureServiceOptions, type AddToServiceResult } from "./add-to-service";
export { listTeamOptions, updateOwnership } from "./ownership";
