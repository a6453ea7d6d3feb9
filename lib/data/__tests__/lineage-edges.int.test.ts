import { resolveEnvironment } from "@/lib/data/environments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getWorkspaceLineage, type LineageEnvironment } from "@/lib/data/lineage";
import { ARMS } from "@/lib/data/lineage/edges";
import { countNeighbours } from "@/lib/data/lineage/walk";
import { createWorkspace } from "@/lib/data/workspaces";
import { indexLineage, inOf, outOf } from "@/lib/lineage/build";
import type { LineageGraph, NodeKind } from "@/lib/lineage/types";
import type { LineageLevel } from "@/lib/validations/lineage";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { insertLineageRegistry } from "./lineage-fixture";

/*
 * The walk's SQL lookups (one per registry link, read in both directions) must find exactly the
 * neighbours that buildLineageGraph draws from the same registry: compared node by node, both
 * directions, at both levels, with and without an environment.
 */

let database: TestDatabase;
let workspaceId: string;
let prod: LineageEnvironment;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createWorkspace(database.prisma, { slug: "acme", name: "Acme" })).id;
  const otherWorkspaceId = (await createWorkspace(database.prisma, { slug: "other", name: "Other" })).id;
  await insertLineageRegistry(database.prisma, workspaceId);
  // A second workspace whose rows must never show up as neighbours.
  await insertLineageRegistry(database.prisma, otherWorkspaceId, "other_");
  prod = await resolveEnvironment(database.prisma, { workspaceId, requested: "prod" });
});
afterAll(() => database.cleanup());

async function wholeGraph(level: LineageLevel, environment: LineageEnvironment | null): Promise<LineageGraph> {
  const page = await getWorkspaceLineage(database.prisma, {
    workspaceId,
    environment,
    level,
    limit: 10_000,
    offset: 0,
  });
  expect(page.nextOffset).toBeNull();
  return page.graph;
}

async function neighboursBySql(graph: LineageGraph, arms: (typeof ARMS)[LineageLevel], environmentId?: string) {
  return countNeighbours(database.prisma, {
    workspaceId,
    environmentId,
    nodes: graph.nodes.map((node) => ({ kind: node.kind as NodeKind, id: node.objectId })),
    arms,
  });
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe(`lineage edge lookups on ${testEngineKind()}`, () => {
  for (const level of ["column", "object"] as const) {
    for (const environmentName of [null, "prod"] as const) {
      it(`finds the graph's neighbours of every node at ${level} level${environmentName ? ` in ${environmentName}` : ""}`, async () => {
        const environment = environmentName ? prod : null;
        const graph = await wholeGraph(level, environment);
        const index = indexLineage(graph);
        const found = await neighboursBySql(graph, ARMS[level], environment?.id);
        expect(graph.edges.length).toBeGreaterThan(10);
        for (const node of graph.nodes) {
          const entry = found.get(node.id)!;
          expect({ node: node.id, up: sorted(entry.upIds) }).toEqual({
            node: node.id,
            up: sorted(inOf(index, node.id)),
          });
          expect({ node: node.id, down: sorted(entry.downIds) }).toEqual({
            node: node.id,
            down: sorted(outOf(index, node.id)),
          });
          expect(entry.up).toBe(inOf(index, node.id).length);
          expect(entry.down).toBe(outOf(index, node.id).length);
        }
      });
    }
  }

  it("walks an environment's active objects only: prod's data source has no view that is missing there", async () => {
    const [dev, inProd] = await Promise.all([
      wholeGraph("object", null).then((graph) => neighboursBySql(graph, ARMS.object)),
      wholeGraph("object", prod).then((graph) => neighboursBySql(graph, ARMS.object, prod.id)),
    ]);
    expect(dev.get("data_source:logins")?.downIds).toContain("feature_view:login_activity");
    expect(inProd.get("data_source:logins")?.downIds).not.toContain("feature_view:login_activity");
  });

  it("links a saved dataset to the features it names and the service it came through, in this workspace only", async () => {
    const [column, object, objectInProd] = await Promise.all([
      wholeGraph("column", null),
      wholeGraph("object", null),
      wholeGraph("object", prod),
    ]);
    const upstreamOf = (graph: LineageGraph) => sorted(inOf(indexLineage(graph), "saved_dataset:training"));
    // "user_profile:gone" names no feature: no edge is invented for it.
    expect(upstreamOf(column)).toEqual(["feature:avg_spend", "feature:login_count", "feature_service:fraud_scoring"]);
    expect(upstreamOf(object)).toEqual([
      "feature_service:fraud_scoring",
      "feature_view:login_activity",
      "feature_view:user_profile",
    ]);
    expect(upstreamOf(objectInProd)).toEqual(["feature_service:fraud_scoring", "feature_view:user_profile"]);
    expect(column.edges.find((edge) => edge.id === "feature:avg_spend->saved_dataset:training")?.relation).toBe(
      "saved_in",
    );
    const bySql = await neighboursBySql(column, ARMS.column);
    expect(bySql.get("feature:avg_spend")?.downIds).toContain("saved_dataset:training");
    expect(bySql.get("saved_dataset:training")?.upIds).not.toContain("feature:other_avg_spend");
  });

  it("reaches, for impact, every column-level neighbour downstream plus the consumers of a feature's view", async () => {
    const graph = await wholeGraph("column", null);
    const index = indexLineage(graph);
    // Impact walks down only; the up lookups here are just the column level's, to fill the query.
    const found = await neighboursBySql(graph, { down: ARMS.impact.down, up: ARMS.column.up });
    for (const node of graph.nodes) {
      const consumers =
        node.kind === "feature" && node.parentId
          ? outOf(index, node.parentId).filter((id) => id.startsWith("feature_view:"))
          : [];
      const entry = found.get(node.id)!;
      expect({ node: node.id, down: sorted(entry.downIds) }).toEqual({
        node: node.id,
        down: sorted([...new Set([...outOf(index, node.id), ...consumers])]),
      });
    }
    expect(found.get("feature:avg_spend")?.downIds).toContain("feature_view:txn_vs_avg");
  });
});
