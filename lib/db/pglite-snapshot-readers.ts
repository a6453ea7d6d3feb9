import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PGlite, type Extensions, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import { isInLongWrite, yieldToEventLoop } from "./long-write";
import { PresetParsers } from "./pglite-preset-parsers";

/*
 * The embedded database is one connection in this process: while a transaction is open, every
 * other query waits for it to end. A large apply or import is one transaction (all or nothing)
 * of 10-15 s at 5,000 views, so every page waited that long.
 *
 * PostgreSQL's readers do not wait for a writer: they see the last committed state until it
 * commits. This gives the embedded database the same behaviour for long writes (work run through
 * runAsLongWrite). Once such a transaction has been open for `snapshotAfterMs`, a copy of the
 * database is taken from inside it: its uncommitted rows are not in the copy (the copy starts as
 * after a crash, and an uncommitted transaction is rolled back), and nothing else can have
 * committed since it began, since it holds the one connection. Until the transaction's work ends,
 * other queries outside a transaction run on the copy, which is read-only: a statement that
 * writes is refused there (SQLSTATE 25006) and run on the database itself, where it waits as
 * before. Transactions of other work wait as before too. When the work ends, before its COMMIT,
 * queries go back to the database, and the copy is closed once its last query has finished.
 *
 * The copy costs time and memory in proportion to the database (for the demo catalog, ~300 MB
 * with its monitoring history, about 2 s with this thread busy; a fresh database, well under
 * 1 s), so short writes never take one. The long write's statements each wait for the event loop
 * first, so requests are served between them.
 */

export interface SnapshotReadersOptions {
  extensions: Extensions;
  /**
   * How long a long write's transaction is open before readers get a snapshot, at least: once one
   * has been taken, at least as long as that one took. A write that would end sooner costs its
   * readers less waiting than the copy would (the copy pauses the write while it is made).
   */
  snapshotAfterMs: number;
  /** Told when a snapshot is taken, with how long it took (tests and benchmarks). */
  onSnapshot?: (took: { ms: number }) => void;
}

/** A long write's open transaction, and the snapshot its readers use. */
interface OpenLongWrite {
  ended: boolean;
  /** Resolves with the snapshot, or null when there is none (the work ended first, or it failed). */
  snapshot: Promise<PGlite | null>;
  settle: (snapshot: PGlite | null) => void;
  /** While the snapshot is being taken: the write's statements wait for it, or it takes seconds. */
  taking: Promise<unknown> | null;
  ready: PGlite | null;
  readers: number;
}

const READ_ONLY_TRANSACTION = "25006";

/** Statements that may run on the snapshot: reads. Anything else goes to the database at once. */
const READ_VERB = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:select|with|show|explain|values|table)\b/i;

/**
 * The PGlite the Prisma adapter and the engine's raw queries use: the database itself, with
 * reads sent to a snapshot while a long write's transaction holds it.
 */
export class SnapshotReaders {
  private open: OpenLongWrite | null = null;
  private lastSnapshotMs = 0;
  private readonly onPrimary: PresetParsers;

  constructor(
    readonly primary: PGlite,
    private readonly options: SnapshotReadersOptions,
  ) {
    this.onPrimary = new PresetParsers(primary);
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const open = this.open;
    if (!open || isInLongWrite() || !READ_VERB.test(sql)) return this.onPrimary.query<T>(sql, params, options);
    const snapshot = open.ready ?? (await open.snapshot);
    if (!snapshot || open.ended) return this.onPrimary.query<T>(sql, params, options);
    open.readers++;
    try {
      return await snapshot.query<T>(sql, params, options);
    } catch (error) {
      if ((error as { code?: string }).code === READ_ONLY_TRANSACTION) {
        return this.onPrimary.query<T>(sql, params, options);
      }
      throw error;
    } finally {
      open.readers--;
      if (open.ended && open.readers === 0) void closeQuietly(snapshot);
    }
  }

  exec(sql: string, options?: QueryOptions) {
    return this.primary.exec(sql, options);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    if (!isInLongWrite()) return this.primary.transaction((tx) => work(this.onPrimary.inTransaction(tx)));
    return this.primary.transaction(async (tx) => {
      const open = this.begin(tx);
      try {
        return await work(this.pausingBeforeEachStatement(this.onPrimary.inTransaction(tx), open));
      } finally {
        this.end(open);
      }
    });
  }

  private begin(tx: Transaction): OpenLongWrite {
    let settle!: (snapshot: PGlite | null) => void;
    const snapshot = new Promise<PGlite | null>((resolve) => (settle = resolve));
    const open: OpenLongWrite = { ended: false, snapshot, settle, taking: null, ready: null, readers: 0 };
    const timer = setTimeout(
      () => {
        open.taking = this.takeSnapshot(tx).then(
          (taken) => {
            if (open.ended) return void closeQuietly(taken);
            open.ready = taken;
            settle(taken);
          },
          (error: unknown) => {
            console.error(`featureline: no snapshot for readers during a long write: ${String(error)}`);
            settle(null);
          },
        );
      },
      Math.max(this.options.snapshotAfterMs, this.lastSnapshotMs),
    );
    timer.unref();
    void snapshot.then(() => clearTimeout(timer));
    this.open = open;
    return open;
  }

