import "server-only";
import { getLineageHealth } from "@/lib/data/lineage-health";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildLineageGraph, indexLineage, inOf, KIND_RANK, outOf, sortGraph } from "@/lib/lineage/build";
import { impactOf } from "@/lib/lineage/traverse";
import {
  nodeId,
  type Impact,
  type ImpactItem,
  type LineageGraph,
  type NodeKind,
  type ObjectLevelLinks,
  type RegistryRows,
} from "@/lib/lineage/types";
import type { NodeHealth } from "@/lib/lineage/health";
import type { ImpactQuery, LineageLevel, LineageQuery, WorkspaceLineageQuery } from "@/lib/validations/lineage";

/*
 * Lineage straight from the registry tables. A focused query walks from a root with one
 * recursive CTE: each step joins the frontier LATERALly against one small indexed lookup per
 * edge kind, so a step costs index probes, not scans of the link tables. UNION de-duplicates
 * (direction, node, depth) rows, so cycles of on-demand views end at the hop limit, and an
 * outer LIMIT stops the (lazily evaluated) recursion once enough rows are found.
 *
 * Environments: with an environment, only objects with an active version there are walked
 * (columns follow their data source, features their feature view). The links themselves are
 * the registry head's.
 */

type Direction = "up" | "down";

interface Arm {
  from: NodeKind;
  to: NodeKind;
  /** SELECT ... AS id FROM ... WHERE ...; `{w}` stands for the frontier node's id. */
  sql: string;
}

/** `$1` is the workspace id, `$2` the environment id or null. */
function active(kind: NodeKind, idExpr: string): string {
  return `($2::text IS NULL OR EXISTS (SELECT 1 FROM active_version av WHERE av.environment_id = $2 AND av.object_kind = '${kind}' AND av.object_id = ${idExpr}))`;
}

const ARM = {
  sourceToColumn: {
    from: "data_source",
    to: "column",
    sql: `SELECT c.id FROM data_source_column c WHERE c.data_source_id = {w}`,
  },
  sourceToBackfilled: {
    from: "data_source",
    to: "data_source",
    sql: `SELECT s.id FROM data_source s WHERE s.batch_source_id = {w} AND s.workspace_id = $1 AND ${active("data_source", "s.id")}`,
  },
  sourceToView: {
    from: "data_source",
    to: "feature_view",
    sql: `SELECT x.feature_view_id FROM feature_view_source x WHERE x.data_source_id = {w} AND ${active("feature_view", "x.feature_view_id")}`,
  },
  sourceToViewByColumns: {
    from: "data_source",
    to: "feature_view",
    sql: `SELECT f.feature_view_id FROM data_source_column c JOIN feature_source_column x ON x.column_id = c.id JOIN feature f ON f.id = x.feature_id WHERE c.data_source_id = {w} AND ${active("feature_view", "f.feature_view_id")}`,
  },
  entityToView: {
    from: "entity",
    to: "feature_view",
    sql: `SELECT x.feature_view_id FROM feature_view_entity x WHERE x.entity_id = {w} AND ${active("feature_view", "x.feature_view_id")}`,
  },
  viewToConsumerView: {
    from: "feature_view",
    to: "feature_view",
    sql: `SELECT x.feature_view_id FROM feature_view_input x WHERE x.input_feature_view_id = {w} AND ${active("feature_view", "x.feature_view_id")}`,
  },
  viewToFeature: {
    from: "feature_view",
    to: "feature",
    sql: `SELECT f.id FROM feature f WHERE f.feature_view_id = {w}`,
  },
  viewToService: {
    from: "feature_view",
    to: "feature_service",
    sql: `SELECT x.feature_service_id FROM feature f JOIN feature_service_feature x ON x.feature_id = f.id WHERE f.feature_view_id = {w} AND ${active("feature_service", "x.feature_service_id")}`,
  },
  columnToFeature: {
    from: "column",
    to: "feature",
    sql: `SELECT f.id FROM feature_source_column x JOIN feature f ON f.id = x.feature_id WHERE x.column_id = {w} AND ${active("feature_view", "f.feature_view_id")}`,
  },
  featureToService: {
    from: "feature",
    to: "feature_service",
    sql: `SELECT x.feature_service_id FROM feature_service_feature x WHERE x.feature_id = {w} AND ${active("feature_service", "x.feature_service_id")}`,
  },
  // Impact only: on-demand inputs are declared per view, so a feature reaches its view's consumers.
  featureToConsumerView: {
    from: "feature",
    to: "feature_view",
    sql: `SELECT x.feature_view_id FROM feature f JOIN feature_view_input x ON x.input_feature_view_id = f.feature_view_id WHERE f.id = {w} AND ${active("feature_view", "x.feature_view_id")}`,
  },
  serviceToModel: {
    from: "feature_service",
    to: "model",
    sql: `SELECT x.model_id FROM model_feature_service x WHERE x.feature_service_id = {w} AND ${active("model", "x.model_id")}`,
  },
  datasetToModel: {
    from: "saved_dataset",
    to: "model",
    sql: `SELECT m.id FROM model m WHERE m.training_dataset_id = {w} AND ${active("model", "m.id")}`,
  },

  columnToSource: {
    from: "column",
    to: "data_source",
    sql: `SELECT c.data_source_id FROM data_source_column c WHERE c.id = {w} AND ${active("data_source", "c.data_source_id")}`,
  },
  sourceToBackfill: {
    from: "data_source",
    to: "data_source",
    sql: `SELECT s.batch_source_id FROM data_source s WHERE s.id = {w} AND s.batch_source_id IS NOT NULL AND ${active("data_source", "s.batch_source_id")}`,
  },
  viewToSource: {
    from: "feature_view",
    to: "data_source",
    sql: `SELECT x.data_source_id FROM feature_view_source x WHERE x.feature_view_id = {w} AND ${active("data_source", "x.data_source_id")}`,
  },
  viewToSourceByColumns: {
    from: "feature_view",
    to: "data_source",
    sql: `SELECT c.data_source_id FROM feature f JOIN feature_source_column x ON x.feature_id = f.id JOIN data_source_column c ON c.id = x.column_id WHERE f.feature_view_id = {w} AND ${active("data_source", "c.data_source_id")}`,
  },
  viewToEntity: {
    from: "feature_view",
    to: "entity",
    sql: `SELECT x.entity_id FROM feature_view_entity x WHERE x.feature_view_id = {w} AND ${active("entity", "x.entity_id")}`,
  },
  viewToInputView: {
    from: "feature_view",
    to: "feature_view",
    sql: `SELECT x.input_feature_view_id FROM feature_view_input x WHERE x.feature_view_id = {w} AND ${active("feature_view", "x.input_feature_view_id")}`,
  },
  featureToView: {
    from: "feature",
    to: "feature_view",
    sql: `SELECT f.feature_view_id FROM feature f WHERE f.id = {w}`,
  },
  featureToColumn: {
    from: "feature",
    to: "column",
    sql: `SELECT x.column_id FROM feature_source_column x JOIN data_source_column c ON c.id = x.column_id WHERE x.feature_id = {w} AND ${active("data_source", "c.data_source_id")}`,
  },
  serviceToFeature: {
    from: "feature_service",
    to: "feature",
    sql: `SELECT f.id FROM feature_service_feature x JOIN feature f ON f.id = x.feature_id WHERE x.feature_service_id = {w} AND ${active("feature_view", "f.feature_view_id")}`,
  },
  serviceToView: {
    from: "feature_service",
    to: "feature_view",
    sql: `SELECT f.feature_view_id FROM feature_service_feature x JOIN feature f ON f.id = x.feature_id WHERE x.feature_service_id = {w} AND ${active("feature_view", "f.feature_view_id")}`,
  },
  modelToService: {
    from: "model",
    to: "feature_service",
    sql: `SELECT x.feature_service_id FROM model_feature_service x WHERE x.model_id = {w} AND ${active("feature_service", "x.feature_service_id")}`,
  },
  modelToDataset: {
    from: "model",
    to: "saved_dataset",
    sql: `SELECT m.training_dataset_id FROM model m WHERE m.id = {w} AND m.training_dataset_id IS NOT NULL AND ${active("saved_dataset", "m.training_dataset_id")}`,
  },
} satisfies Record<string, Arm>;

