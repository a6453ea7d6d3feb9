import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { countAppliedMigrations, applyMigrations, readMigrations, type Migration } from "@/lib/migrate";
import { createEmptyTestDatabase, testEngineKind } from "@/lib/testing/test-db";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDatabase() {
  const database = await createEmptyTestDatabase();
  cleanups.push(database.cleanup);
  return database;
}

describe(`migrations on ${testEngineKind()}`, () => {
  it("apply every migration from empty, once", async () => {
    const { engine } = await emptyDatabase();
    const known = readMigrations();
    const first = await applyMigrations(engine);
    expect(first.applied).toEqual(known.map((m) => m.name));
    const tables = await engine.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const names = tables.map((t) => t.table_name);
    for (const table of [
      "feature",
      "feature_view",
      "definition_version",
      "promotion_request",
      "serving_metric",
      "audit_log",
    ]) {
      expect(names).toContain(table);
    }
    const second = await applyMigrations(engine);
    expect(second.applied).toEqual([]);
    expect(await countAppliedMigrations(engine)).toBe(known.length);
  });

  it("keep stored serving metrics when 0006 makes their natural key the primary key", async () => {
    const { engine } = await emptyDatabase();
    const known = readMigrations();
    const before = known.filter((migration) => migration.name < "0006");
    await applyMigrations(engine, { migrations: before });
    await engine.query(
      `INSERT INTO serving_metric (workspace_id, feature_service_id, environment_id, bucket_start, bucket_seconds,
         request_count, error_count, latency_p50_ms, latency_p95_ms, latency_p99_ms)
       SELECT 'ws', 'svc' || (g % 3), 'prod', timestamp '2026-01-01' + g * interval '1 minute', 60, 100, 1, 5, 9, 12
         FROM generate_series(1, 30) g`,
    );
    expect((await applyMigrations(engine)).applied).toEqual(known.slice(before.length).map((m) => m.name));
    const [{ n } = { n: 0 }] = await engine.query<{ n: number }>("SELECT count(*)::int AS n FROM serving_metric");
    expect(n).toBe(30);
    const key = await engine.query<{ column_name: string }>(
      `SELECT a.attname AS column_name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = 'serving_metric'::regclass AND i.indisprimary`,
    );
    expect(key.map((row) => row.column_name).sort()).toEqual(
      ["bucket_seconds", "bucket_start", "environment_id", "feature_service_id"].sort(),
    );
    const indexes = await engine.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'serving_metric'",
    );
    expect(indexes[0]!.n).toBe(1);
  });

  it("roll back whole when a migration fails", async () => {
    const { engine } = await emptyDatabase();
    const migrations: Migration[] = [
      { name: "0001_ok", sql: "CREATE TABLE one (id int);", checksum: "a" },
      { name: "0002_broken", sql: "CREATE TABLE two (id int); SELECT * FROM no_such_table;", checksum: "b" },
    ];
    await expect(applyMigrations(engine, { migrations })).rejects.toThrow(/no_such_table/);
    const tables = await engine.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('one', 'two')",
    );
    expect(tables[0]!.n).toBe(0);
    expect(await countAppliedMigrations(engine)).toBe(0);
  });

  it("refuse a migration that changed after it was applied", async () => {
    const { engine } = await emptyDatabase();
    await applyMigrations(engine, { migrations: [{ name: "0001_a", sql: "CREATE TABLE a (id int);", checksum: "x" }] });
    await expect(
      applyMigrations(engine, { migrations: [{ name: "0001_a", sql: "CREATE TABLE a (id bigint);", checksum: "y" }] }),
    ).rejects.toThrow(/changed after it was applied/);
  });

  it("apply once when several appliers start at the same moment", async () => {
    const { engine } = await emptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-migrations-"));
    fs.mkdirSync(path.join(dir, "0001_counter"));
    // Not idempotent on purpose: a second application would fail on the duplicate table.
    fs.writeFileSync(
      path.join(dir, "0001_counter", "migration.sql"),
      "CREATE TABLE counter (id int); INSERT INTO counter VALUES (1);",
    );
    const migrations = readMigrations(dir);
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(engine, { migrations })));
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 1]);
    const rows = await engine.query<{ n: number }>("SELECT count(*)::int AS n FROM counter");
    expect(rows[0]!.n).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
