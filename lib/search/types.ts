/** Vocabulary of catalog search, shared by the SQL builder, validation, the API and the UI. */

export const CATALOG_KINDS = [
  "feature",
  "feature_view",
  "data_source",
  "entity",
  "feature_service",
  "model",
  "saved_dataset",
] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const VIEW_KINDS = ["batch", "stream", "on_demand"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** A data source's type, as the registry calls it (DataSourceKind). */
export const SOURCE_KINDS = ["batch", "stream", "request"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const HEALTH_STATES = ["fresh", "stale", "drifting"] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export const USAGE_STATES = ["used", "unused"] as const;
export type UsageState = (typeof USAGE_STATES)[number];

export const SEARCH_SORTS = ["relevance", "name", "updated", "usage"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: "Relevance",
  name: "Name",
  updated: "Recently updated",
  usage: "Most used",
};

/** Filters after resolution to ids (team slug -> team id, environment name -> id). */
export interface SearchFilters {
  kind?: CatalogKind;
  viewKind?: ViewKind;
  entity?: string;
  /** Team slug (an unknown slug matches nothing). */
  team?: string;
  owner?: string;
  tag?: string;
  dataType?: string;
  /** Environment name: objects whose version is active there (an unknown name matches nothing). */
  activeEnvironment?: string;
  health?: HealthState;
  usage?: UsageState;
}

export const FACET_NAMES = [
  "kind",
  "viewKind",
  "entity",
  "team",
  "owner",
  "tag",
  "dataType",
  "env",
  "health",
  "usage",
] as const;
export type FacetName = (typeof FACET_NAMES)[number];