/** The edges of buildLineageGraph at each level, as lookups in each direction. */
const ARMS: Record<LineageLevel | "impact", Record<Direction, Arm[]>> = {
  column: {
    down: [
      ARM.sourceToColumn,
      ARM.sourceToBackfilled,
      ARM.sourceToView,
      ARM.entityToView,
      ARM.viewToConsumerView,
      ARM.viewToFeature,
      ARM.columnToFeature,
      ARM.featureToService,
      ARM.serviceToModel,
      ARM.datasetToModel,
    ],
    up: [
      ARM.columnToSource,
      ARM.sourceToBackfill,
      ARM.viewToSource,
      ARM.viewToEntity,
      ARM.viewToInputView,
      ARM.featureToView,
      ARM.featureToColumn,
      ARM.serviceToFeature,
      ARM.modelToService,
      ARM.modelToDataset,
    ],
  },
  object: {
    down: [
      ARM.sourceToBackfilled,
      ARM.sourceToView,
      ARM.sourceToViewByColumns,
      ARM.entityToView,
      ARM.viewToConsumerView,
      ARM.viewToService,
      ARM.serviceToModel,
      ARM.datasetToModel,
    ],
    up: [
      ARM.sourceToBackfill,
      ARM.viewToSource,
      ARM.viewToSourceByColumns,
      ARM.viewToEntity,
      ARM.viewToInputView,
      ARM.serviceToView,
      ARM.modelToService,
      ARM.modelToDataset,
    ],
  },
  impact: {
    down: [
      ARM.sourceToColumn,
      ARM.sourceToBackfilled,
      ARM.sourceToView,
      ARM.entityToView,
      ARM.viewToConsumerView,
      ARM.viewToFeature,
      ARM.columnToFeature,
      ARM.featureToService,
      ARM.featureToConsumerView,
      ARM.serviceToModel,
      ARM.datasetToModel,
    ],
    up: [],
  },
};

/** One lookup per arm, gated on the frontier node's kind so only matching arms run. */
function neighbourSql(arms: readonly Arm[], alias: string): string {
  if (arms.length === 0) return `SELECT NULL::text AS kind, NULL::text AS id WHERE false`;
  return arms
    .map(
      (arm) =>
        `SELECT '${arm.to}'::text AS kind, n.id FROM (${arm.sql.replaceAll("{w}", `${alias}.id`)} AND ${alias}.kind = '${arm.from}') AS n(id)`,
    )
    .join("\nUNION ALL\n");
}

