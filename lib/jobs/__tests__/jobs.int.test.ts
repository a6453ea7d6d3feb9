import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveFeastConnection } from "@/lib/data/feast-sync";
import { createWorkspace } from "@/lib/data/workspaces";
import { createEngine, type Engine } from "@/lib/db/engine";
import { generatedRepository } from "@/lib/definitions/generated-repository";
import { traitRegistry } from "@/lib/feast/__tests__/trait-registry";
import { encodeFeastRegistry } from "@/lib/feast/registry-proto";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { appJobHandlers, type ApplyJobInput } from "@/lib/jobs/kinds";
import { claimNextJob, enqueueJob, getJob, MAX_JOB_ATTEMPTS, type JobProgress } from "@/lib/jobs/queue";
import { runNextJob, startJobRunner, type JobHandlers } from "@/lib/jobs/runner";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

/*
 * Background jobs on a real database. "Two app instances" are two Prisma clients with their own
 * pools on one PostgreSQL (on PGlite, one process only: two runners on the same client).
 */

let database: TestDatabase;
let other: { engine: Engine; prisma: PrismaClient } | null = null;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.kind === "postgresql") {
    const engine = createEngine({ databaseUrl: database.url!, dataDir: "unused" });
    other = { engine, prisma: new PrismaClient({ adapter: engine.adapter }) };
  }
  workspaceId = (await createWorkspace(database.prisma, { slug: "jobs", name: "Jobs" })).id;
  otherWorkspaceId = (await createWorkspace(database.prisma, { slug: "jobs-other", name: "Other" })).id;
});
afterAll(async () => {
  if (other) {
    await other.prisma.$disconnect();
    await other.engine.close();
  }
  await database.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secondClient = () => other?.prisma ?? database.prisma;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(20);
  }
}

async function registrySnapshot(id: string) {
  const prisma = database.prisma;
  const [views, features, versions, audit] = await Promise.all([
    prisma.featureView.count({ where: { workspaceId: id } }),
    prisma.feature.count({ where: { workspaceId: id } }),
    prisma.definitionVersion.count({ where: { workspaceId: id } }),
    prisma.auditLog.count({ where: { workspaceId: id } }),
  ]);
  return { views, features, versions, audit };
}

