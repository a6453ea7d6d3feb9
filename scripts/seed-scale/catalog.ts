/** The specs of a generated scale catalog: what `generate.ts` draws and the `write-*` modules store. */

export type EnvironmentName = "dev" | "staging" | "prod";

export interface ScaleCounts {
  features: number;
  views: number;
  sources: number;
  services: number;
  models: number;
  datasets: number;
}

export interface TeamSpec {
  id: string;
  slug: string;
  name: string;
}

export interface EntitySpec {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  joinKey: { id: string; name: string };
}

export interface SourceSpec {
  id: string;
  name: string;
  kind: "batch" | "stream" | "request";
  platform: string;
  team: string;
  owner: string;
  measure: string;
  tags: string[];
  location: string;
  description: string;
  updatedAt: Date;
  columns: { id: string; name: string; type: string }[];
}

export interface FeatureSpec {
  id: string;
  name: string;
  valueType: string;
  description: string;
  tags: string[];
}

/** A version 1 of a definition and the environments it is active in. */
export interface VersionSpec {
  id: string;
  activeIn: EnvironmentName[];
}

export interface ViewSpec {
  id: string;
  name: string;
  kind: "batch" | "stream" | "on_demand";
  team: string;
  owner: string;
  tags: string[];
  entities: string[];
  sourceId: string;
  measure: string;
  features: FeatureSpec[];
  updatedAt: Date;
  schedule: string | null;
  description: string;
  /** Stream views aggregate their source's amount column over fixed windows. */
  aggregation: { id: string; function: string; column: string; windows: string[] } | null;
  version: VersionSpec;
}

/** A feature with the view it belongs to and its position there. */
export interface PlacedFeature extends FeatureSpec {
  viewId: string;
  viewName: string;
  position: number;
  /** The view's: a feature changes with its view. */
  updatedAt: Date;
}

export interface ServiceSpec {
  id: string;
  name: string;
  team: string;
  owner: string;
  tags: string[];
  budget: number;
  features: PlacedFeature[];
  description: string;
  updatedAt: Date;
  version: VersionSpec;
}

export interface DatasetSpec {
  id: string;
  name: string;
  team: string;
  owner: string;
  serviceId: string;
  updatedAt: Date;
}

export interface ModelSpec {
  id: string;
  name: string;
  team: string;
  owner: string;
  serviceIds: string[];
  datasetId: string | null;
  version: string;
  updatedAt: Date;
}

export interface ScaleCatalog {
  /** The moment the catalog was generated: `updatedAt`s lie up to a year before it. */
  now: Date;
  counts: ScaleCounts;
  workspace: { id: string; slug: string; name: string; description: string };
  environments: { id: string; name: EnvironmentName; position: number; requiredApprovals: number }[];
  teams: TeamSpec[];
  entities: EntitySpec[];
  sources: SourceSpec[];
  views: ViewSpec[];
  features: PlacedFeature[];
  services: ServiceSpec[];
  datasets: DatasetSpec[];
  models: ModelSpec[];
}