const OBJECT_TABLES: Record<Exclude<NodeKind, "column">, string> = {
  data_source: "data_source",
  entity: "entity",
  feature_view: "feature_view",
  feature: "feature",
  feature_service: "feature_service",
  model: "model",
  saved_dataset: "saved_dataset",
};

export interface LineageEnvironment {
  id: string;
  name: string;
}

/** The environment named in a request, or null for none; an unknown name is a 400. */
export async function resolveLineageEnvironment(
  prisma: Db,
  options: { workspaceId: string; name?: string | null },
): Promise<LineageEnvironment | null> {
  if (!options.name) return null;
  const environment = await prisma.environment.findFirst({
    where: { workspaceId: options.workspaceId, name: options.name },
    select: { id: true, name: true },
  });
  if (!environment) {
    throw new AppError("bad_request", `env: no environment named "${options.name}" in this workspace.`, {
      fields: [{ path: "env", message: "unknown environment" }],
    });
  }
  return environment;
}

export interface LineageRoot {
  kind: NodeKind;
  objectId: string;
  name: string;
  /** The data source of a column, the feature view of a feature. */
  parent?: { kind: NodeKind; objectId: string };
}

/**
 * The root object, checked to be in the workspace (and active in the environment). Anything
 * else is a 404, so ids from other workspaces are indistinguishable from unknown ones.
 */
export async function getLineageRoot(
  prisma: Db,
  options: { workspaceId: string; kind: NodeKind; objectId: string; environment?: LineageEnvironment | null },
): Promise<LineageRoot> {
  const { workspaceId, kind, objectId, environment } = options;
  let row: { name: string; parent_id: string | null } | undefined;
  if (kind === "column") {
    [row] = await prisma.$queryRawUnsafe<{ name: string; parent_id: string }[]>(
      `SELECT c.name, c.data_source_id AS parent_id FROM data_source_column c JOIN data_source s ON s.id = c.data_source_id
        WHERE c.id = $1 AND s.workspace_id = $2`,
      objectId,
      workspaceId,
    );
  } else {
    const parent = kind === "feature" ? "feature_view_id" : "NULL::text";
    [row] = await prisma.$queryRawUnsafe<{ name: string; parent_id: string | null }[]>(
      `SELECT name, ${parent} AS parent_id FROM ${OBJECT_TABLES[kind]} WHERE id = $1 AND workspace_id = $2`,
      objectId,
      workspaceId,
    );
  }
  if (!row) throw new AppError("not_found", `No ${kind.replace("_", " ")} with id "${objectId}" in this workspace.`);
  const root: LineageRoot = { kind, objectId, name: row.name };
  if (row.parent_id)
    root.parent = { kind: kind === "column" ? "data_source" : "feature_view", objectId: row.parent_id };

  if (environment) {
    const pinned = root.parent ?? { kind, objectId };
    const activeRow = await prisma.activeVersion.findFirst({
      where: {
        environmentId: environment.id,
        objectKind: pinned.kind as Exclude<NodeKind, "column">,
        objectId: pinned.objectId,
      },
      select: { versionId: true },
    });
    if (!activeRow) {
      throw new AppError("not_found", `"${root.name}" has no active version in ${environment.name}.`);
    }
  }
  return root;
}

export interface WalkedNode {
  kind: NodeKind;
  id: string;
  depth: number;
  direction: Direction | "root";
}

/**
 * Nodes within `up` / `down` hops of the root, nearest first (then by kind and id). `isCut`
 * when the row cap stopped the walk before the hop limit.
 */