  /** The work is done: queries go back to the database, before its COMMIT (or ROLLBACK). */
  private end(open: OpenLongWrite): void {
    open.ended = true;
    if (this.open === open) this.open = null;
    open.settle(null);
    if (open.ready && open.readers === 0) void closeQuietly(open.ready);
  }

  /**
   * The long write's own statements let the event loop run first, so requests go on between
   * them, and wait while the snapshot is taken.
   */
  private pausingBeforeEachStatement(tx: Transaction, open: OpenLongWrite): Transaction {
    const pause = async () => {
      await yieldToEventLoop();
      if (open.taking) await open.taking;
    };
    return Object.create(tx, {
      query: { value: async (...args: Parameters<Transaction["query"]>) => (await pause(), tx.query(...args)) },
      exec: { value: async (...args: Parameters<Transaction["exec"]>) => (await pause(), tx.exec(...args)) },
    }) as Transaction;
  }

  /** `tx` is the long write's own (the snapshot is taken between its statements). */
  private async takeSnapshot(tx: Transaction): Promise<PGlite> {
    const started = performance.now();
    const dataDir = this.primary.dataDir;
    const snapshot =
      dataDir && !dataDir.includes("://")
        ? await copyDataDirectory(dataDir, tx, this.options)
        : await this.dumpAndLoad();
    await snapshot.exec("SET default_transaction_read_only = on");
    this.lastSnapshotMs = performance.now() - started;
    this.options.onSnapshot?.({ ms: this.lastSnapshotMs });
    return snapshot;
  }

  /** An in-memory database: its files, as a tar, loaded into a new in-memory one. */
  private async dumpAndLoad(): Promise<PGlite> {
    const files = await this.primary.dumpDataDir("none");
    return PGlite.create({ loadDataDir: files, extensions: this.options.extensions });
  }
}

const execFileAsync = promisify(execFile);
const SNAPSHOT_DIRECTORY_SUFFIX = ".reader-snapshot";
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * A database on disk: its directory copied beside it, by another process rather than on the
 * event loop, and opened. Nothing runs on the database meanwhile (the long write's statements
 * wait for the snapshot, and everything else waits for the long write), so the files are as a
 * crash would leave them, which is what PostgreSQL recovers from. Of the WAL only the segments
 * from the last checkpoint's redo point to the current one are copied: the others are recycled
 * files for later use (for the demo catalog, half of the directory).
 */
async function copyDataDirectory(dataDir: string, tx: Transaction, options: SnapshotReadersOptions): Promise<PGlite> {
  const [wal] = (
    await tx.query<{ redo: string; current: string }>(
      "SELECT (pg_control_checkpoint()).redo_wal_file AS redo, pg_walfile_name(pg_current_wal_insert_lsn()) AS current",
    )
  ).rows;
  if (!wal) throw new Error("the WAL position could not be read");
  const copy = `${dataDir}${SNAPSHOT_DIRECTORY_SUFFIX}`;
  await fs.promises.rm(copy, { recursive: true, force: true });
  await fs.promises.mkdir(path.join(copy, "pg_wal"), { recursive: true });
  const wanted = (name: string) => !WAL_SEGMENT.test(name) || (name >= wal.redo && name <= wal.current);
  const walEntries = (await fs.promises.readdir(path.join(dataDir, "pg_wal"))).filter(wanted);
  const entries = (await fs.promises.readdir(dataDir)).filter((name) => name !== "pg_wal");
  await Promise.all([
    copyInto(
      entries.map((name) => path.join(dataDir, name)),
      copy,
    ),
    copyInto(
      walEntries.map((name) => path.join(dataDir, "pg_wal", name)),
      path.join(copy, "pg_wal"),
    ),
  ]);
  try {
    return await PGlite.create(copy, { extensions: options.extensions });
  } catch (error) {
    await fs.promises.rm(copy, { recursive: true, force: true });
    throw error;
  }
}

/** Copies files and directories into a directory: with `cp` where there is one (5x faster than fs.cp here). */
async function copyInto(sources: string[], directory: string): Promise<void> {
  if (sources.length === 0) return;
  if (process.platform === "win32") {
    await Promise.all(
      sources.map((source) => fs.promises.cp(source, path.join(directory, path.basename(source)), { recursive: true })),
    );
    return;
  }
  await execFileAsync("cp", ["-R", ...sources, directory]);
}

const discarded = new WeakSet<PGlite>();

/** Closes a snapshot (once, whoever finishes with it last) and removes its copy. */
async function closeQuietly(snapshot: PGlite): Promise<void> {
  if (discarded.has(snapshot)) return;
  discarded.add(snapshot);
  await snapshot.close().catch(() => {});
  const dataDir = snapshot.dataDir;
  if (dataDir?.endsWith(SNAPSHOT_DIRECTORY_SUFFIX)) await fs.promises.rm(dataDir, { recursive: true, force: true });
}
