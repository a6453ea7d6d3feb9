import "server-only";
import type { NodeKind } from "@/lib/lineage/types";
import type { LineageLevel } from "@/lib/validations/lineage";

export type Direction = "up" | "down";

/** One end of a link: its node kind, the SQL expression of its id, and what gates it in an environment. */
interface LinkEnd {
  kind: NodeKind;
  id: string;
  /**
   * The id of the object whose active version admits this end: the data source of a column, the
   * feature view of a feature; omitted for the other kinds, which are versioned themselves.
   */
  parent?: string;
}

/** One registry edge (upstream -> downstream), read from the tables in `from`, walked either way. */
interface Link {
  from: string;
  upstream: LinkEnd;
  downstream: LinkEnd;
  /** A condition that holds for both directions. */
  where?: string;
}

/** A lookup of one link in one direction. */
export interface Arm {
  from: NodeKind;
  to: NodeKind;
  /** SELECT ... AS id FROM ... WHERE ...; `{w}` stands for the frontier node's id. */
  sql: string;
}

const column = (id: string, source: string): LinkEnd => ({ kind: "column", id, parent: source });
const feature = (id: string, view: string): LinkEnd => ({ kind: "feature", id, parent: view });
const object = (kind: Exclude<NodeKind, "column" | "feature">, id: string): LinkEnd => ({ kind, id });

/** A saved dataset's feature references joined to the features they name. */
export const DATASET_FEATURES =
  "saved_dataset d CROSS JOIN LATERAL unnest(d.feature_refs) AS r(ref) " +
  "JOIN feature_view v ON v.workspace_id = d.workspace_id AND v.name = split_part(r.ref, ':', 1) " +
  "JOIN feature f ON f.feature_view_id = v.id AND f.name = split_part(r.ref, ':', 2)";

const LINK = {
  sourceColumn: {
    from: "data_source_column c",
    upstream: object("data_source", "c.data_source_id"),
    downstream: column("c.id", "c.data_source_id"),
  },
  sourceBackfill: {
    from: "data_source s",
    upstream: object("data_source", "s.batch_source_id"),
    downstream: object("data_source", "s.id"),
    where: "s.workspace_id = $1",
  },
  sourceView: {
    from: "feature_view_source x",
    upstream: object("data_source", "x.data_source_id"),
    downstream: object("feature_view", "x.feature_view_id"),
  },
  sourceViewByColumns: {
    from: "data_source_column c JOIN feature_source_column x ON x.column_id = c.id JOIN feature f ON f.id = x.feature_id",
    upstream: object("data_source", "c.data_source_id"),
    downstream: object("feature_view", "f.feature_view_id"),
  },
  entityView: {
    from: "feature_view_entity x",
    upstream: object("entity", "x.entity_id"),
    downstream: object("feature_view", "x.feature_view_id"),
  },
  viewInput: {
    from: "feature_view_input x",
    upstream: object("feature_view", "x.input_feature_view_id"),
    downstream: object("feature_view", "x.feature_view_id"),
  },
  viewFeature: {
    from: "feature f",
    upstream: object("feature_view", "f.feature_view_id"),
    downstream: feature("f.id", "f.feature_view_id"),
  },
  viewService: {
    from: "feature f JOIN feature_service_feature x ON x.feature_id = f.id",
    upstream: object("feature_view", "f.feature_view_id"),
    downstream: object("feature_service", "x.feature_service_id"),
  },
  // The parent joins are LEFT JOINs on primary keys: the planner drops whichever one a direction does not read.
  columnFeature: {
    from: "feature_source_column x LEFT JOIN data_source_column c ON c.id = x.column_id LEFT JOIN feature f ON f.id = x.feature_id",
    upstream: column("x.column_id", "c.data_source_id"),
    downstream: feature("x.feature_id", "f.feature_view_id"),
  },
  featureService: {
    from: "feature_service_feature x LEFT JOIN feature f ON f.id = x.feature_id",
    upstream: feature("x.feature_id", "f.feature_view_id"),
    downstream: object("feature_service", "x.feature_service_id"),
  },
  // Impact only: on-demand inputs are declared per view, so a feature reaches its view's consumers.
  featureConsumerView: {
    from: "feature f JOIN feature_view_input x ON x.input_feature_view_id = f.feature_view_id",
    upstream: feature("f.id", "f.feature_view_id"),
    downstream: object("feature_view", "x.feature_view_id"),
  },
  serviceModel: {
    from: "model_feature_service x",
    upstream: object("feature_service", "x.feature_service_id"),
    downstream: object("model", "x.model_id"),
  },
  // A saved dataset names its features "view:feature"; they are resolved here, so the edges follow renames and re-creations.
  featureDataset: {
    from: DATASET_FEATURES,
    upstream: feature("f.id", "f.feature_view_id"),
    downstream: object("saved_dataset", "d.id"),
    where: "d.workspace_id = $1",
  },
  viewDataset: {
    from: DATASET_FEATURES,
    upstream: object("feature_view", "f.feature_view_id"),
    downstream: object("saved_dataset", "d.id"),
    where: "d.workspace_id = $1",
  },
  serviceDataset: {
    from: "saved_dataset d",
    upstream: object("feature_service", "d.feature_service_id"),
    downstream: object("saved_dataset", "d.id"),
    where: "d.workspace_id = $1",
  },
  datasetModel: {
    from: "model m",
    upstream: object("saved_dataset", "m.training_dataset_id"),
    downstream: object("model", "m.id"),
  },
} satisfies Record<string, Link>;