export async function walkLineage(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId?: string | null;
    kind: NodeKind;
    objectId: string;
    up: number;
    down: number;
    arms: Record<Direction, Arm[]>;
    maxRows: number;
  },
): Promise<{ nodes: WalkedNode[]; isCut: boolean }> {
  const { arms } = options;
  const sql = `
    WITH RECURSIVE walk(dir, kind, id, depth) AS (
      VALUES ('down'::text, $3::text, $4::text, 0), ('up'::text, $3::text, $4::text, 0)
      UNION
      SELECT w.dir, n.kind, n.id, w.depth + 1
      FROM walk w
      CROSS JOIN LATERAL (
        SELECT d.kind, d.id FROM (${neighbourSql(arms.down, "w")}) d WHERE w.dir = 'down' AND w.depth < $5
        UNION ALL
        SELECT u.kind, u.id FROM (${neighbourSql(arms.up, "w")}) u WHERE w.dir = 'up' AND w.depth < $6
      ) n
    )
    SELECT dir, kind, id, depth FROM walk LIMIT $7`;
  const rows = await prisma.$queryRawUnsafe<{ dir: Direction; kind: NodeKind; id: string; depth: number }[]>(
    sql,
    options.workspaceId,
    options.environmentId ?? null,
    options.kind,
    options.objectId,
    options.down,
    options.up,
    options.maxRows,
  );
  const rootKey = nodeId(options.kind, options.objectId);
  const byKey = new Map<string, WalkedNode>();
  byKey.set(rootKey, { kind: options.kind, id: options.objectId, depth: 0, direction: "root" });
  for (const row of rows) {
    const key = nodeId(row.kind, row.id);
    const depth = Number(row.depth);
    const seen = byKey.get(key);
    if (!seen || depth < seen.depth) byKey.set(key, { kind: row.kind, id: row.id, depth, direction: row.dir });
  }
  const nodes = [...byKey.values()].sort(
    (a, b) => a.depth - b.depth || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { nodes, isCut: rows.length >= options.maxRows };
}

type IdsByKind = Partial<Record<NodeKind, string[]>>;

function groupByKind(nodes: readonly { kind: NodeKind; id: string }[]): IdsByKind {
  const ids: IdsByKind = {};
  for (const node of nodes) (ids[node.kind] ??= []).push(node.id);
  return ids;
}

/**
 * Registry rows for buildLineageGraph: the given objects (or the whole workspace when `ids`
 * is omitted) and the links between them. At object level no column or feature rows are
 * loaded; view -> service links come pre-folded, and a view reading a source only through
 * feature source columns still gets its source link.
 */
export async function loadRegistryRows(
  prisma: Db,
  options: { workspaceId: string; level: LineageLevel; ids?: IdsByKind },
): Promise<RegistryRows & ObjectLevelLinks> {
  const { workspaceId, level, ids } = options;
  const isColumnLevel = level === "column";
  const scope = (kind: NodeKind) => (ids ? { id: { in: ids[kind] ?? [] } } : {});
  const has = (kind: NodeKind) => !ids || (ids[kind]?.length ?? 0) > 0;
  const none = Promise.resolve([]);
  const ownerFields = { id: true, name: true, owner: true, teamId: true } as const;

  const [dataSources, dataSourceColumns, entities, featureViews, features, featureServices, models, savedDatasets] =
    await Promise.all([
      has("data_source")
        ? prisma.dataSource.findMany({
            where: { workspaceId, ...scope("data_source") },
            select: { ...ownerFields, kind: true, batchSourceId: true },
          })
        : none,
      isColumnLevel && has("column")
        ? prisma.dataSourceColumn.findMany({
            where: { dataSource: { workspaceId }, ...scope("column") },
            select: { id: true, dataSourceId: true, name: true, position: true },
          })
        : none,
      has("entity")
        ? prisma.entity.findMany({ where: { workspaceId, ...scope("entity") }, select: ownerFields })
        : none,
      has("feature_view")
        ? prisma.featureView.findMany({
            where: { workspaceId, ...scope("feature_view") },
            select: { ...ownerFields, kind: true },
          })
        : none,
      isColumnLevel && has("feature")
        ? prisma.feature.findMany({
            where: { workspaceId, ...scope("feature") },
            select: { id: true, featureViewId: true, name: true, owner: true, position: true },
          })
        : none,
      has("feature_service")
        ? prisma.featureService.findMany({ where: { workspaceId, ...scope("feature_service") }, select: ownerFields })
        : none,
      has("model")
        ? prisma.model.findMany({
            where: { workspaceId, ...scope("model") },
            select: { ...ownerFields, trainingDatasetId: true },
          })
        : none,
      has("saved_dataset")
        ? prisma.savedDataset.findMany({ where: { workspaceId, ...scope("saved_dataset") }, select: ownerFields })
        : none,
    ]);

  // Links are filtered by their ends' ids; buildLineageGraph drops any link to a missing end.
  const viewIds = featureViews.map((row) => row.id);
  const sourceIds = dataSources.map((row) => row.id);
  const featureIds = features.map((row) => row.id);
  const serviceIds = featureServices.map((row) => row.id);
  const byView = ids ? { featureViewId: { in: viewIds } } : { featureView: { workspaceId } };
  const [
    featureViewSources,
    featureViewEntities,
    featureViewInputs,
    featureSourceColumns,
    featureServiceFeatures,
    modelFeatureServices,
    folded,
  ] = await Promise.all([
    viewIds.length && sourceIds.length
      ? prisma.featureViewSource.findMany({
          where: { ...byView, ...(ids ? { dataSourceId: { in: sourceIds } } : {}) },
          select: { featureViewId: true, dataSourceId: true },
        })
      : none,
    viewIds.length && entities.length
      ? prisma.featureViewEntity.findMany({
          where: { ...byView, ...(ids ? { entityId: { in: entities.map((row) => row.id) } } : {}) },
          select: { featureViewId: true, entityId: true },
        })
      : none,
    viewIds.length > 0
      ? prisma.featureViewInput.findMany({
          where: { ...byView, ...(ids ? { inputFeatureViewId: { in: viewIds } } : {}) },
          select: { featureViewId: true, inputFeatureViewId: true },
        })
      : none,
    featureIds.length && dataSourceColumns.length
      ? prisma.featureSourceColumn.findMany({
          where: ids
            ? { featureId: { in: featureIds }, columnId: { in: dataSourceColumns.map((row) => row.id) } }
            : { feature: { workspaceId } },
          select: { featureId: true, columnId: true },
        })
      : none,
    featureIds.length && serviceIds.length
      ? prisma.featureServiceFeature.findMany({
          where: ids
            ? { featureId: { in: featureIds }, featureServiceId: { in: serviceIds } }
            : { feature: { workspaceId } },
          select: { featureServiceId: true, featureId: true },
        })
      : none,
    serviceIds.length && models.length
      ? prisma.modelFeatureService.findMany({
          where: ids
            ? { featureServiceId: { in: serviceIds }, modelId: { in: models.map((row) => row.id) } }
            : { model: { workspaceId } },
          select: { modelId: true, featureServiceId: true },
        })
      : none,
    isColumnLevel
      ? Promise.resolve(null)
      : loadFoldedLinks(prisma, { workspaceId, viewIds, sourceIds, serviceIds, isWhole: !ids }),
  ]);

  const viewSources = [...featureViewSources];
  if (folded) {
    const direct = new Set(viewSources.map((row) => `${row.featureViewId}|${row.dataSourceId}`));
    for (const row of folded.viewSources) {
      if (!direct.has(`${row.featureViewId}|${row.dataSourceId}`)) viewSources.push(row);
    }
  }
  return {
    dataSources,
    dataSourceColumns,
    entities,
    featureViews,
    featureViewSources: viewSources,
    featureViewEntities,
    featureViewInputs,
    features,
    featureSourceColumns,
    featureServices,
    featureServiceFeatures,
    featureViewServices: folded?.viewServices ?? [],
    models,
    modelFeatureServices,
    savedDatasets,
  };
}

/** Object-level links that go through features: view -> service, and source -> view via columns. */
async function loadFoldedLinks(
  prisma: Db,
  options: { workspaceId: string; viewIds: string[]; sourceIds: string[]; serviceIds: string[]; isWhole: boolean },
) {
  const { workspaceId, viewIds, sourceIds, serviceIds, isWhole } = options;
  const filter = (column: string, param: string) => (isWhole ? "" : ` AND ${column} = ANY(${param}::text[])`);
  const [viewServices, viewSources] = await Promise.all([
    viewIds.length && serviceIds.length
      ? prisma.$queryRawUnsafe<{ featureViewId: string; featureServiceId: string }[]>(
          `SELECT DISTINCT f.feature_view_id AS "featureViewId", x.feature_service_id AS "featureServiceId"
             FROM feature f JOIN feature_service_feature x ON x.feature_id = f.id
            WHERE f.workspace_id = $1${filter("f.feature_view_id", "$2")}${filter("x.feature_service_id", "$3")}
              AND $2::text[] IS NOT NULL AND $3::text[] IS NOT NULL`,
          workspaceId,
          isWhole ? [] : viewIds,
          isWhole ? [] : serviceIds,
        )
      : [],
    viewIds.length && sourceIds.length
      ? prisma.$queryRawUnsafe<{ featureViewId: string; dataSourceId: string }[]>(
          `SELECT DISTINCT f.feature_view_id AS "featureViewId", c.data_source_id AS "dataSourceId"
             FROM feature f JOIN feature_source_column x ON x.feature_id = f.id
             JOIN data_source_column c ON c.id = x.column_id
            WHERE f.workspace_id = $1${filter("f.feature_view_id", "$2")}${filter("c.data_source_id", "$3")}
              AND $2::text[] IS NOT NULL AND $3::text[] IS NOT NULL`,
          workspaceId,
          isWhole ? [] : viewIds,
          isWhole ? [] : sourceIds,
        )
      : [],
  ]);
  return { viewServices, viewSources };
}

const MAX_NEIGHBOUR_IDS = 100;

interface NeighbourSummary {
  up: number;
  down: number;
  upIds: string[];
  downIds: string[];
}

/** Registry-wide neighbours of the given nodes at one level, both directions: counts and the first ids. */
async function countNeighbours(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId?: string | null;
    nodes: readonly { kind: NodeKind; id: string }[];
    arms: Record<Direction, Arm[]>;
  },
): Promise<Map<string, NeighbourSummary>> {
  const counts = new Map<string, NeighbourSummary>();
  for (const node of options.nodes) counts.set(nodeId(node.kind, node.id), { up: 0, down: 0, upIds: [], downIds: [] });
  if (options.nodes.length === 0) return counts;
  const kinds = options.nodes.map((node) => node.kind);
  const ids = options.nodes.map((node) => node.id);
  await Promise.all(
    (["up", "down"] as const).map(async (direction) => {
      const rows = await prisma.$queryRawUnsafe<
        { kind: NodeKind; id: string; count: number | bigint; ids: string[] }[]
      >(
        `SELECT w.kind, w.id, count(DISTINCT n.kind || ':' || n.id) AS count,
                (array_agg(DISTINCT n.kind || ':' || n.id))[1:${MAX_NEIGHBOUR_IDS}] AS ids
           FROM unnest($3::text[], $4::text[]) AS w(kind, id)
           CROSS JOIN LATERAL (${neighbourSql(options.arms[direction], "w")}) n
          WHERE $1::text IS NOT NULL
          GROUP BY w.kind, w.id`,
        options.workspaceId,
        options.environmentId ?? null,
        kinds,
        ids,
      );
      for (const row of rows) {
        const entry = counts.get(nodeId(row.kind, row.id));
        if (!entry) continue;
        entry[direction] = Number(row.count);
        entry[direction === "up" ? "upIds" : "downIds"] = row.ids ?? [];
      }
    }),
  );
  return counts;
}

