import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_READ_TTL_MS, REGISTRY_READ_TTL_MS, sharedRead } from "@/lib/cache/shared-read";
import { announceWriteSql, WRITES_CHANNEL, writeEpoch, writeScopeOf } from "@/lib/db/write-epoch";
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
  const payloads: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    otherInstance = new pg.Client({ connectionString: database.url });
    await otherInstance.connect();
    otherInstance.on("notification", (message) => {
      if (message.channel !== WRITES_CHANNEL) return;
      heard.push(Date.now());
      payloads.push(message.payload ?? "");
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
      expect(payloads.at(-1)).toBe("");

      // A raw transaction of ingestion's tables alone says so (other instances keep registry reads).
      heard.length = 0;
      await database.engine.transaction(async (tx) => {
        await tx.exec("SAVEPOINT s");
        await tx.query("DELETE FROM idempotency_key WHERE key = 'none'");
      });
      await until(() => heard.length >= 1, "the ingestion transaction's notification");
      expect(payloads.at(-1)).toBe("monitoring");
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

    it("and one of ingestion's tables alone keeps this instance's reads of the registry", async () => {
      database.engine.followOtherInstances();
      let registryLoads = 0;
      let pageLoads = 0;
      const registryRead = () =>
        sharedRead("listener-registry", { ttlMs: REGISTRY_READ_TTL_MS }, async () => ++registryLoads);
      const pageRead = () => sharedRead("listener-page", { ttlMs: PAGE_READ_TTL_MS }, async () => ++pageLoads);
      await registryRead();
      await pageRead();

      // The other instance ingests: a committed transaction of serving metrics only.
      const before = writeEpoch();
      await otherInstance.query("BEGIN");
      await otherInstance.query(announceWriteSql(writeScopeOf("INSERT INTO serving_metric (id) VALUES ('x')")!));
      await otherInstance.query("COMMIT");
      await until(() => writeEpoch() > before, "the other instance's notification");
      expect(await registryRead()).toBe(1);
      expect(await pageRead()).toBe(2);
    });
  });
}
