import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "@/lib/db/engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startScheduler, type ScheduledTaskDefinition } from "@/lib/scheduler/scheduler";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

let database: TestDatabase;
/** A second app instance: its own pool and Prisma client on the same PostgreSQL database. */
let other: { engine: Engine; prisma: PrismaClient } | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.kind === "postgresql") {
    const engine = createEngine({ databaseUrl: database.url!, dataDir: "unused" });
    other = { engine, prisma: new PrismaClient({ adapter: engine.adapter }) };
  }
});
afterAll(async () => {
  if (other) {
    await other.prisma.$disconnect();
    await other.engine.close();
  }
  await database.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The second instance's client on PostgreSQL; on PGlite (one process only) the same client. */
const secondClient = () => other?.prisma ?? database.prisma;

function recordingTask(
  name: string,
  intervalMs: number,
  log: { at: number; by: string }[],
  by: string,
  leaseMs?: number,
) {
  return {
    name,
    intervalMs,
    leaseMs,
    async run(_prisma, { scheduledAt }) {
      log.push({ at: scheduledAt.getTime(), by });
      await sleep(5);
    },
  } satisfies ScheduledTaskDefinition;
}

function expectConsecutive(ticks: number[], intervalMs: number) {
  const sorted = [...ticks].sort((a, b) => a - b);
  expect(new Set(sorted).size).toBe(sorted.length);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBe(intervalMs);
}

describe(`scheduler on ${testEngineKind()}`, () => {
  it("runs each tick exactly once when two instances poll the same tasks", async () => {
    const log: { at: number; by: string }[] = [];
    const a = startScheduler(database.prisma, [recordingTask("race", 200, log, "a")], { pollMs: 20, instanceId: "a" });
    const b = startScheduler(secondClient(), [recordingTask("race", 200, log, "b")], { pollMs: 20, instanceId: "b" });
    await sleep(2_200);
    await Promise.all([a.stop(), b.stop()]);

    expect(log.length).toBeGreaterThanOrEqual(5);
    expectConsecutive(
      log.map((entry) => entry.at),
      200,
    );
    const row = await database.prisma.scheduledTask.findUniqueOrThrow({ where: { name: "race" } });
    expect(row.leaseUntil).toBeNull();
    expect(row.lastError).toBeNull();
  });

  it("catches up the ticks missed while the only instance was down, including the one it died in", async () => {
    const log: { at: number; by: string }[] = [];
    let hang = false;
    const dying: ScheduledTaskDefinition = {
      name: "catch-up",
      intervalMs: 200,
      leaseMs: 300,
      async run(_prisma, { scheduledAt }) {
        // The instance is "killed" mid-run: this run never finishes, its tick is never marked done.
        if (hang) return new Promise(() => {});
        log.push({ at: scheduledAt.getTime(), by: "a" });
      },
    };
    const a = startScheduler(database.prisma, [dying], { pollMs: 20, instanceId: "a" });
    await sleep(700);
    hang = true;
    await sleep(1_000);
    void a.stop();
    const ranBeforeDeath = log.length;
    expect(ranBeforeDeath).toBeGreaterThanOrEqual(2);

    const b = startScheduler(secondClient(), [recordingTask("catch-up", 200, log, "b", 300)], {
      pollMs: 20,
      instanceId: "b",
    });
    await sleep(1_000);
    await b.stop();

    const caughtUp = log.filter((entry) => entry.by === "b");
    // The tick "a" died in plus about five missed while it hung; b runs them all, oldest first.
    expect(caughtUp.length).toBeGreaterThanOrEqual(6);
    expect(caughtUp[0]!.at - log[ranBeforeDeath - 1]!.at).toBe(200);
    expectConsecutive(
      log.map((entry) => entry.at),
      200,
    );
  });

  it("records a failing run and keeps going with the next tick", async () => {
    let runs = 0;
    const failing: ScheduledTaskDefinition = {
      name: "failing",
      intervalMs: 100,
      async run() {
        runs++;
        throw new Error("receiver unreachable");
      },
    };
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const a = startScheduler(database.prisma, [failing], { pollMs: 20 });
      await sleep(450);
      await a.stop();
    } finally {
      console.error = original;
    }
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(errors[0]).toContain("receiver unreachable");
    const row = await database.prisma.scheduledTask.findUniqueOrThrow({ where: { name: "failing" } });
    expect(row.lastError).toBe("receiver unreachable");
  });
});
