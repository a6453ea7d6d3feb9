import { resolveEnvironment } from "@/lib/data/environments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getFocusedLineage,
  getLineageImpact,
  getWorkspaceLineage,
  searchLineageObjects,
  type LineageEnvironment,
} from "@/lib/data/lineage";
import { createWorkspace } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import { mergeGraphs } from "@/lib/lineage/view";
import { lineageQuerySchema } from "@/lib/validations/lineage";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";
import { insertLineageRegistry } from "./lineage-fixture";

let database: TestDatabase;
let workspaceId: string;
let otherWorkspaceId: string;
let prod: LineageEnvironment;
const id = (name: string) => name;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createWorkspace(database.prisma, { slug: "acme", name: "Acme" })).id;
  otherWorkspaceId = (await createWorkspace(database.prisma, { slug: "other", name: "Other" })).id;
  await insertLineageRegistry(database.prisma, workspaceId);
  await insertLineageRegistry(database.prisma, otherWorkspaceId, "other_");
  prod = await resolveEnvironment(database.prisma, { workspaceId, requested: "prod" });
});
afterAll(() => database.cleanup());

const focused = (options: Partial<Parameters<typeof getFocusedLineage>[1]> & { kind: string; objectId: string }) =>
  getFocusedLineage(database.prisma, {
    workspaceId,
    up: 1,
    down: 1,
    level: "column",
    limit: 500,
    offset: 0,
    ...options,
  } as Parameters<typeof getFocusedLineage>[1]);

const ids = (graph: { nodes: { id: string }[] }) => graph.nodes.map((node) => node.id).sort();

async function expectAppError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

