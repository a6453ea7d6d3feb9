import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyRepository,
  diffVersions,
  getCurrentDefinition,
  listVersions,
  revertToVersion,
  saveDefinition,
  type ConflictDetails,
} from "@/lib/data/definitions";
import { createUser } from "@/lib/data/users";
import { createWorkspace } from "@/lib/data/workspaces";
import { fraudRepository } from "@/lib/definitions/__tests__/fraud-repository";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
let authorId: string;
let otherAuthorId: string;

async function newWorkspace(slug: string) {
  const workspace = await createWorkspace(database.prisma, { slug, name: slug });
  await database.prisma.team.create({ data: { workspaceId: workspace.id, slug: "fraud", name: "Fraud" } });
  return workspace.id;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const streamView = (windows: string[]): FeatureViewDefinition =>
  ({
    ...fraudRepository().featureViews[1]!,
    aggregations: [{ function: "count", column: "login_id", windows }],
  }) as FeatureViewDefinition;

beforeAll(async () => {
  database = await createTestDatabase();
  const home = await createWorkspace(database.prisma, { slug: "home", name: "Home" });
  authorId = (
    await createUser(database.prisma, {
      email: "author@example.com",
      name: "Arthur",
      password: "pw-123456",
      role: "author",
      workspaceId: home.id,
    })
  ).id;
  otherAuthorId = (
    await createUser(database.prisma, {
      email: "other@example.com",
      name: "Olga",
      password: "pw-123456",
      role: "author",
      workspaceId: home.id,
    })
  ).id;
});
afterAll(() => database.cleanup());

describe(`saveDefinition on ${testEngineKind()}`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = await newWorkspace("save");
    const base = fraudRepository();
    // Sources and entities through apply; the views are saved one by one below.
    await applyRepository(
      database.prisma,
      {
        workspaceId,
        document: {
          ...base,
          workspace: undefined,
          featureViews: [],
          featureServices: [],
          savedDatasets: [],
          models: [],
        },
      },
      { userId: authorId },
    );
  });

  it("creates an object with version 1, its rows, the dev pin and an audit row", async () => {
    const view = fraudRepository().featureViews[0]!;
    const result = await saveDefinition(
      database.prisma,
      { workspaceId, kind: "feature_view", definition: view, baseVersionNumber: null, message: "first" },
      { userId: authorId },
    );
    expect(result).toMatchObject({ status: "created", version: { number: 1, message: "first", authorName: "Arthur" } });
    const row = await database.prisma.featureView.findUniqueOrThrow({
      where: { id: result.objectId },
      include: {
        features: { include: { sourceColumns: true }, orderBy: { position: "asc" } },
        sources: true,
        entities: true,
      },
    });
    expect(row).toMatchObject({
      name: "user_profile",
      kind: "batch",
      schedule: "1d",
      scheduleSeconds: 86_400,
      ttlSeconds: 172_800,
    });
    expect(row.features.map((feature) => feature.name)).toEqual(["country", "avg_spend_30d"]);
    expect(row.features[0]!.sourceColumns).toHaveLength(1);
    expect(row.sources).toHaveLength(1);
    expect(row.entities).toHaveLength(1);
    const dev = await database.prisma.environment.findFirstOrThrow({ where: { workspaceId, name: "dev" } });
    const pin = await database.prisma.activeVersion.findUniqueOrThrow({
      where: {
        environmentId_objectKind_objectId: {
          environmentId: dev.id,
          objectKind: "feature_view",
          objectId: result.objectId,
        },
      },
    });
    expect(pin.versionId).toBe(result.version.id);
    const audit = await database.prisma.auditLog.findMany({ where: { workspaceId, objectId: result.objectId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "definition.save", before: null });
  });

  it("refuses to create over an existing name, and reports field paths on bad input", async () => {
    const view = fraudRepository().featureViews[0]!;
    const taken = await caught(
      saveDefinition(
        database.prisma,
        { workspaceId, kind: "feature_view", definition: view, baseVersionNumber: null },
        { userId: authorId },
      ),
    );
    expect(taken.status).toBe(422);
    expect(taken.fields).toEqual([{ path: "name", message: 'A feature view named "user_profile" already exists' }]);

    const bad = await caught(
      saveDefinition(
        database.prisma,
        { workspaceId, kind: "feature_view", definition: streamView(["5m", "soon"]), baseVersionNumber: null },
        { userId: authorId },
      ),
    );
    expect(bad.status).toBe(422);
    expect(bad.fields?.[0]?.path).toBe("aggregations[0].windows[1]");

    const unknownSource = await caught(
      saveDefinition(
        database.prisma,
        { workspaceId, kind: "feature_view", definition: { ...streamView(["5m"]), sources: ["nope"] } },
        { userId: authorId },
      ),
    );
    expect(unknownSource.fields).toContainEqual({ path: "sources[0]", message: 'Unknown data source "nope"' });
    expect(await database.prisma.featureView.count({ where: { workspaceId, name: "login_activity" } })).toBe(0);
  });

  it("updates with a new version, keeps feature ids, and saves an identical definition as unchanged", async () => {
    const before = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    });
    expect(before?.version.number).toBe(1);
    const featureIds = await database.prisma.feature.findMany({
      where: { featureViewId: before!.objectId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const edited = { ...(before!.definition as FeatureViewDefinition), description: "Profile per user", ttl: "3d" };
    const result = await saveDefinition(
      database.prisma,
      { workspaceId, kind: "feature_view", definition: edited, objectId: before!.objectId, baseVersionNumber: 1 },
      { userId: authorId },
    );
    expect(result).toMatchObject({ status: "updated", objectId: before!.objectId, version: { number: 2 } });
    const after = await database.prisma.feature.findMany({
      where: { featureViewId: before!.objectId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    expect(after).toEqual(featureIds);

    const again = await saveDefinition(
      database.prisma,
      { workspaceId, kind: "feature_view", definition: edited, objectId: before!.objectId, baseVersionNumber: 2 },
      { userId: authorId },
    );
    expect(again).toMatchObject({ status: "unchanged", version: { number: 2 } });
    expect(
      await listVersions(database.prisma, { workspaceId, kind: "feature_view", objectId: before!.objectId }),
    ).toHaveLength(2);

    const diff = await diffVersions(database.prisma, {
      workspaceId,
      kind: "feature_view",
      objectId: before!.objectId,
      from: 1,
      to: 2,
    });
    expect(diff.changes.map((change) => change.path)).toEqual(["description", "ttl"]);
  });

  it("refuses a save over a newer version with 409 and what changed; nothing is written", async () => {
    const current = (await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    }))!;
    const mine = { ...(current.definition as FeatureViewDefinition), schedule: "12h" };
    const theirs = { ...(current.definition as FeatureViewDefinition), online: false };
    await saveDefinition(
      database.prisma,
      {
        workspaceId,
        kind: "feature_view",
        definition: theirs,
        objectId: current.objectId,
        baseVersionNumber: current.version.number,
      },
      { userId: otherAuthorId },
    );
    const conflict = await caught(
      saveDefinition(
        database.prisma,
        {
          workspaceId,
          kind: "feature_view",
          definition: mine,
          objectId: current.objectId,
          baseVersionNumber: current.version.number,
        },
        { userId: authorId },
      ),
    );
    expect(conflict.status).toBe(409);
    const details = conflict.details as ConflictDetails;
    expect(details.latestVersion).toMatchObject({ number: current.version.number + 1, authorName: "Olga" });
    expect(details.changes).toEqual([{ path: "online", before: true, after: false, change: "changed" }]);
    const latest = await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      objectId: current.objectId,
    });
    expect(latest?.version.number).toBe(current.version.number + 1);
    expect((latest?.definition as FeatureViewDefinition).schedule).toBe("1d");
  });

  it("lets exactly one of two concurrent saves on the same base win", async () => {
    const current = (await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    }))!;
    const base = current.definition as FeatureViewDefinition;
    const outcomes = await Promise.allSettled(
      ["first", "second", "third"].map((description) =>
        saveDefinition(
          database.prisma,
          {
            workspaceId,
            kind: "feature_view",
            definition: { ...base, description },
            objectId: current.objectId,
            baseVersionNumber: current.version.number,
          },
          { userId: authorId },
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect((outcome.reason as AppError).status).toBe(409);
    }
    const versions = await listVersions(database.prisma, {
      workspaceId,
      kind: "feature_view",
      objectId: current.objectId,
    });
    expect(versions[0]?.number).toBe(current.version.number + 1);
  });

  it("reverts by creating a new version equal to the old one", async () => {
    const current = (await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    }))!;
    const result = await revertToVersion(
      database.prisma,
      {
        workspaceId,
        kind: "feature_view",
        objectId: current.objectId,
        versionNumber: 1,
        baseVersionNumber: current.version.number,
      },
      { userId: authorId },
    );
    expect(result).toMatchObject({
      status: "updated",
      version: { number: current.version.number + 1, message: "Revert to version 1" },
    });
    const diff = await diffVersions(database.prisma, {
      workspaceId,
      kind: "feature_view",
      objectId: current.objectId,
      from: 1,
      to: result.version.number,
    });
    expect(diff.changes).toEqual([]);
    expect(diff.from.contentHash).toBe(diff.to.contentHash);
    const row = await database.prisma.featureView.findUniqueOrThrow({ where: { id: current.objectId } });
    expect(row).toMatchObject({ ttlSeconds: 172_800, online: true, description: "" });
  });

  it("refuses to remove a feature a service still selects", async () => {
    await saveDefinition(
      database.prisma,
      {
        workspaceId,
        kind: "feature_service",
        definition: { name: "profile_service", features: ["user_profile:country"] },
      },
      { userId: authorId },
    );
    const current = (await getCurrentDefinition(database.prisma, {
      workspaceId,
      kind: "feature_view",
      name: "user_profile",
    }))!;
    const view = current.definition as FeatureViewDefinition;
    const error = await caught(
      saveDefinition(
        database.prisma,
        {
          workspaceId,
          kind: "feature_view",
          objectId: current.objectId,
          definition: {
            ...view,
            features: view.features.filter((feature) => feature.name !== "country"),
            transformation: {
              language: "sql",
              code: "SELECT user_id, AVG(amount) AS avg_spend_30d FROM transactions GROUP BY user_id",
            },
          },
        },
        { userId: authorId },
      ),
    );
    expect(error.status).toBe(422);
    expect(error.fields?.[0]?.message).toContain('This would break feature service "profile_service"');
  });
});
