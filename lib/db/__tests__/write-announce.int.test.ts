import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedRead } from "@/lib/cache/shared-read";
import { WRITES_CHANNEL, writeEpoch } from "@/lib/db/write-epoch";
import { createTestDatabase, testEngineKind, type TestDatabase } from "@/lib/testing/test-db";

describe(`shared reads on ${testEngineKind()}`, () => {
  it("are retired by every write of this process, and kept across reads", async () => {
    const database = await createTestDatabase();
    try {
      let loads = 0;
      const read = () => sharedRead(`epoch-test:${database.kind}`, { ttlMs: 60_000 }, async () => ++loads);
      expect(await read()).toBe(1);
      await database.prisma.workspace.findMany();
      await database.prisma.$queryRaw`WITH w AS (SELECT id FROM workspace) SELECT count(*) FROM w`;
      expect(await read()).toBe(1);

      await database.prisma.workspace.create({ data: { slug: "a", name: "A" } });
      expect(await read()).toBe(2);
      await database.prisma.$transaction([database.prisma.workspace.create({ data: { slug: "b", name: "B" } })]);
      expect(await read()).toBe(3);
      await database.engine.transaction((tx) => tx.exec(`UPDATE workspace SET name = 'AA' WHERE slug = 'a'`));
      expect(await read()).toBe(4);
      // The timers' bookkeeping is not a change any page shows.
      await database.prisma.$executeRaw`UPDATE scheduled_task SET lease_until = NULL WHERE name = 'none'`;
      expect(await read()).toBe(4);
    } finally {
      await database.cleanup();
    }
  });
});

/**
 * Several app instances on one PostgreSQL: each keeps shared reads (lib/cache/shared-read.ts),
 * and a write committed by one must retire them in the others, not only after their time to live.
 * The embedded database has one process, so this is PostgreSQL's alone.
 */
if (testEngineKind() === "postgresql") {
  let database: TestDatabase;
  let otherInstance: pg.Client;
  const heard: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    otherInstance = new pg.Client({ connectionString: database.url });
    await otherInstance.connect();
    otherInstance.on("notification", (message) => {
      if (message.channel === WRITES_CHANNEL) heard.push(Date.now());
    });
    await otherInstance.query(`LISTEN ${WRITES_CHANNEL}`);
  });
  afterAll(async () => {
    await otherInstance.end();
    await database.cleanup();
  });

  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

  describe("writes on PostgreSQL are announced to other instances", () => {
    it("once committed, by Prisma, a Prisma transaction and the raw engine", async () => {
      heard.length = 0;
      await database.prisma.workspace.create({ data: { slug: "one", name: "One" } });
      await until(() => heard.length >= 1, "the single write's notification");

      heard.length = 0;
      await database.prisma.$transaction([
        database.prisma.workspace.create({ data: { slug: "two", name: "Two" } }),
        database.prisma.workspace.create({ data: { slug: "three", name: "Three" } }),
      ]);
      await until(() => heard.length >= 1, "the transaction's notification");

      heard.length = 0;
      await database.engine.transaction((tx) => tx.exec(`UPDATE workspace SET name = 'Uno' WHERE slug = 'one'`));
      await until(() => heard.length >= 1, "the raw transaction's notification");
    });

    it("not when the transaction rolls back, nor for reads", async () => {
      await quiet();
      heard.length = 0;
      await expect(
        database.prisma.$transaction(async (tx) => {
          await tx.workspace.create({ data: { slug: "never", name: "Never" } });
          throw new Error("midway");
        }),
      ).rejects.toThrow("midway");
      await database.prisma.workspace.findMany();
      await quiet();
      expect(heard).toEqual([]);
      expect(await database.prisma.workspace.count({ where: { slug: "never" } })).toBe(0);
    });

    it("and another instance's announcement retires this instance's shared reads", async () => {
      database.engine.followOtherInstances();
      const epochAtStart = writeEpoch();
      // The listener counts one write when it starts listening (it cannot know what it missed).
      await until(() => writeEpoch() > epochAtStart, "the listener to connect");

      let loads = 0;
      const read = () => sharedRead("listener-test", { ttlMs: 60_000 }, async () => ++loads);
      expect(await read()).toBe(1);
      expect(await read()).toBe(1);

      // Another instance commits a write: its NOTIFY reaches this one's listener.
      const before = writeEpoch();
      await otherInstance.query(`NOTIFY ${WRITES_CHANNEL}`);
      await until(() => writeEpoch() > before, "the other instance's notification");
      expect(await read()).toBe(2);
    });
  });
}
