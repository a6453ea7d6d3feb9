import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * A counter that every write of this process moves on: each statement that is not a plain
 * SELECT, and each commit of a transaction that wrote. Shared reads (lib/cache/shared-read.ts)
 * remember the epoch they were loaded at and are not served after it moved, so a person sees
 * their own change at once, whichever route or job wrote it.
 */
const globalForEpoch = globalThis as typeof globalThis & { __featurelineWriteEpoch?: { value: number } };
const epoch = (globalForEpoch.__featurelineWriteEpoch ??= { value: 0 });

export function writeEpoch(): number {
  return epoch.value;
}

export function noteWrite(): void {
  epoch.value++;
}

/**
 * Tables that only the app's own machinery writes on a timer (scheduler ticks, job claims and
 * heartbeats, delivery attempts, sign-in throttling, Feast sync claims) and that no shared read
 * shows. Their writes run every few seconds on every instance; counting them would retire every
 * shared entry that often, so under load the pages would recompute what nothing changed. (A
 * sync that changes the registry writes registry tables, which count.)
 */
const BOOKKEEPING_TABLES = new Set([
  "scheduled_task",
  "job",
  "notification_delivery",
  "login_throttle",
  "feast_registry_connection",
]);

/**
 * True for a statement that may change data a page shows: anything but a read or transaction
 * control (the commit of a transaction that wrote is counted by the transaction itself), unless
 * every table it writes is bookkeeping. A WITH query writes only if one of its parts does: the
 * lineage and health reads are CTEs, and counting them retired the shared reads on every page.
 */
export function isWriteStatement(sql: string): boolean {
  const verb = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "";
  if (READ_OR_CONTROL.has(verb)) return false;
  const targets = [...sql.matchAll(WRITE_TARGET)]
    .map((match) => match[1]!.toLowerCase())
    .filter((word) => !NOT_A_TABLE.has(word));
  if (targets.length === 0) return verb !== "with";
  return targets.some((table) => !BOOKKEEPING_TABLES.has(table));
}

const READ_OR_CONTROL = new Set([
  "select",
  "show",
  "explain",
  "begin",
  "start",
  "commit",
  "rollback",
  "savepoint",
  "release",
  "set",
  "listen",
  "notify",
]);

/** The table of an INSERT INTO / UPDATE / DELETE FROM, schema and quotes optional. */
const WRITE_TARGET = /\b(?:insert\s+into|update|delete\s+from)\s+(?:"?\w+"?\.)?"?(\w+)"?/gi;
/** What follows UPDATE in `ON CONFLICT DO UPDATE SET` and `FOR UPDATE OF t` / `SKIP LOCKED`. */
const NOT_A_TABLE = new Set(["set", "of", "skip", "nowait"]);

/**
 * The PostgreSQL channel on which instances sharing one database tell each other they wrote
 * (lib/db/write-listener.ts listens). A NOTIFY sent inside a transaction is delivered when it
 * commits and never if it rolls back, so other instances retire their shared reads exactly when
 * the change becomes visible to them.
 */
export const WRITES_CHANNEL = "featureline_writes";
export const ANNOUNCE_WRITE_SQL = `NOTIFY ${WRITES_CHANNEL}`;

/**
 * Wraps a Prisma driver adapter factory so the writes it runs move the epoch; with `announce`
 * (PostgreSQL) they are also announced to other instances.
 */
export function trackWrites(
  factory: SqlDriverAdapterFactory,
  options: { announce?: boolean } = {},
): SqlDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    const announce = options.announce
      ? coalesced(() => executeRaw({ sql: ANNOUNCE_WRITE_SQL, args: [], argTypes: [] }))
      : () => {};
    // Noted before (entries in use are retired at once) and after (a read that ran meanwhile
    // may hold what was there before the write).
    trackQueryable(adapter, noteWrite, () => {
      noteWrite();
      announce();
    });
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction: Transaction = await startTransaction(isolationLevel);
      let wrote = false;
      const transactionExecuteRaw = transaction.executeRaw.bind(transaction);
      trackQueryable(transaction, () => {
        wrote = true;
        noteWrite();
      });
      const commit = transaction.commit.bind(transaction);
      transaction.commit = async () => {
        if (wrote && options.announce) {
          await transactionExecuteRaw({ sql: ANNOUNCE_WRITE_SQL, args: [], argTypes: [] });
        }
        await commit();
        if (wrote) noteWrite();
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}

/**
 * Runs `send` after a write committed on its own, at most once at a time: writes that land while
 * one announcement is in flight share the next. A failed announcement is not retried (other
 * instances' entries still expire with their time to live).
 */
export function coalesced(send: () => Promise<unknown>): () => void {
  let inFlight = false;
  let again = false;
  const run = () => {
    inFlight = true;
    again = false;
    send()
      .catch(() => {})
      .finally(() => {
        inFlight = false;
        if (again) run();
      });
  };
  return () => {
    if (inFlight) again = true;
    else run();
  };
}

function trackQueryable(
  queryable: Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">,
  onWrite: () => void,
  afterWrite?: () => void,
) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  const tracked =
    <R>(run: (query: SqlQuery) => Promise<R>) =>
    async (query: SqlQuery): Promise<R> => {
      if (!isWriteStatement(query.sql)) return run(query);
      onWrite();
      const result = await run(query);
      afterWrite?.();
      return result;
    };
  queryable.queryRaw = tracked(queryRaw);
  queryable.executeRaw = tracked(executeRaw);
}
