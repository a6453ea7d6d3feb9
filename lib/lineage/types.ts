import { OBJECT_KINDS } from "@/lib/kinds";

/**
 * Lineage of a workspace's registry as a directed graph. Edges point the way data flows, so
 * "downstream of X" answers "what breaks if X changes".
 */
/** Every object kind is a node kind (columns included): the vocabulary of lib/kinds.ts. */
export const NODE_KINDS = OBJECT_KINDS;

export type NodeKind = (typeof NODE_KINDS)[number];
export type SourceKind = "batch" | "stream" | "request";
export type ViewKind = "batch" | "stream" | "on_demand";

export const EDGE_RELATIONS = [
  "has_column", // data_source -> column (containment)
  "backfills", // batch source -> the stream source it backfills
  "reads", // data_source -> feature_view
  "keys", // entity -> feature_view
  "input_to", // feature_view -> on-demand feature_view reading it
  "produces", // feature_view -> feature
  "derives", // column -> feature (feature-level lineage)
  "served_by", // feature -> feature_service (object level: feature_view -> feature_service)
  "consumed_by", // feature_service -> model
  "trains", // saved_dataset -> model
  "saved_in", // feature -> saved_dataset holding it, feature_service -> saved_dataset retrieved through it (object level: feature_view -> saved_dataset)
] as const;

export type EdgeRelation = (typeof EDGE_RELATIONS)[number];

export interface LineageNode {
  /** "<kind>:<objectId>" */
  id: string;
  kind: NodeKind;
  objectId: string;
  name: string;
  /** The source kind for data sources, the view kind for feature views. */
  subKind?: SourceKind | ViewKind;
  teamId?: string;
  owner?: string;
  /** Column -> its data source, feature -> its feature view. */
  parentId?: string;
  /** On a directed cycle (e.g. on-demand views feeding each other). */
  isOnCycle?: boolean;
  /** Set by neighborhood(): neighbours left out of the subgraph, for "expand" affordances. */
  hiddenUpstream?: number;
  hiddenDownstream?: number;
  /**
   * Neighbours upstream / downstream in the whole registry at the graph's level, when the
   * graph is one window of it (focused API answers), so merged windows can recount hidden ones.
   */
  upstreamCount?: number;
  downstreamCount?: number;
  /** Neighbour node ids (at most 100 each way), so merged windows can draw edges between them. */
  upstreamIds?: string[];
  downstreamIds?: string[];
}

export interface LineageEdge {
  /** "<source>-><target>"; at most one edge per ordered pair. */
  id: string;
  source: string;
  target: string;
  relation: EdgeRelation;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** True when a traversal stopped at its node limit. */
  truncated?: boolean;
}

type Nullable<T> = T | null | undefined;

/** Registry rows as loaded from the Prisma tables (only the fields lineage needs). */
export interface RegistryRows {
  dataSources: readonly {
    id: string;
    name: string;
    kind: SourceKind;
    owner?: Nullable<string>;
    teamId?: Nullable<string>;
    batchSourceId?: Nullable<string>;
  }[];
  dataSourceColumns: readonly {
    id: string;
    dataSourceId: string;
    name: string;
    position?: Nullable<number>;
  }[];
  entities: readonly {
    id: string;
    name: string;
    owner?: Nullable<string>;
    teamId?: Nullable<string>;
  }[];
  featureViews: readonly {
    id: string;
    name: string;
    kind: ViewKind;
    owner?: Nullable<string>;
    teamId?: Nullable<string>;
  }[];
  featureViewSources: readonly { featureViewId: string; dataSourceId: string }[];
  featureViewEntities: readonly { featureViewId: string; entityId: string }[];
  featureViewInputs: readonly { featureViewId: string; inputFeatureViewId: string }[];
  features: readonly {
    id: string;
    featureViewId: string;
    name: string;
    owner?: Nullable<string>;
    position?: Nullable<number>;
  }[];
  featureSourceColumns: readonly { featureId: string; columnId: string }[];
  featureServices: readonly {
    id: string;
    name: string;
    owner?: Nullable<string>;
    teamId?: Nullable<string>;
  }[];
  featureServiceFeatures: readonly { featureServiceId: string; featureId: string }[];
  models: readonly {
    id: string;
    name: string;
    owner?: Nullable<string>;
    teamId?: Nullable<string>;
    trainingDatasetId?: Nullable<string>;
  }[];
  modelFeatureServices: readonly { modelId: string; featureServiceId: string }[];
  savedDatasets: readonly {
    id: string;
    name: string;
    owner?: Nullable<string>;
    teamId?: Nullable<string>;
    /** The feature service the rows were retrieved through. */
    featureServiceId?: Nullable<string>;
  }[];
  /** A saved dataset's feature references ("view:feature") resolved to feature ids. */
  savedDatasetFeatures?: readonly { savedDatasetId: string; featureId: string }[];
}

/**
 * Optional object-level links: "some feature of this view is served by this service", so an
 * object-level graph needs no feature rows (a workspace can hold 100,000 features).
 */
export interface ObjectLevelLinks {
  featureViewServices?: readonly { featureViewId: string; featureServiceId: string }[];
  /** "Some feature of this view is in this saved dataset." */
  featureViewSavedDatasets?: readonly { featureViewId: string; savedDatasetId: string }[];
}

export const IMPACT_KINDS = ["feature_view", "feature", "feature_service", "model"] as const;
export type ImpactKind = (typeof IMPACT_KINDS)[number];

export interface ImpactItem {
  id: string;
  kind: ImpactKind;
  objectId: string;
  name: string;
  owner?: string;
  teamId?: string;
}

export interface Impact {
  rootId: string;
  rootName: string;
  /** Sorted by kind (views, features, services, models), then name. */
  items: ImpactItem[];
  counts: Record<ImpactKind, number>;
  total: number;
  /** Whom to tell: distinct non-empty owners and team ids of the impacted objects, sorted. */
  owners: string[];
  teamIds: string[];
}

const NODE_KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);
// Ids come from URLs and API paths; registry ids are cuids, so a narrow alphabet is enough.
const OBJECT_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export function nodeId(kind: NodeKind, objectId: string): string {
  return `${kind}:${objectId}`;
}

export function isNodeKind(text: string): text is NodeKind {
  return NODE_KIND_SET.has(text);
}

/** "feature_view:abc" -> { kind, objectId }; null for anything else. */
export function parseNodeId(text: string): { kind: NodeKind; objectId: string } | null {
  const colon = text.indexOf(":");
  if (colon <= 0) return null;
  const kind = text.slice(0, colon);
  const objectId = text.slice(colon + 1);
  if (!isNodeKind(kind) || !OBJECT_ID.test(objectId)) return null;
  return { kind, objectId };
}