/** What admits an end in an environment: the active version of it, or of its parent object. */
function gate(end: LinkEnd): { kind: NodeKind; id: string } {
  if (end.kind === "column") return { kind: "data_source", id: end.parent! };
  if (end.kind === "feature") return { kind: "feature_view", id: end.parent! };
  return { kind: end.kind, id: end.id };
}

/**
 * The lookup of `link` from its `direction`-side frontier: `$1` is the workspace id, `$2` the
 * environment id or null. The far end's activity is checked unless the near end (already
 * walked, so active) stands on the same gate, as a column does on its data source.
 */
export function armOf(link: Link, direction: Direction): Arm {
  const [near, far] = direction === "down" ? [link.upstream, link.downstream] : [link.downstream, link.upstream];
  const farGate = gate(far);
  const nearGate = gate(near);
  const conditions = [`${near.id} = {w}`, `${far.id} IS NOT NULL`];
  if (link.where) conditions.push(link.where);
  if (farGate.kind !== nearGate.kind || farGate.id !== nearGate.id) {
    conditions.push(
      `($2::text IS NULL OR EXISTS (SELECT 1 FROM active_version av WHERE av.environment_id = $2 AND av.object_kind = '${farGate.kind}' AND av.object_id = ${farGate.id}))`,
    );
  }
  return { from: near.kind, to: far.kind, sql: `SELECT ${far.id} FROM ${link.from} WHERE ${conditions.join(" AND ")}` };
}

function both(links: readonly Link[]): Record<Direction, Arm[]> {
  return { down: links.map((link) => armOf(link, "down")), up: links.map((link) => armOf(link, "up")) };
}

/** The edges of buildLineageGraph at each level, as lookups in each direction. */
export const ARMS: Record<LineageLevel | "impact", Record<Direction, Arm[]>> = {
  column: both([
    LINK.sourceColumn,
    LINK.sourceBackfill,
    LINK.sourceView,
    LINK.entityView,
    LINK.viewInput,
    LINK.viewFeature,
    LINK.columnFeature,
    LINK.featureService,
    LINK.featureDataset,
    LINK.serviceDataset,
    LINK.serviceModel,
    LINK.datasetModel,
  ]),
  object: both([
    LINK.sourceBackfill,
    LINK.sourceView,
    LINK.sourceViewByColumns,
    LINK.entityView,
    LINK.viewInput,
    LINK.viewService,
    LINK.viewDataset,
    LINK.serviceDataset,
    LINK.serviceModel,
    LINK.datasetModel,
  ]),
  impact: {
    down: [
      LINK.sourceColumn,
      LINK.sourceBackfill,
      LINK.sourceView,
      LINK.entityView,
      LINK.viewInput,
      LINK.viewFeature,
      LINK.columnFeature,
      LINK.featureService,
      LINK.featureConsumerView,
      LINK.featureDataset,
      LINK.serviceDataset,
      LINK.serviceModel,
      LINK.datasetModel,
    ].map((link) => armOf(link, "down")),
    up: [],
  },
};

/** One lookup per arm, gated on the frontier node's kind so only matching arms run. */
export function neighbourSql(arms: readonly Arm[], alias: string): string {
  if (arms.length === 0) return `SELECT NULL::text AS kind, NULL::text AS id WHERE false`;
  return arms
    .map(
      (arm) =>
        `SELECT '${arm.to}'::text AS kind, n.id FROM (${arm.sql.replaceAll("{w}", `${alias}.id`)} AND ${alias}.kind = '${arm.from}') AS n(id)`,
    )
    .join("\nUNION ALL\n");
}
