import { describe, expect, it } from "vitest";
import { noteWrite, writeScopeOf } from "@/lib/db/write-epoch";
import { forgetSharedReads, PAGE_READ_TTL_MS, REGISTRY_READ_TTL_MS, sharedRead } from "../shared-read";

let clock = 0;
const now = () => clock;

describe("sharedRead", () => {
  it("runs one load for concurrent and repeated reads within the time to live", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const options = { ttlMs: 1000, now };
    const [a, b] = await Promise.all([sharedRead("k1", options, load), sharedRead("k1", options, load)]);
    clock += 999;
    const c = await sharedRead("k1", options, load);
    expect([a, b, c, loads]).toEqual([1, 1, 1, 1]);
    clock += 1;
    expect(await sharedRead("k1", options, load)).toBe(2);
  });

  it("loads again after a write of this process", async () => {
    let loads = 0;
    const options = { ttlMs: 60_000, now };
    await sharedRead("k2", options, async () => ++loads);
    expect(await sharedRead("k2", options, async () => ++loads)).toBe(1);
    noteWrite();
    expect(await sharedRead("k2", options, async () => ++loads)).toBe(2);
  });

  it("keeps a read of the registry alone through a write of monitoring data only", async () => {
    let registryLoads = 0;
    let pageLoads = 0;
    const registry = { ttlMs: REGISTRY_READ_TTL_MS, now };
    const page = { ttlMs: PAGE_READ_TTL_MS, now };
    await sharedRead("registry", registry, async () => ++registryLoads);
    await sharedRead("page", page, async () => ++pageLoads);
    noteWrite("monitoring");
    expect(await sharedRead("registry", registry, async () => ++registryLoads)).toBe(1);
    expect(await sharedRead("page", page, async () => ++pageLoads)).toBe(2);
    noteWrite();
    expect(await sharedRead("registry", registry, async () => ++registryLoads)).toBe(2);
    expect(await sharedRead("page", page, async () => ++pageLoads)).toBe(3);
  });

  it("forgets the entries under a prefix, and only those", async () => {
    const options = { ttlMs: 1000, now };
    let loads = 0;
    await sharedRead("ws1|a", options, async () => ++loads);
    await sharedRead("ws2|a", options, async () => ++loads);
    forgetSharedReads("ws1|");
    expect(await sharedRead("ws1|a", options, async () => ++loads)).toBe(3);
    expect(await sharedRead("ws2|a", options, async () => ++loads)).toBe(2);
  });

  it("does not keep a failed load", async () => {
    const options = { ttlMs: 60_000, now };
    await expect(sharedRead("k3", options, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await sharedRead("k3", options, async () => "up")).toBe("up");
  });
});

/** Each statement's answer, with the statement in the failure message. */
function expectClassified(statements: string[], isWrite: boolean) {
  for (const sql of statements) expect(writeScopeOf(sql) !== null, sql).toBe(isWrite);
}

describe("writeScopeOf: whether a statement writes", () => {
  it("counts data changes, not reads or transaction control", () => {
    expectClassified(
      [
        "SELECT 1",
        " select * from t",
        "/* c */ SELECT 1",
        "BEGIN",
        "COMMIT",
        "SET LOCAL jit = off",
        "WITH wanted AS (SELECT id FROM feature) SELECT * FROM wanted",
        "SELECT id FROM job FOR UPDATE SKIP LOCKED",
      ],
      false,
    );
    expectClassified(
      ["INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t", "WITH x AS (DELETE FROM t) SELECT 1"],
      true,
    );
  });

  it("does not count the timers' bookkeeping, which would retire every shared read every 2 s", () => {
    expectClassified(
      [
        'UPDATE "public"."scheduled_task" SET lease_until = NULL WHERE name = $1',
        "WITH next AS (SELECT id FROM job WHERE status = 'queued' FOR UPDATE OF job SKIP LOCKED) UPDATE job SET status = 'running' FROM next",
        "INSERT INTO login_throttle (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1",
        'update "notification_delivery" set attempts = attempts + 1',
        "UPDATE feast_registry_connection SET claimed_until = $1, next_sync_at = $2 WHERE enabled RETURNING id",
      ],
      false,
    );
    expectClassified(
      [
        "WITH done AS (UPDATE job SET status = 'done') INSERT INTO audit_log (id) VALUES ($1)",
        'INSERT INTO "public"."feature" (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
      ],
      true,
    );
  });
});

describe("writeScopeOf", () => {
  it("tells writes of ingestion's tables alone from writes that may change the registry", () => {
    const scopes = (statements: string[]) => statements.map((sql) => writeScopeOf(sql));
    expect(
      scopes([
        "INSERT INTO serving_metric (id) SELECT * FROM unnest($1::text[]) ON CONFLICT (key) DO UPDATE SET n = 1",
        "INSERT INTO materialization_run (id) VALUES ($1)",
        'UPDATE "feature_profile" SET x = 1',
        "DELETE FROM idempotency_key WHERE created_at < $1",
      ]),
    ).toEqual(["monitoring", "monitoring", "monitoring", "monitoring"]);
    expect(
      scopes([
        "WITH moved AS (UPDATE serving_metric SET n = 1 RETURNING id) INSERT INTO feature (id) SELECT id FROM moved",
        'INSERT INTO "feature_view" (id) VALUES ($1)',
        "CREATE TABLE t (n int)",
      ]),
    ).toEqual(["everything", "everything", "everything"]);
    expect(scopes(["SELECT * FROM serving_metric", "UPDATE job SET phase = 'x'"])).toEqual([null, null]);
  });
});
