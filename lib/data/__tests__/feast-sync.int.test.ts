import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getFeastConnection,
  saveFeastConnection,
  syncDueFeastRegistries,
  syncFeastRegistryNow,
} from "@/lib/data/feast-sync";
import { createWorkspace } from "@/lib/data/workspaces";
import { appTasks } from "@/lib/scheduler/tasks";
import { createEngine } from "@/lib/db/engine";
import { encodeFeastRegistry } from "@/lib/feast/registry-proto";
import { traitRegistry } from "@/lib/feast/__tests__/trait-registry";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

/*
 * Sync against a real HTTP server that serves a registry.db the test rewrites, and a file on
 * disk; "two app instances" are two Prisma clients with their own pools on one PostgreSQL
 * (on PGlite, two concurrent callers of one client).
 */

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let served: Uint8Array = new Uint8Array();
let requests = 0;
const directory = mkdtempSync(path.join(tmpdir(), "feast-sync-"));

beforeAll(async () => {
  database = await createTestDatabase();
  server = createServer((request, response) => {
    requests++;
    if (request.url !== "/registry.db") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(served));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  rmSync(directory, { recursive: true, force: true });
  await database.cleanup();
});

function registryWith(change: (registry: Record<string, unknown[]>) => void): Uint8Array {
  const registry = traitRegistry() as Record<string, unknown[]>;
  change(registry);
  return encodeFeastRegistry(registry);
}

describe(`Feast sync on ${testEngineKind()}`, () => {
  it("imports from an http(s) URL, applies only what changed, marks removed objects, and keeps a history", async () => {
    const workspace = await createWorkspace(database.prisma, { slug: "sync-http", name: "Sync" });
    await saveFeastConnection(database.prisma, workspace.id, { location: `${baseUrl}/registry.db` });
    served = registryWith(() => {});

    const first = await syncDueFeastRegistries(database.prisma, new Date());
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: "success", trigger: "schedule", created: 13, removed: 0, error: null });

    // Not due again until its interval has passed.
    expect(await syncDueFeastRegistries(database.prisma, new Date())).toEqual([]);

    // The same file again: nothing to do.
    const unchanged = await syncFeastRegistryNow(database.prisma, workspace.id);
    expect(unchanged).toMatchObject({ status: "unchanged", created: 0, updated: 0, trigger: "manual" });

    // A view's description changes and the saved dataset disappears.
    served = registryWith((registry) => {
      (registry.featureViews![2] as { spec: Record<string, unknown> }).spec.description = "Vehicle per driver";
      registry.savedDatasets = [];
    });
    const changed = await syncFeastRegistryNow(database.prisma, workspace.id);
    expect(changed).toMatchObject({ status: "success", created: 0, updated: 1, removed: 1 });
    // Removed: still there with its versions, marked removed, no longer running in dev.
    const dataset = await database.prisma.savedDataset.findFirst({ where: { workspaceId: workspace.id } });
    expect(dataset).not.toBeNull();
    const meta = await database.prisma.externalObjectMeta.findFirst({
      where: { workspaceId: workspace.id, objectKind: "saved_dataset" },
    });
    expect(meta?.removedAt).not.toBeNull();
    const dev = await database.prisma.environment.findFirst({ where: { workspaceId: workspace.id, name: "dev" } });
    expect(
      await database.prisma.activeVersion.count({ where: { environmentId: dev!.id, objectId: dataset!.id } }),
    ).toBe(0);

    const connection = await getFeastConnection(database.prisma, workspace.id);
    expect(connection?.runs.map((run) => run.status)).toEqual(["success", "unchanged", "success"]);
    expect(connection?.claimedUntil).toBeNull();
  });

  it("follows a registry that runs in prod: fills an empty prod once, then changes reach dev only", async () => {
    const workspace = await createWorkspace(database.prisma, { slug: "sync-prod", name: "Sync prod" });
    const environments = await database.prisma.environment.findMany({ where: { workspaceId: workspace.id } });
    const envId = (name: string) => environments.find((environment) => environment.name === name)!.id;
    const activeVersionsIn = async (name: string) =>
      (
        await database.prisma.activeVersion.findMany({
          where: { environmentId: envId(name) },
          orderBy: [{ objectKind: "asc" }, { objectId: "asc" }],
          select: { objectKind: true, objectId: true, versionId: true },
        })
      ).map((row) => `${row.objectKind}:${row.objectId}:${row.versionId}`);
    await expect(
      saveFeastConnection(database.prisma, workspace.id, { location: `${baseUrl}/registry.db`, environment: "live" }),
    ).rejects.toMatchObject({ fields: [{ path: "environment" }] });
    await saveFeastConnection(database.prisma, workspace.id, {
      location: `${baseUrl}/registry.db`,
      environment: "prod",
    });
    expect((await getFeastConnection(database.prisma, workspace.id))?.environment).toBe("prod");
    served = registryWith(() => {});

    expect(await syncFeastRegistryNow(database.prisma, workspace.id)).toMatchObject({ status: "success", created: 13 });
    const prodAfterFirst = await activeVersionsIn("prod");
    expect(prodAfterFirst).toHaveLength(13);
    expect(await activeVersionsIn("staging")).toEqual([]);
    const runs = await database.prisma.materializationRun.findMany({ where: { workspaceId: workspace.id } });
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((run) => run.environmentId === envId("prod"))).toBe(true);

    served = registryWith((registry) => {
      (registry.featureViews![2] as { spec: Record<string, unknown> }).spec.description = "Vehicle per driver";
      registry.savedDatasets = [];
    });
    expect(await syncFeastRegistryNow(database.prisma, workspace.id)).toMatchObject({
      status: "success",
      updated: 1,
      removed: 1,
    });
    // Neither the update nor the removal touched prod; dev has the new version.
    expect(await activeVersionsIn("prod")).toEqual(prodAfterFirst);
    expect(await activeVersionsIn("dev")).not.toEqual(prodAfterFirst);
  });

  it("records a failed run with its reason and recovers on the next one", async () => {
    const workspace = await createWorkspace(database.prisma, { slug: "sync-file", name: "Sync file" });
    const file = path.join(directory, "registry.db");
    await saveFeastConnection(database.prisma, workspace.id, { location: file });
    const missing = await syncFeastRegistryNow(database.prisma, workspace.id);
    expect(missing).toMatchObject({ status: "failed", error: `No file at ${file}` });

    writeFileSync(file, "certainly not a protobuf registry");
    const garbage = await syncFeastRegistryNow(database.prisma, workspace.id);
    expect(garbage.error).toMatch(/not a Feast registry/);

    writeFileSync(
      file,
      readFileSync(path.join(import.meta.dirname, "../../__tests__/fixtures/feast/credit_scoring_registry.db")),
    );
    const good = await syncFeastRegistryNow(database.prisma, workspace.id);
    expect(good).toMatchObject({ status: "success", created: 14, skipped: 1 });
  });

  it("is one of the app's scheduled tasks: a due registry syncs on the scheduler's tick", async () => {
    const workspace = await createWorkspace(database.prisma, { slug: "sync-scheduled", name: "Scheduled" });
    await saveFeastConnection(database.prisma, workspace.id, { location: `${baseUrl}/registry.db` });
    served = registryWith(() => {});
    const task = appTasks({ freshnessIntervalMs: 60_000, alertRepeatMs: 3_600_000 }).find(
      (candidate) => candidate.name === "feast-sync",
    );
    expect(task).toBeDefined();
    await task!.run(database.prisma, { scheduledAt: new Date(), now: new Date() });
    const connection = await getFeastConnection(database.prisma, workspace.id);
    expect(connection?.runs).toHaveLength(1);
    expect(connection?.runs[0]).toMatchObject({ status: "success", trigger: "schedule" });
  });

  it("runs a due sync once when two instances share the database", async () => {
    const workspace = await createWorkspace(database.prisma, { slug: "sync-twice", name: "Sync twice" });
    await saveFeastConnection(database.prisma, workspace.id, { location: `${baseUrl}/registry.db` });
    served = registryWith(() => {});
    const second =
      database.kind === "postgresql"
        ? new PrismaClient({ adapter: createEngine({ databaseUrl: database.url!, dataDir: "unused" }).adapter })
        : database.prisma;
    try {
      const before = requests;
      const now = new Date();
      const [a, b] = await Promise.all([
        syncDueFeastRegistries(database.prisma, now),
        syncDueFeastRegistries(second, now),
      ]);
      expect(a.length + b.length).toBe(1);
      expect(requests - before).toBe(1);
      expect(await database.prisma.feastSyncRun.count({ where: { connection: { workspaceId: workspace.id } } })).toBe(
        1,
      );
    } finally {
      if (second !== database.prisma) await second.$disconnect();
    }
  });
});
