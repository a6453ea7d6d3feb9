import "server-only";
import type { Db } from "@/lib/db";
import { KIND_RANK } from "@/lib/lineage/build";
import { nodeId, type NodeKind } from "@/lib/lineage/types";
import { neighbourSql, type Arm, type Direction } from "./edges";

/** Rows the walk may produce per node it may return: (node, depth) repeats across paths. */
export const ROWS_PER_NODE = 8;

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

export type IdsByKind = Partial<Record<NodeKind, string[]>>;

export function groupByKind(nodes: readonly { kind: NodeKind; id: string }[]): IdsByKind {
  const ids: IdsByKind = {};
  for (const node of nodes) (ids[node.kind] ??= []).push(node.id);
  return ids;
}

const MAX_NEIGHBOUR_IDS = 100;

interface NeighbourSummary {
  up: number;
  down: number;
  upIds: string[];
  downIds: string[];
}

/** Registry-wide neighbours of the given nodes at one level, both directions: counts and the first ids. */
export async function countNeighbours(
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