describe(`background jobs on ${testEngineKind()}`, () => {
  it("runs each job exactly once when two instances poll the same queue", async () => {
    const ran: Array<{ id: string; by: string }> = [];
    const recording = (by: string): JobHandlers => ({
      apply: async ({ job }) => {
        ran.push({ id: job.id, by });
        await sleep(15);
        return { by };
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await enqueueJob(database.prisma, { kind: "apply", workspaceId, input: { i } })).id);
    }
    const a = startJobRunner(database.prisma, recording("a"), { pollMs: 20, instanceId: "a" });
    const b = startJobRunner(secondClient(), recording("b"), { pollMs: 20, instanceId: "b" });
    const jobs = await waitFor(
      () => Promise.all(ids.map((id) => getJob(database.prisma, workspaceId, id))),
      (all) => all.every((job) => job.state === "succeeded"),
    );
    await Promise.all([a.stop(), b.stop()]);

    expect(jobs.map((job) => job.state)).toEqual(ids.map(() => "succeeded"));
    expect(ran.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    for (const job of jobs) {
      // The result is the one the instance that ran it returned, and the lease is released.
      expect(job.result).toEqual({ by: ran.find((entry) => entry.id === job.id)!.by });
      expect(job.finishedAt).not.toBeNull();
    }
    const leased = await database.prisma.job.count({ where: { id: { in: ids }, leasedBy: { not: null } } });
    expect(leased).toBe(0);
    if (other) expect(new Set(ran.map((entry) => entry.by)).size).toBe(2);
  });

  it("claims a job left running by a dead instance again once its lease lapses", async () => {
    const { id } = await enqueueJob(database.prisma, { kind: "apply", workspaceId, input: {} });
    // The instance claims it and dies: no heartbeat, no result.
    const claimed = await claimNextJob(database.prisma, "dead", 300);
    expect(claimed?.id).toBe(id);
    expect(await claimNextJob(secondClient(), "alive", 300)).toBeNull();
    expect((await getJob(database.prisma, workspaceId, id)).state).toBe("running");

    await sleep(400);
    const outcome = await runNextJob(secondClient(), { apply: async () => ({ rerun: true }) }, "alive", 300);
    expect(outcome).toEqual({ id, kind: "apply", state: "succeeded" });
    const job = await getJob(database.prisma, workspaceId, id);
    expect(job).toMatchObject({ state: "succeeded", result: { rerun: true } });
    expect((await database.prisma.job.findUniqueOrThrow({ where: { id } })).attempts).toBe(2);
  });

  it("gives up a job whose instance died on it every time", async () => {
    const { id } = await enqueueJob(database.prisma, { kind: "apply", workspaceId, input: {} });
    for (let attempt = 0; attempt < MAX_JOB_ATTEMPTS; attempt++) {
      expect((await claimNextJob(database.prisma, `dead-${attempt}`, 1))?.id).toBe(id);
      await sleep(10);
    }
    let ran = false;
    await runNextJob(database.prisma, { apply: async () => (ran = true) }, "alive");
    expect(ran).toBe(false);
    const job = await getJob(database.prisma, workspaceId, id);
    expect(job.state).toBe("failed");
    expect(job.error?.message).toMatch(/stopped 3 times/);
  });

  it("records progress while the job runs, then the apply's result", async () => {
    const input: ApplyJobInput = { actor: { userId: null }, document: generatedRepository(20, 3) };
    const { id } = await enqueueJob(database.prisma, { kind: "apply", workspaceId, input, total: 42 });
    expect((await getJob(database.prisma, workspaceId, id)).progress).toEqual({ phase: "queued", done: 0, total: 42 });

    const seen: Array<Partial<JobProgress>> = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handlers: JobHandlers = {
      apply: async (context) => {
        context.progress({ phase: "waiting for the test", done: 0, total: 42 });
        await released;
        return appJobHandlers.apply!({
          ...context,
          progress: (update) => {
            seen.push(update);
            context.progress(update);
          },
        });
      },
    };
    const running = runNextJob(database.prisma, handlers, "a");
    const midway = await waitFor(
      () => getJob(database.prisma, workspaceId, id),
      (job) => job.progress.phase === "waiting for the test",
    );
    expect(midway).toMatchObject({ state: "running", progress: { phase: "waiting for the test", done: 0, total: 42 } });
    expect(midway.startedAt).not.toBeNull();
    // The row itself, which other instances read (this process also shows what it last reported).
    const row = await waitFor(
      () => secondClient().job.findUniqueOrThrow({ where: { id }, select: { phase: true, progressTotal: true } }),
      (current) => current.phase === "waiting for the test",
    );
    expect(row).toEqual({ phase: "waiting for the test", progressTotal: 42 });
    release();
    expect(await running).toMatchObject({ state: "succeeded" });

    expect(seen.map((update) => update.phase)).toEqual([
      "planning",
      "planning",
      "writing",
      "recording versions",
      "indexing for search",
    ]);
    expect(seen.find((update) => update.phase === "writing")).toMatchObject({ done: 0, total: 42 });
    const job = await getJob(database.prisma, workspaceId, id);
    expect(job.state).toBe("succeeded");
    expect(job.progress).toEqual({ phase: "done", done: 42, total: 42 });
    const result = job.result as { applied: boolean; create: unknown[]; versions: unknown[] };
    expect(result.applied).toBe(true);
    expect(result.versions).toHaveLength(42);
    expect(await registrySnapshot(workspaceId)).toMatchObject({ views: 20, features: 60, versions: 42, audit: 1 });
    // The input (the whole document) is not kept once the job has ended.
    expect((await database.prisma.job.findUniqueOrThrow({ where: { id } })).input).toBeNull();
  });

  it("lets other requests read, and see the job's progress, while its write transaction is open", async () => {
    const teamsBefore = await database.prisma.team.count({ where: { workspaceId } });
    const { id } = await enqueueJob(database.prisma, { kind: "apply", workspaceId, input: {}, total: 2 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handlers: JobHandlers = {
      apply: (context) =>
        context.prisma.$transaction(
          async (tx) => {
            await tx.team.create({ data: { workspaceId, slug: "written-by-the-job", name: "Job" } });
            context.progress({ phase: "half-way", done: 1, total: 2 });
            await released;
          },
          { timeout: 60_000 },
        ),
    };
    const running = runNextJob(database.prisma, handlers, "a");
    try {
      // On the embedded database (one connection) these are answered from a snapshot; a read
      // that waited for the transaction would never see "half-way" before the release.
      const midway = await waitFor(
        () => getJob(database.prisma, workspaceId, id),
        (job) => job.progress.phase === "half-way",
      );
      expect(midway).toMatchObject({ state: "running", progress: { phase: "half-way", done: 1, total: 2 } });
      expect(await database.prisma.team.count({ where: { workspaceId } })).toBe(teamsBefore);
    } finally {
      release();
    }
    expect(await running).toMatchObject({ state: "succeeded" });
    expect(await database.prisma.team.count({ where: { workspaceId } })).toBe(teamsBefore + 1);
    expect((await getJob(database.prisma, workspaceId, id)).progress).toEqual({ phase: "done", done: 2, total: 2 });
  });

  it("records a failure with its error and writes nothing of a job that fails half-way", async () => {
    const before = await registrySnapshot(workspaceId);
    const document = generatedRepository(40, 3);
    document.featureViews[5]!.description = "changed by a job that fails";
    await database.engine.transaction(async (tx) => {
      await tx.exec(`
        CREATE FUNCTION refuse_view_37() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.object_name = 'view_37' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_view_37 BEFORE INSERT ON definition_version FOR EACH ROW EXECUTE FUNCTION refuse_view_37();
      `);
    });
    const { id } = await enqueueJob(database.prisma, {
      kind: "apply",
      workspaceId,
      input: { actor: { userId: null }, document } satisfies ApplyJobInput,
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...line: unknown[]) => errors.push(line);
    try {
      expect(await runNextJob(database.prisma, appJobHandlers, "a")).toMatchObject({ id, state: "failed" });
    } finally {
      console.error = original;
      await database.engine.query("DROP TRIGGER refuse_view_37 ON definition_version");
      await database.engine.query("DROP FUNCTION refuse_view_37");
    }
    const job = await getJob(database.prisma, workspaceId, id);
    expect(job.state).toBe("failed");
    // An unexpected error is logged; the caller gets a plain message, not the database's text.
    expect(job.error).toEqual({
      code: "internal",
      status: 500,
      message: "The job failed unexpectedly; nothing it would have changed was written.",
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(await registrySnapshot(workspaceId)).toEqual(before);
    expect(await database.prisma.featureView.count({ where: { workspaceId, name: "view_37" } })).toBe(0);
  });

  it("records a validation failure as the synchronous call would answer it (422 with the fields)", async () => {
    const before = await registrySnapshot(workspaceId);
    const document = generatedRepository(3, 2);
    document.featureViews[1]!.entities = ["no_such_entity"];
    const { id } = await enqueueJob(database.prisma, {
      kind: "apply",
      workspaceId,
      input: { actor: { userId: null }, document } satisfies ApplyJobInput,
    });
    await runNextJob(database.prisma, appJobHandlers, "a");
    const job = await getJob(database.prisma, workspaceId, id);
    expect(job.state).toBe("failed");
    expect(job.error).toMatchObject({ code: "unprocessable", status: 422 });
    expect(job.error?.fields?.some((field) => field.path.startsWith("featureViews[1]"))).toBe(true);
    expect(await registrySnapshot(workspaceId)).toEqual(before);
  });

  it("runs Sync now as a job: the sync's run is its result, a failed sync fails the job with its reason", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "jobs-sync-"));
    try {
      const syncing = (await createWorkspace(database.prisma, { slug: "jobs-sync", name: "Sync" })).id;
      const file = path.join(directory, "registry.db");
      writeFileSync(file, encodeFeastRegistry(traitRegistry()));
      await saveFeastConnection(database.prisma, syncing, { location: file });
      const { id } = await enqueueJob(database.prisma, { kind: "feast-sync", workspaceId: syncing, input: {} });
      const seen: Array<string | null | undefined> = [];
      await runNextJob(
        database.prisma,
        {
          "feast-sync": (context) =>
            appJobHandlers["feast-sync"]!({ ...context, progress: (update) => seen.push(update.phase) }),
        },
        "a",
      );
      const job = await getJob(database.prisma, syncing, id);
      expect(job.state).toBe("succeeded");
      expect(job.result).toMatchObject({ run: { status: "success", trigger: "manual", created: 13, error: null } });
      expect(seen[0]).toBe("reading registry");
      expect(seen).toContain("writing");

      rmSync(file);
      const { id: failing } = await enqueueJob(database.prisma, {
        kind: "feast-sync",
        workspaceId: syncing,
        input: {},
      });
      await runNextJob(database.prisma, appJobHandlers, "a");
      expect(await getJob(database.prisma, syncing, failing)).toMatchObject({
        state: "failed",
        error: { code: "unavailable", status: 503, message: `The sync failed: No file at ${file}` },
      });
      const runs = await database.prisma.feastSyncRun.findMany({ orderBy: { startedAt: "asc" } });
      expect(runs.map((run) => run.status)).toEqual(["success", "failed"]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("shows a job only in its own workspace", async () => {
    const { id } = await enqueueJob(database.prisma, { kind: "feast-sync", workspaceId: otherWorkspaceId, input: {} });
    expect((await getJob(database.prisma, otherWorkspaceId, id)).state).toBe("queued");
    await expect(getJob(database.prisma, workspaceId, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getJob(database.prisma, workspaceId, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
    await database.prisma.job.delete({ where: { id } });
  });
});