describe(`lineage queries on ${testEngineKind()}`, () => {
  it("walks one hop up and down from a feature at column level, with hidden neighbour counts", async () => {
    const result = await focused({ kind: "feature", objectId: id("avg_spend") });
    expect(result.rootId).toBe("feature:avg_spend");
    expect(ids(result.graph)).toEqual(
      [
        "column:txn_amount",
        "feature:avg_spend",
        "feature_service:fraud_scoring",
        "feature_view:user_profile",
        "saved_dataset:training",
      ].sort(),
    );
    expect(result.graph.edges.map((edge) => `${edge.id} ${edge.relation}`).sort()).toEqual([
      "column:txn_amount->feature:avg_spend derives",
      "feature:avg_spend->feature_service:fraud_scoring served_by",
      "feature:avg_spend->saved_dataset:training saved_in",
      "feature_service:fraud_scoring->saved_dataset:training saved_in",
      "feature_view:user_profile->feature:avg_spend produces",
    ]);
    const byId = new Map(result.graph.nodes.map((node) => [node.id, node]));
    // user_profile: reads txn, keyed by user (hidden upstream); its other feature and its on-demand consumer (hidden downstream).
    expect(byId.get("feature_view:user_profile")).toMatchObject({
      hiddenUpstream: 2,
      hiddenDownstream: 2,
      upstreamCount: 2,
      downstreamCount: 3,
    });
    expect(byId.get("column:txn_amount")).toMatchObject({ hiddenUpstream: 1, parentId: "data_source:txn" });
    // Its model (the saved dataset retrieved through it is in the window).
    expect(byId.get("feature_service:fraud_scoring")).toMatchObject({ hiddenUpstream: 2, hiddenDownstream: 1 });
    // The dataset's other feature, login_count.
    expect(byId.get("saved_dataset:training")).toMatchObject({ hiddenUpstream: 1, upstreamCount: 3 });
    expect(byId.get("feature:avg_spend")?.hiddenUpstream).toBeUndefined();
    expect(result.graph.truncated).toBeUndefined();
    expect(result.nextOffset).toBeNull();
  });

  it("expands upstream from a feature to its source column's data source", async () => {
    const result = await focused({ kind: "feature", objectId: id("avg_spend"), up: 2, down: 0 });
    expect(ids(result.graph)).toEqual(
      ["column:txn_amount", "data_source:txn", "entity:user", "feature:avg_spend", "feature_view:user_profile"].sort(),
    );
  });

  it("joins separately fetched windows with the edges between them", async () => {
    const feature = await focused({ kind: "feature", objectId: id("avg_spend") });
    const view = await focused({ kind: "feature_view", objectId: id("user_profile"), up: 1, down: 0 });
    const merged = mergeGraphs([feature.graph, view.graph]);
    expect(merged.edges.map((edge) => edge.id)).toContain("data_source:txn->column:txn_amount");
    expect(merged.nodes.find((node) => node.id === "column:txn_amount")?.hiddenUpstream).toBeUndefined();
    expect(merged.edges.find((edge) => edge.id === "data_source:txn->column:txn_amount")?.relation).toBe("has_column");
  });

  it("folds columns and features at object level and follows view -> service -> model", async () => {
    const result = await focused({ kind: "data_source", objectId: id("txn"), up: 0, down: 3, level: "object" });
    expect(ids(result.graph)).toEqual(
      [
        "data_source:txn",
        "feature_view:user_profile",
        "feature_view:txn_vs_avg",
        "feature_service:fraud_scoring",
        "saved_dataset:training",
        "model:fraud_detector",
      ].sort(),
    );
    expect(
      result.graph.edges.find((edge) => edge.id === "feature_view:user_profile->feature_service:fraud_scoring")
        ?.relation,
    ).toBe("served_by");
    // A feature root stands for its view at object level.
    const fromFeature = await focused({ kind: "feature", objectId: id("avg_spend"), level: "object" });
    expect(fromFeature.rootId).toBe("feature_view:user_profile");
    expect(ids(fromFeature.graph)).toContain("feature_service:fraud_scoring");
  });

  it("ends at the hop limit on a cycle of on-demand views and marks the cycle", async () => {
    const result = await focused({ kind: "feature_view", objectId: id("odv_a"), up: 20, down: 20, level: "object" });
    expect(ids(result.graph)).toEqual(
      ["feature_service:cycle_service", "feature_view:odv_a", "feature_view:odv_b", "feature_view:odv_c"].sort(),
    );
    expect(
      result.graph.nodes
        .filter((node) => node.isOnCycle)
        .map((node) => node.id)
        .sort(),
    ).toEqual(["feature_view:odv_a", "feature_view:odv_b", "feature_view:odv_c"]);
    const columnLevel = await focused({ kind: "feature_view", objectId: id("odv_a"), up: 20, down: 20 });
    expect(ids(columnLevel.graph)).toContain("feature:c_score");
  });

  it("caps nodes per page, nearest first, and the pages add up to the whole window", async () => {
    const all = await focused({ kind: "data_source", objectId: id("txn"), up: 0, down: 4 });
    const first = await focused({ kind: "data_source", objectId: id("txn"), up: 0, down: 4, limit: 3 });
    expect(first.graph.nodes).toHaveLength(3);
    expect(first.graph.truncated).toBe(true);
    expect(first.nextOffset).toBe(3);
    expect(ids(first.graph)).toContain("data_source:txn");
    const pages = [first.graph];
    for (let offset = first.nextOffset; offset !== null;) {
      const page = await focused({ kind: "data_source", objectId: id("txn"), up: 0, down: 4, limit: 3, offset });
      pages.push(page.graph);
      offset = page.nextOffset;
    }
    const merged = mergeGraphs(pages);
    expect(ids(merged)).toEqual(ids(all.graph));
    expect(merged.edges.map((edge) => edge.id).sort()).toEqual(all.graph.edges.map((edge) => edge.id).sort());
    expect(merged.nodes.find((node) => node.id === "feature_service:fraud_scoring")?.hiddenUpstream).toBe(
      all.graph.nodes.find((node) => node.id === "feature_service:fraud_scoring")?.hiddenUpstream,
    );
  });

  it("keeps only objects active in the environment", async () => {
    const dev = await focused({ kind: "data_source", objectId: id("logins"), up: 0, down: 1, level: "object" });
    expect(ids(dev.graph)).toContain("feature_view:login_activity");
    const inProd = await focused({
      kind: "data_source",
      objectId: id("logins"),
      up: 0,
      down: 1,
      level: "object",
      environment: prod,
    });
    expect(ids(inProd.graph)).toEqual(["data_source:logins"]);
    await expectAppError(
      focused({ kind: "feature_view", objectId: id("login_activity"), environment: prod }),
      "not_found",
      /no active version in prod/,
    );
    await expectAppError(
      resolveEnvironment(database.prisma, { workspaceId, requested: "qa" }),
      "bad_request",
      /no environment named "qa"/,
    );
  });

  it("answers 404 for unknown ids and for objects of another workspace", async () => {
    await expectAppError(focused({ kind: "feature_view", objectId: "nope" }), "not_found");
    await expectAppError(focused({ kind: "feature_view", objectId: "other_user_profile" }), "not_found");
    await expectAppError(focused({ kind: "column", objectId: "other_txn_amount" }), "not_found");
    await expectAppError(
      getLineageImpact(database.prisma, { workspaceId, kind: "data_source", objectId: "other_txn" }),
      "not_found",
    );
    // The other workspace's own registry is intact and separate.
    const other = await getFocusedLineage(database.prisma, {
      workspaceId: otherWorkspaceId,
      kind: "data_source",
      objectId: "other_txn",
      up: 0,
      down: 20,
      level: "column",
      limit: 500,
      offset: 0,
    });
    expect(other.graph.nodes.every((node) => node.objectId.startsWith("other_"))).toBe(true);
  });

  it("rejects negative, huge and malformed query parameters before any query", () => {
    const parse = (query: Record<string, string>) => lineageQuerySchema.safeParse(query);
    expect(parse({ root: "feature_view:abc", up: "-1" }).success).toBe(false);
    expect(parse({ root: "feature_view:abc", down: "1000000" }).success).toBe(false);
    expect(parse({ root: "feature_view:abc", up: "two" }).success).toBe(false);
    expect(parse({ root: "view:abc" }).success).toBe(false);
    expect(parse({ root: "feature_view:'; drop table feature_view; --" }).success).toBe(false);
    expect(parse({ root: "feature_view:abc", limit: "0" }).success).toBe(false);
    expect(parse({ root: "feature_view:abc" }).data).toMatchObject({ up: 1, down: 1, limit: 500, offset: 0 });
  });

  it("lists everything downstream of a source that breaks, with owners and teams", async () => {
    const impact = await getLineageImpact(database.prisma, { workspaceId, kind: "data_source", objectId: id("txn") });
    expect(impact.items.map((item) => item.id)).toEqual([
      "feature_view:txn_vs_avg",
      "feature_view:user_profile",
      "feature:amount_ratio",
      "feature:avg_spend",
      "feature:country",
      "feature_service:fraud_scoring",
      "model:fraud_detector",
    ]);
    expect(impact.counts).toEqual({ feature_view: 2, feature: 3, feature_service: 1, model: 1 });
    expect(impact.teams).toEqual([{ id: "team_fraud", name: "Team fraud" }]);
    expect(impact.owners).toContain("ml@acme.io");
    expect(impact.truncated).toBe(false);

    // From a column: only what derives from it, plus the on-demand views reading its feature's view.
    const fromColumn = await getLineageImpact(database.prisma, {
      workspaceId,
      kind: "column",
      objectId: id("txn_amount"),
    });
    expect(fromColumn.items.map((item) => item.id)).toEqual([
      "feature_view:txn_vs_avg",
      "feature:amount_ratio",
      "feature:avg_spend",
      "feature_service:fraud_scoring",
      "model:fraud_detector",
    ]);
    // A cycle is not its own impact, and the walk ends.
    const cycle = await getLineageImpact(database.prisma, { workspaceId, kind: "feature_view", objectId: id("odv_a") });
    expect(cycle.counts.feature_view).toBe(2);
    expect(cycle.items.map((item) => item.id)).not.toContain("feature_view:odv_a");
  });

  it("loads the whole workspace at object level, per environment, in pages", async () => {
    const whole = await getWorkspaceLineage(database.prisma, {
      workspaceId,
      level: "object",
      limit: 10_000,
      offset: 0,
    });
    expect(whole.graph.nodes.some((node) => node.kind === "feature" || node.kind === "column")).toBe(false);
    expect(whole.totalNodes).toBe(15);
    expect(whole.nextOffset).toBeNull();
    expect(whole.graph.edges.map((edge) => edge.id)).toContain("feature_view:odv_a->feature_service:cycle_service");
    const inProd = await getWorkspaceLineage(database.prisma, {
      workspaceId,
      level: "object",
      environment: prod,
      limit: 10_000,
      offset: 0,
    });
    expect(ids(inProd.graph)).not.toContain("feature_view:login_activity");
    expect(inProd.totalNodes).toBe(14);
    const first = await getWorkspaceLineage(database.prisma, { workspaceId, level: "column", limit: 10, offset: 0 });
    const second = await getWorkspaceLineage(database.prisma, { workspaceId, level: "column", limit: 10, offset: 10 });
    expect(first.nextOffset).toBe(10);
    const merged = mergeGraphs([
      first.graph,
      second.graph,
      ...(second.nextOffset
        ? [(await getWorkspaceLineage(database.prisma, { workspaceId, level: "column", limit: 100, offset: 20 })).graph]
        : []),
    ]);
    expect(merged.nodes).toHaveLength(first.totalNodes);
    expect(merged.nodes.some((node) => node.isOnCycle)).toBe(true);
  });

  it("finds objects by name for the picker, features with their view", async () => {
    const hits = await searchLineageObjects(database.prisma, { workspaceId, query: "spend" });
    expect(hits).toEqual([
      { id: "feature:avg_spend", kind: "feature", objectId: "avg_spend", name: "avg_spend", detail: "user_profile" },
    ]);
    const exactFirst = await searchLineageObjects(database.prisma, { workspaceId, query: "LOGINS" });
    expect(exactFirst[0]?.id).toBe("data_source:logins");
    expect(exactFirst.map((hit) => hit.id)).toContain("data_source:logins_s3");
  });
});