export interface FocusedLineage {
  rootId: string;
  level: LineageLevel;
  graph: LineageGraph;
  /** Offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

/** Rows the walk may produce per node it may return: (node, depth) repeats across paths. */
const ROWS_PER_NODE = 8;
const MAX_WALK_ROWS = 200_000;

/**
 * The lineage around one object, `up` / `down` hops (object or column level), nearest nodes
 * first, at most `limit` nodes per page. Every node carries its registry-wide neighbour
 * counts and hidden counts relative to the nodes up to this page; an edge comes with the page
 * of its later end, so the union of pages is the whole window.
 */
export async function getFocusedLineage(
  prisma: Db,
  options: {
    workspaceId: string;
    environment?: LineageEnvironment | null;
    kind: NodeKind;
    objectId: string;
    up: number;
    down: number;
    level: LineageLevel;
    limit: number;
    offset: number;
  },
): Promise<FocusedLineage> {
  const { workspaceId, environment, level, limit, offset } = options;
  const root = await getLineageRoot(prisma, {
    workspaceId,
    kind: options.kind,
    objectId: options.objectId,
    environment,
  });
  // At object level a column stands for its data source and a feature for its feature view.
  const focus = level === "object" && root.parent ? root.parent : { kind: root.kind, objectId: root.objectId };
  const arms = ARMS[level];
  const cap = offset + limit;
  const maxRows = Math.min(MAX_WALK_ROWS, (cap + 1) * ROWS_PER_NODE);
  const walked = await walkLineage(prisma, {
    workspaceId,
    environmentId: environment?.id,
    kind: focus.kind,
    objectId: focus.objectId,
    up: options.up,
    down: options.down,
    arms,
    maxRows,
  });
  const hasMore = walked.nodes.length > cap || walked.isCut;
  const kept = walked.nodes.slice(0, cap);
  const rows = await loadRegistryRows(prisma, { workspaceId, level, ids: groupByKind(kept) });
  const whole = buildLineageGraph(rows);
  const page = kept.slice(offset);
  const counts = await countNeighbours(prisma, {
    workspaceId,
    environmentId: environment?.id,
    nodes: page,
    arms,
  });

  await fillParents(prisma, workspaceId, whole, rows);

  const rank = new Map(kept.map((node, index) => [nodeId(node.kind, node.id), index]));
  const index = indexLineage(whole);
  const inPage = (id: string) => (rank.get(id) ?? -1) >= offset;
  const nodes = whole.nodes
    .filter((node) => inPage(node.id))
    .map((node) => {
      const count = counts.get(node.id) ?? { up: 0, down: 0, upIds: [], downIds: [] };
      const copy = { ...node, upstreamCount: count.up, downstreamCount: count.down };
      if (count.upIds.length) copy.upstreamIds = count.upIds;
      if (count.downIds.length) copy.downstreamIds = count.downIds;
      const hiddenUp = count.up - inOf(index, node.id).length;
      const hiddenDown = count.down - outOf(index, node.id).length;
      if (hiddenUp > 0) copy.hiddenUpstream = hiddenUp;
      if (hiddenDown > 0) copy.hiddenDownstream = hiddenDown;
      return copy;
    });
  const edges = whole.edges.filter(
    (edge) => Math.max(rank.get(edge.source) ?? -1, rank.get(edge.target) ?? -1) >= offset,
  );
  const graph = sortGraph(nodes, edges);
  if (hasMore) graph.truncated = true;
  return {
    rootId: nodeId(focus.kind, focus.objectId),
    level,
    graph,
    nextOffset: hasMore && walked.nodes.length > cap ? cap : null,
  };
}

/**
 * A window may hold a column without its data source or a feature without its view: the
 * node still names its parent (for links and folding) and inherits the parent's team and
 * owner, so team filters and impact lists stay right.
 */
async function fillParents(prisma: Db, workspaceId: string, graph: LineageGraph, rows: RegistryRows): Promise<void> {
  const orphans = graph.nodes.filter((node) => (node.kind === "column" || node.kind === "feature") && !node.parentId);
  if (orphans.length === 0) return;
  const sourceOfColumn = new Map(rows.dataSourceColumns.map((row) => [row.id, row.dataSourceId]));
  const viewOfFeature = new Map(rows.features.map((row) => [row.id, row.featureViewId]));
  const parentOf = (node: (typeof orphans)[number]) =>
    node.kind === "column" ? sourceOfColumn.get(node.objectId) : viewOfFeature.get(node.objectId);
  const sourceIds = orphans.filter((node) => node.kind === "column").map(parentOf);
  const viewIds = orphans.filter((node) => node.kind === "feature").map(parentOf);
  const select = { id: true, owner: true, teamId: true } as const;
  const [sources, views] = await Promise.all([
    prisma.dataSource.findMany({ where: { workspaceId, id: { in: sourceIds.filter(Boolean) as string[] } }, select }),
    prisma.featureView.findMany({ where: { workspaceId, id: { in: viewIds.filter(Boolean) as string[] } }, select }),
  ]);
  const parents = new Map([...sources, ...views].map((row) => [row.id, row]));
  for (const node of orphans) {
    const parentObjectId = parentOf(node);
    const parent = parentObjectId ? parents.get(parentObjectId) : undefined;
    if (!parentObjectId || !parent) continue;
    node.parentId = nodeId(node.kind === "column" ? "data_source" : "feature_view", parentObjectId);
    if (parent.teamId && !node.teamId) node.teamId = parent.teamId;
    if (parent.owner && !node.owner) node.owner = parent.owner;
  }
}

export interface WorkspaceLineagePage {
  level: LineageLevel;
  graph: LineageGraph;
  totalNodes: number;
  nextOffset: number | null;
}

/**
 * The whole workspace's lineage (for the overview), in pages of `limit` nodes in graph order
 * (kind, name, id); an edge comes with the page of its later end.
 */
export async function getWorkspaceLineage(
  prisma: Db,
  options: {
    workspaceId: string;
    environment?: LineageEnvironment | null;
    level: LineageLevel;
    limit: number;
    offset: number;
  },
): Promise<WorkspaceLineagePage> {
  const { workspaceId, environment, level, limit, offset } = options;
  const [rows, activeIds] = await Promise.all([
    loadRegistryRows(prisma, { workspaceId, level }),
    environment ? loadActiveIds(prisma, environment.id) : Promise.resolve(null),
  ]);
  const graph = buildLineageGraph(activeIds ? onlyActive(rows, activeIds) : rows);
  const end = offset + limit;
  const order = new Map(graph.nodes.map((node, position) => [node.id, position]));
  const page: LineageGraph = {
    nodes: graph.nodes.slice(offset, end),
    edges: graph.edges.filter((edge) => {
      const later = Math.max(order.get(edge.source)!, order.get(edge.target)!);
      return later >= offset && later < end;
    }),
  };
  const hasMore = graph.nodes.length > end;
  if (hasMore) page.truncated = true;
  return { level, graph: page, totalNodes: graph.nodes.length, nextOffset: hasMore ? end : null };
}

async function loadActiveIds(prisma: Db, environmentId: string): Promise<Set<string>> {
  const rows = await prisma.activeVersion.findMany({
    where: { environmentId },
    select: { objectKind: true, objectId: true },
  });
  return new Set(rows.map((row) => nodeId(row.objectKind, row.objectId)));
}

/** Rows of objects active in the environment; columns and features follow their parents. */
function onlyActive(
  rows: RegistryRows & ObjectLevelLinks,
  activeIds: ReadonlySet<string>,
): RegistryRows & ObjectLevelLinks {
  const isActive = (kind: NodeKind, id: string) => activeIds.has(nodeId(kind, id));
  return {
    ...rows,
    dataSources: rows.dataSources.filter((row) => isActive("data_source", row.id)),
    dataSourceColumns: rows.dataSourceColumns.filter((row) => isActive("data_source", row.dataSourceId)),
    entities: rows.entities.filter((row) => isActive("entity", row.id)),
    featureViews: rows.featureViews.filter((row) => isActive("feature_view", row.id)),
    features: rows.features.filter((row) => isActive("feature_view", row.featureViewId)),
    featureServices: rows.featureServices.filter((row) => isActive("feature_service", row.id)),
    models: rows.models.filter((row) => isActive("model", row.id)),
    savedDatasets: rows.savedDatasets.filter((row) => isActive("saved_dataset", row.id)),
  };
}

export interface LineageImpact extends Impact {
  truncated: boolean;
  teams: { id: string; name: string }[];
}

const MAX_IMPACT_NODES = 20_000;

/**
 * Everything downstream of one object that breaks if it changes (feature views, features,
 * services, models), at column level and to any depth, with owners and teams to tell.
 */
export async function getLineageImpact(
  prisma: Db,
  options: { workspaceId: string; environment?: LineageEnvironment | null; kind: NodeKind; objectId: string },
): Promise<LineageImpact> {
  const { workspaceId, environment } = options;
  const root = await getLineageRoot(prisma, {
    workspaceId,
    kind: options.kind,
    objectId: options.objectId,
    environment,
  });
  const walked = await walkLineage(prisma, {
    workspaceId,
    environmentId: environment?.id,
    kind: root.kind,
    objectId: root.objectId,
    up: 0,
    // Hops are bounded by the graph itself (UNION stops at revisits of the same depth); this
    // only bounds pathological cycles.
    down: 64,
    arms: ARMS.impact,
    maxRows: MAX_IMPACT_NODES * ROWS_PER_NODE,
  });
  const kept = walked.nodes.slice(0, MAX_IMPACT_NODES);
  const ids = groupByKind(kept);
  // The parent views of reached features carry the view -> on-demand consumer edges impactOf follows.
  if (ids.feature?.length) {
    const parents = await prisma.feature.findMany({
      where: { workspaceId, id: { in: ids.feature } },
      select: { featureViewId: true },
      distinct: ["featureViewId"],
    });
    ids.feature_view = [...new Set([...(ids.feature_view ?? []), ...parents.map((row) => row.featureViewId)])];
  }
  const rows = await loadRegistryRows(prisma, { workspaceId, level: "column", ids });
  const graph = buildLineageGraph(rows);
  const impact = impactOf(graph, nodeId(root.kind, root.objectId));
  if (!impact) throw new AppError("not_found", `No ${root.kind} with id "${root.objectId}" in this workspace.`);
  const teams = impact.teamIds.length
    ? await prisma.team.findMany({
        where: { workspaceId, id: { in: impact.teamIds } },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { ...impact, teams, truncated: walked.isCut || walked.nodes.length > MAX_IMPACT_NODES };
}

export interface LineageSearchHit {
  id: string;
  kind: NodeKind;
  objectId: string;
  name: string;
  detail: string;
}

/** Objects to open the explorer on, by name (features show their view). */
export async function searchLineageObjects(
  prisma: Db,
  options: { workspaceId: string; query: string; limit?: number },
): Promise<LineageSearchHit[]> {
  const query = options.query.trim();
  const limit = options.limit ?? 40;
  const rows = await prisma.$queryRawUnsafe<{ kind: NodeKind; id: string; name: string; detail: string }[]>(
    `SELECT * FROM (
       SELECT 'data_source'::text AS kind, id, name, kind::text AS detail FROM data_source WHERE workspace_id = $1
       UNION ALL SELECT 'entity', id, name, '' FROM entity WHERE workspace_id = $1
       UNION ALL SELECT 'feature_view', id, name, kind::text FROM feature_view WHERE workspace_id = $1
       UNION ALL SELECT 'feature', f.id, f.name, v.name FROM feature f JOIN feature_view v ON v.id = f.feature_view_id
                 WHERE f.workspace_id = $1 AND $2 <> ''
       UNION ALL SELECT 'feature_service', id, name, '' FROM feature_service WHERE workspace_id = $1
       UNION ALL SELECT 'model', id, name, 'v' || version FROM model WHERE workspace_id = $1
       UNION ALL SELECT 'saved_dataset', id, name, '' FROM saved_dataset WHERE workspace_id = $1
     ) o
     WHERE strpos(lower(o.name), lower($2)) > 0
     ORDER BY (lower(o.name) = lower($2)) DESC, (strpos(lower(o.name), lower($2)) = 1) DESC,
              CASE o.kind WHEN 'feature' THEN 1 ELSE 0 END, length(o.name), o.name, o.id
     LIMIT $3`,
    options.workspaceId,
    query,
    limit,
  );
  return rows.map((row) => ({
    id: nodeId(row.kind, row.id),
    kind: row.kind,
    objectId: row.id,
    name: row.name,
    detail: row.detail,
  }));
}

/** Teams of the workspace, for the explorer's team filter and impact lists. */
export async function listLineageTeams(prisma: Db, workspaceId: string): Promise<{ id: string; name: string }[]> {
  return prisma.team.findMany({ where: { workspaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

// ---------------------------------------------------------------- API answers

export interface LineageResponse {
  rootId: string;
  level: LineageLevel;
  environment: string | null;
  nodes: LineageGraph["nodes"];
  edges: LineageGraph["edges"];
  truncated: boolean;
  nextOffset: number | null;
  health?: Record<string, NodeHealth>;
}

export interface WorkspaceLineageResponse extends Omit<LineageResponse, "rootId"> {
  totalNodes: number;
}

/** Default level: feature-level lineage around a feature or column, objects otherwise. */
export function defaultLevel(kind: NodeKind): LineageLevel {
  return kind === "feature" || kind === "column" ? "column" : "object";
}

/** GET /api/v1/lineage: the focused window, with health when an environment is named. */
export async function getLineageResponse(
  prisma: Db,
  options: { workspaceId: string; query: LineageQuery; now?: Date },
): Promise<LineageResponse> {
  const { workspaceId, query } = options;
  const environment = await resolveLineageEnvironment(prisma, { workspaceId, name: query.env });
  const level = query.level ?? defaultLevel(query.root.kind);
  const focused = await getFocusedLineage(prisma, {
    workspaceId,
    environment,
    kind: query.root.kind,
    objectId: query.root.objectId,
    up: query.up,
    down: query.down,
    level,
    limit: query.limit,
    offset: query.offset,
  });
  const health = environment
    ? await getLineageHealth(prisma, {
        workspaceId,
        environmentId: environment.id,
        nodes: focused.graph.nodes,
        now: options.now,
      })
    : undefined;
  return {
    rootId: focused.rootId,
    level,
    environment: environment?.name ?? null,
    nodes: focused.graph.nodes,
    edges: focused.graph.edges,
    truncated: focused.graph.truncated === true,
    nextOffset: focused.nextOffset,
    ...(health ? { health } : {}),
  };
}

/** GET /api/v1/lineage/workspace: one page of the whole workspace. */
export async function getWorkspaceLineageResponse(
  prisma: Db,
  options: { workspaceId: string; query: WorkspaceLineageQuery; now?: Date },
): Promise<WorkspaceLineageResponse> {
  const { workspaceId, query } = options;
  const environment = await resolveLineageEnvironment(prisma, { workspaceId, name: query.env });
  const page = await getWorkspaceLineage(prisma, {
    workspaceId,
    environment,
    level: query.level,
    limit: query.limit,
    offset: query.offset,
  });
  const health = environment
    ? await getLineageHealth(prisma, {
        workspaceId,
        environmentId: environment.id,
        nodes: page.graph.nodes,
        now: options.now,
      })
    : undefined;
  return {
    level: query.level,
    environment: environment?.name ?? null,
    nodes: page.graph.nodes,
    edges: page.graph.edges,
    truncated: page.graph.truncated === true,
    nextOffset: page.nextOffset,
    totalNodes: page.totalNodes,
    ...(health ? { health } : {}),
  };
}

/** GET /api/v1/lineage/impact. */
export async function getImpactResponse(prisma: Db, options: { workspaceId: string; query: ImpactQuery }) {
  const { workspaceId, query } = options;
  const environment = await resolveLineageEnvironment(prisma, { workspaceId, name: query.env });
  const impact = await getLineageImpact(prisma, {
    workspaceId,
    environment,
    kind: query.node.kind,
    objectId: query.node.objectId,
  });
  const teamNames = new Map(impact.teams.map((team) => [team.id, team.name]));
  return {
    rootId: impact.rootId,
    rootName: impact.rootName,
    environment: environment?.name ?? null,
    items: impact.items.map((item): ImpactItem & { teamName?: string } => {
      const teamName = item.teamId ? teamNames.get(item.teamId) : undefined;
      return teamName ? { ...item, teamName } : item;
    }),
    counts: impact.counts,
    total: impact.total,
    owners: impact.owners,
    teams: impact.teams,
    truncated: impact.truncated,
  };
}
export type ImpactResponse = Awaited<ReturnType<typeof getImpactResponse>>;
