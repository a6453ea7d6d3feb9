import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import {
  announceWriteSql,
  coalesced,
  noteWrite,
  trackWrites,
  widerScope,
  writeScopeOf,
  type WriteScope,
} from "./write-epoch";
import { listenForWrites } from "./write-listener";
import { SnapshotReaders, type SnapshotReadersOptions } from "./pglite-snapshot-readers";

/**
 * A database engine: the embedded PGlite (default) or a PostgreSQL server. Both expose the
 * same small raw interface (used by the migration runner and bulk loaders) and a Prisma
 * driver adapter.
 */
export interface Engine {
  kind: "pglite" | "postgresql";
  /** Human-readable location without credentials. */
  describe: string;
  adapter: SqlDriverAdapterFactory;
  /** Runs `work` in one transaction; `exec` accepts several statements, `query` parameters. */
  transaction<T>(work: (tx: RawTx) => Promise<T>): Promise<T>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /**
   * Retires this process's shared reads when another instance on the same database writes
   * (PostgreSQL LISTEN/NOTIFY; the embedded database has one process). The server calls it once.
   */
  followOtherInstances(): void;
  close(): Promise<void>;
}

export interface RawTx {
  exec(sql: string): Promise<void>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export function createEngine(options: {
  databaseUrl?: string;
  dataDir: string;
  /** The pid of the process that holds the data directory for this one (`npm start` for its server). */
  lockHeldFor?: number;
  /** Embedded database: how soon a long write gives readers a snapshot (tests set 0), and a report of each. */
  snapshots?: Pick<SnapshotReadersOptions, "onSnapshot"> & { afterMs?: number };
}): Engine {
  return options.databaseUrl
    ? createPostgresEngine(options.databaseUrl)
    : createPGliteEngine(options.dataDir, options.lockHeldFor, options.snapshots);
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function createPostgresEngine(url: string): Engine {
  // One pool for Prisma and the raw transactions (ingestion, migrations, bulk loads), so a
  // process holds at most 10 connections. The adapter leaves a pool it was given to close().
  // No JIT for this app's queries. They are short index probes whose cost estimates can still
  // pass jit_above_cost (a lineage walk's UNION of arms, a count over 100,000 documents), and
  // then compiling takes 1-2 s of server CPU for a query that runs in 30 ms. Set per session
  // rather than as a startup option, which connection poolers such as PgBouncer refuse; the
  // pool awaits it before it hands the new client out.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    allowExitOnIdle: true,
    onConnect: async (client) => {
      await client.query("SET jit = off").catch(() => {});
    },
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on("error", () => {});
  const announceWrite = {
    everything: coalesced(() => pool.query(announceWriteSql("everything"))),
    monitoring: coalesced(() => pool.query(announceWriteSql("monitoring"))),
  };
  let stopListening: (() => Promise<void>) | null = null;
  return {
    kind: "postgresql",
    describe: redactUrl(url),
    adapter: trackWrites(new PrismaPg(pool), { announce: true }),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const scoped = withWriteScope({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
        const result = await work(scoped.tx);
        await client.query(announceWriteSql(scoped.wrote()));
        await client.query("COMMIT");
        noteWrite(scoped.wrote());
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async query(sql, params) {
      const rows = (await pool.query(sql, params)).rows;
      const scope = writeScopeOf(sql);
      if (scope) {
        noteWrite(scope);
        announceWrite[scope]();
      }
      return rows;
    },
    followOtherInstances() {
      stopListening ??= listenForWrites(url, noteWrite);
    },
    async close() {
      await stopListening?.();
      await pool.end();
    },
  };
}

/** A long write's transaction open this long gives other queries a snapshot (pglite-snapshot-readers.ts). */
const LONG_WRITE_SNAPSHOT_AFTER_MS = 300;

function createPGliteEngine(
  dataDir: string,
  lockHeldFor?: number,
  snapshots: { afterMs?: number; onSnapshot?: SnapshotReadersOptions["onSnapshot"] } = {},
): Engine {
  // "memory://" gives a throwaway in-memory database (tests); anything else is a directory.
  const inMemory = dataDir === "memory://";
  const dbDir = inMemory ? dataDir : path.join(dataDir, "pglite");
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = inMemory ? () => {} : acquireDataDirLock(dataDir, lockHeldFor);
  const extensions = { pg_trgm, fuzzystrmatch };
  const pglite = new SnapshotReaders(new PGlite(dbDir, { extensions }), {
    extensions,
    snapshotAfterMs: snapshots.afterMs ?? LONG_WRITE_SNAPSHOT_AFTER_MS,
    onSnapshot: snapshots.onSnapshot,
  });
  // The adapter uses query, exec and transaction, which SnapshotReaders has with PGlite's types.
  const factory = new PrismaPGlite(pglite as unknown as PGlite);
  mapPGliteErrors(factory);
  return {
    kind: "pglite",
    describe: inMemory ? "embedded PGlite in memory" : `embedded PGlite in ${dbDir}`,
    adapter: trackWrites(factory as unknown as SqlDriverAdapterFactory),
    async transaction(work) {
      let wrote: () => WriteScope = () => "everything";
      const result = await pglite.transaction((tx) => {
        const scoped = withWriteScope({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async (sql, params) => (await tx.query(sql, params)).rows as never,
        });
        wrote = scoped.wrote;
        return work(scoped.tx);
      });
      noteWrite(wrote());
      return result;
    },
    async query(sql, params) {
      const rows = (await pglite.query(sql, params)).rows as never;
      const scope = writeScopeOf(sql);
      if (scope) noteWrite(scope);
      return rows;
    },
    followOtherInstances() {},
    async close() {
      await pglite.primary.close();
      releaseLock();
    },
  };
}

/**
 * A raw transaction that notes what its statements may change: a script of several statements
 * (migrations) counts as anything; a transaction that ran no write is counted as anything too,
 * as before this was tracked.
 */
function withWriteScope(tx: RawTx): { tx: RawTx; wrote: () => WriteScope } {
  let scope: WriteScope | null = null;
  const note = (sql: string) => (scope = widerScope(scope, writeScopeOf(sql)));
  return {
    tx: {
      exec: (script) => {
        if (/;\s*\S/.test(script)) scope = "everything";
        else note(script);
        return tx.exec(script);
      },
      query: (sql, params) => {
        note(sql);
        return tx.query(sql, params);
      },
    },
    wrote: () => scope ?? "everything",
  };
}

/**
 * PGlite does not lock its data directory: a second process would open it silently and
 * writes would be lost. A pid file beside it refuses the second opener with a clear message.
 * `npm start` takes it before preparing the database and holds it for the server it starts
 * (`heldFor`), so no other process gets in between the server's start and its first request.
 * Returns the release; a lock this process (or the holder it runs for) already has is left to
 * that holder.
 */
export function acquireDataDirLock(dataDir: string, heldFor?: number): () => void {
  const lockFile = path.join(dataDir, "pglite.pid");
  fs.mkdirSync(dataDir, { recursive: true });
  let holder = 0;
  try {
    holder = Number(fs.readFileSync(lockFile, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (holder && isAlive(holder)) {
    if (holder === process.pid || holder === heldFor) return () => {};
    throw new Error(
      `The embedded database in ${dataDir} is in use by another Featureline process (pid ${holder}). ` +
        `Stop it first, or set DATABASE_URL to a PostgreSQL server to run several processes.`,
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const SQLSTATE_TO_KIND: Record<string, (e: PGliteDriverError) => object> = {
  "23505": (e) => ({ kind: "UniqueConstraintViolation", constraint: fieldsOf(e) }),
  "23502": (e) => ({ kind: "NullConstraintViolation", constraint: fieldsOf(e) }),
  "23503": (e) => ({
    kind: "ForeignKeyConstraintViolation",
    constraint: e.column ? { fields: [e.column] } : undefined,
  }),
  "40001": () => ({ kind: "TransactionWriteConflict" }),
};

interface PGliteDriverError {
  kind: string;
  code: string;
  message: string;
  detail?: string;
  column?: string;
}

function fieldsOf(e: PGliteDriverError) {
  const fields = e.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(", ");
  return fields ? { fields } : undefined;
}

/**
 * pglite-prisma-adapter passes database errors through unmapped, so Prisma would not raise
 * P2002 for a unique violation. Re-map the SQLSTATEs that the app relies on, as adapter-pg does.
 */
function mapPGliteErrors(factory: PrismaPGlite): void {
  const originalConnect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await originalConnect();
    const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as {
      onError(error: unknown): never;
      __featurelineMapped?: boolean;
    };
    if (!queryable.__featurelineMapped) {
      const originalOnError = queryable.onError;
      queryable.onError = function (error: unknown): never {
        try {
          originalOnError.call(this, error);
        } catch (thrown) {
          if (thrown instanceof DriverAdapterError) {
            const cause = thrown.cause as unknown as PGliteDriverError;
            const map = cause.kind === "postgres" ? SQLSTATE_TO_KIND[cause.code] : undefined;
            if (map) {
              throw new DriverAdapterError({
                originalCode: cause.code,
                originalMessage: cause.message,
                ...map(cause),
              } as never);
            }
          }
          throw thrown;
        }
        throw error;
      };
      queryable.__featurelineMapped = true;
    }
    return adapter;
  };
}
