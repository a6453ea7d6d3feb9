import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFeastRegistry } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

/*
 * "Where does this Feast registry run?": new versions always go to dev; a later environment only
 * gets objects that have no active version there yet, so nothing active in staging or prod
 * changes without a promotion. Materialization history goes to the chosen environment.
 */

let database: TestDatabase;
const actor = { userId: null };
const fixtures = path.join(import.meta.dirname, "../../__tests__/fixtures/feast");
const json = (file: string) => JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as Record<string, unknown>;
const creditDump = json("credit_scoring_registry-dump.json");
const demoDump = json("feast-ui-demo-2022_registry-dump.json");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

async function newWorkspace(slug: string) {
  const workspaceId = (await createWorkspace(database.prisma, { slug, name: slug })).id;
  const environments = await database.prisma.environment.findMany({ where: { workspaceId } });
  const envId = (name: string) => environments.find((environment) => environment.name === name)!.id;
  return { workspaceId, dev: envId("dev"), staging: envId("staging"), prod: envId("prod") };
}

/** "kind:name vN" of every object active in an environment. */
async function activeIn(environmentId: string): Promise<string[]> {
  const rows = await database.prisma.activeVersion.findMany({ where: { environmentId } });
  const versions = await database.prisma.definitionVersion.findMany({
    where: { id: { in: rows.map((row) => row.versionId) } },
  });
  return versions.map((version) => `${version.objectKind}:${version.objectName} v${version.number}`).sort();
}

/** The credit-scoring dump with the credit_history view's tags changed. */
function retagged(): Record<string, unknown> {
  const dump = structuredClone(creditDump) as { featureViews: Array<{ spec: { name: string; tags?: object } }> };
  const view = dump.featureViews.find((candidate) => candidate.spec.name === "credit_history")!;
  view.spec.tags = { ...view.spec.tags, reviewed: "2026-12" };
  return dump as unknown as Record<string, unknown>;
}

describe(`Feast import into a chosen environment on ${testEngineKind()}`, () => {
  it("defaults to dev: nothing becomes active in staging or prod", async () => {
    const { workspaceId, dev, prod } = await newWorkspace("env-default");
    const report = await importFeastRegistry(database.prisma, { workspaceId, dump: creditDump }, actor);
    expect(report).toMatchObject({ environment: "dev", activated: [], awaitingPromotion: [] });
    expect(await activeIn(dev)).toHaveLength(14);
    expect(await activeIn(prod)).toEqual([]);
  });

  it("fills an empty prod on a first import, and records the materialization history there", async () => {
    const { workspaceId, dev, staging, prod } = await newWorkspace("env-prod");
    const plan = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: demoDump, environment: "prod", dryRun: true },
      actor,
    );
    expect(plan.activated).toHaveLength(plan.created.length);
    expect(await activeIn(prod)).toEqual([]);

    const report = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: demoDump, environment: "prod" },
      actor,
    );
    expect(report.environment).toBe("prod");
    expect(report.activated).toEqual(plan.activated);
    expect(await activeIn(prod)).toEqual(await activeIn(dev));
    expect(await activeIn(staging)).toEqual([]);
    const runs = await database.prisma.materializationRun.groupBy({
      by: ["environmentId"],
      where: { workspaceId },
      _count: true,
    });
    expect(runs).toEqual([{ environmentId: prod, _count: 6 }]);
    const audit = await database.prisma.auditLog.findFirst({ where: { workspaceId, action: "feast.activate" } });
    expect(audit?.after).toMatchObject({ environment: "prod" });
  });

  it("never changes what prod runs: a changed object goes to dev and awaits a promotion", async () => {
    const { workspaceId, dev, prod } = await newWorkspace("env-changed");
    await importFeastRegistry(database.prisma, { workspaceId, dump: creditDump, environment: "prod" }, actor);
    const prodBefore = await activeIn(prod);

    // The same registry again: nothing to do anywhere.
    const again = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: creditDump, environment: "prod" },
      actor,
    );
    expect(again).toMatchObject({ created: [], updated: [], activated: [], awaitingPromotion: [] });

    const changed = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: retagged(), environment: "prod" },
      actor,
    );
    expect(changed.updated.map((item) => item.name)).toEqual(["credit_history"]);
    expect(changed.awaitingPromotion).toEqual([{ kind: "feature_view", name: "credit_history", activeVersion: 1 }]);
    expect(changed.activated).toEqual([]);
    expect(await activeIn(prod)).toEqual(prodBefore);
    expect(await activeIn(dev)).toContain("feature_view:credit_history v2");
  });

  it("refuses an environment the workspace does not have, writing nothing", async () => {
    const { workspaceId, dev } = await newWorkspace("env-unknown");
    const error = await importFeastRegistry(
      database.prisma,
      { workspaceId, dump: creditDump, environment: "production" },
      actor,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).fields).toEqual([
      { path: "environment", message: "Expected one of dev, staging, prod" },
    ]);
    expect(await activeIn(dev)).toEqual([]);
    expect(await database.prisma.featureView.count({ where: { workspaceId } })).toBe(0);
  });
});
