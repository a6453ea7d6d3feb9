import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Counters that the writes of this process move on: each statement that is not a plain SELECT,
 * and each commit of a transaction that wrote. Shared reads (lib/cache/shared-read.ts) remember
 * the epoch they were loaded at and are not served after it moved, so a person sees their own
 * change at once, whichever route or job wrote it.
 *
 * Two counters, because platforms push monitoring data every few seconds: `any` moves on every
 * write, `registry` only on writes beyond ingestion's tables, so a read of the registry alone
 * (an object's definition, a lineage graph, comments) is not retired by a metrics push.
 */
const globalForEpoch = globalThis as typeof globalThis & {
  __featurelineWriteEpochs?: { any: number; registry: number };
};
const epochs = (globalForEpoch.__featurelineWriteEpochs ??= { any: 0, registry: 0 });

/** What a write may have changed: anything, or only what ingestion writes (MONITORING_TABLES). */
export type WriteScope = "everything" | "monitoring";

export function writeEpoch(): number {
  return epochs.any;
}

/** Moves on every write but those that only change ingestion's tables. */
export function registryWriteEpoch(): number {
  return epochs.registry;
}

export function noteWrite(scope: WriteScope = "everything"): void {
  epochs.any++;
  if (scope === "everything") epochs.registry++;
}

/** The wider of two scopes (a transaction's, as its statements run); null is no write. */
export function widerScope(a: WriteScope | null, b: WriteScope | null): WriteScope | null {
  return a === "everything" || b === "everything" ? "everything" : (a ?? b);
}

/**
 * The tables ingestion writes (lib/data/ingest: runs, serving metrics, profiles, and the
 * idempotency keys of its batches). No read of the registry alone shows them; health, freshness
 * and monitoring pages do, and those are retired by every write.
 */
const MONITORING_TABLES = new Set(["materialization_run", "serving_metric", "feature_profile", "idempotency_key"]);

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
 * What a statement may change, or null for nothing a page shows: a read or transaction control
 * (the commit of a transaction that wrote is counted by the transaction itself), or a write of
 * bookkeeping tables only. A WITH query writes only if one of its parts does: the lineage and
 * health reads are CTEs, and counting them retired the shared reads on every page.
 */
export function writeScopeOf(sql: string): WriteScope | null {
  const verb = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "";
  if (READ_OR_CONTROL.has(verb)) return null;
  const matched = [...sql.matchAll(WRITE_TARGET)].map((match) => match[1]!.toLowerCase());
  const targets = matched.filter((word) => !NOT_A_TABLE.has(word) && !BOOKKEEPING_TABLES.has(word));
  if (targets.length === 0) return matched.length > 0 || verb === "with" ? null : "everything";
  return targets.every((table) => MONITORING_TABLES.has(table)) ? "monitoring" : "everything";
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

/** The announcement of a write of this scope: a write of ingestion's tables alone says so. */
export function announceWriteSql(scope: WriteScope): string {
  return scope === "monitoring" ? `NOTIFY ${WRITES_CHANNEL}, 'monitoring'` : `NOTIFY ${WRITES_CHANNEL}`;
}

/** The scope another instance announced (write-listener.ts): anything but "monitoring" is everything. */
export function scopeOfAnnouncement(payload: string | undefined): WriteScope {
  return payload === "monitoring" ? "monitoring" : "everything";
}

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
    const announcer = (scope: WriteScope) =>
      options.announce
        ? coalesced(() => executeRaw({ sql: announceWriteSql(scope), args: [], argTypes: [] }))
        : () => {};
    const announce = { everything: announcer("everything"), monitoring: announcer("monitoring") };
    // Noted before (entries in use are retired at once) and after (a read that ran meanwhile
    // may hold what was there before the write).
    trackQueryable(adapter, noteWrite, (scope) => {
      noteWrite(scope);
      announce[scope]();
    });
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction: Transaction = await startTransaction(isolationLevel);
      let wrote: WriteScope | null = null;
      const transactionExecuteRaw = transaction.executeRaw.bind(transaction);
      trackQueryable(transaction, (scope) => {
        wrote = widerScope(wrote, scope);
        noteWrite(scope);
      });
      const commit = transaction.commit.bind(transaction);
      transaction.commit = async () => {
        const scope: WriteScope | null = wrote;
        if (scope && options.announce) {
          await transactionExecuteRaw({ sql: announceWriteSql(scope), args: [], argTypes: [] });
        }
        await commit();
        if (scope) noteWrite(scope);
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
  onWrite: (scope: WriteScope) => void,
  afterWrite?: (scope: WriteScope) => void,
) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  const tracked =
    <R>(run: (query: SqlQuery) => Promise<R>) =>
    async (query: SqlQuery): Promise<R> => {
      const scope = writeScopeOf(query.sql);
      if (!scope) return run(query);
      onWrite(scope);
      const result = await run(query);
      afterWrite?.(scope);
      return result;
    };
  queryable.queryRaw = tracked(queryRaw);
  queryable.executeRaw = tracked(executeRaw);
}
