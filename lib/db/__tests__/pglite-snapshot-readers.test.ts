import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEngine, type Engine } from "@/lib/db/engine";
import { runAsLongWrite } from "@/lib/db/long-write";
import { SnapshotReaders } from "@/lib/db/pglite-snapshot-readers";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";

/*
 * The embedded database's one connection: while a long write's transaction is open, other reads
 * are answered from a snapshot of the last committed state, and writes still wait for it.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles with the promise's value, or "still waiting" if it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "still waiting"> {
  return Promise.race([promise, sleep(ms).then(() => "still waiting" as const)]);
}

let gates: Array<() => void> = [];
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  // A failed assertion leaves its gate shut: open it, or closing waits for the held transaction.
  for (const open of gates) open();
  for (const cleanup of cleanups.reverse()) await cleanup();
  gates = [];
  cleanups = [];
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  gates.push(open);
  return { open, opened };
}

async function readersOverTable(snapshotAfterMs = 0, dataDir?: string) {
  const primary = await PGlite.create(dataDir);
  const snapshots: number[] = [];
  const readers = new SnapshotReaders(primary, {
    extensions: {},
    snapshotAfterMs,
    onSnapshot: ({ ms }) => snapshots.push(ms),
  });
  cleanups.push(() => primary.close());
  await primary.exec(`
    CREATE TABLE item (n INT NOT NULL);
    INSERT INTO item VALUES (1);
    CREATE FUNCTION add_item(v INT) RETURNS INT LANGUAGE sql AS 'INSERT INTO item VALUES (v) RETURNING v';`);
  const count = async () => (await readers.query<{ n: number }>("SELECT count(*)::int AS n FROM item")).rows[0]!.n;
  return { readers, primary, snapshots, count };
}

/** Starts a long write that inserts a row and holds its transaction until the gate opens. */
function holdLongWrite(readers: SnapshotReaders, until: Promise<void>, options: { fail?: boolean } = {}) {
  let wrote!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const done = runAsLongWrite(() =>
    readers.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (2)");
      wrote();
      await until;
      if (options.fail) throw new Error("the write failed half-way");
    }),
  );
  return { written, done };
}

describe("readers during a long write on the embedded database", { timeout: 60_000 }, () => {
  it("read the last committed state at once while the write's transaction is open, and its rows once it commits", async () => {
    const { readers, count, snapshots } = await readersOverTable();
    const release = gate();
    const write = holdLongWrite(readers, release.opened);
    await write.written;

    expect(await within(count(), 10_000)).toBe(1);
    expect(snapshots).toHaveLength(1);

    release.open();
    await write.done;
    expect(await count()).toBe(2);
  });

  it("let a write from elsewhere wait for the long write and land after it, not on the snapshot", async () => {
    const { readers, count } = await readersOverTable();
    const release = gate();
    const write = holdLongWrite(readers, release.opened);
    await write.written;
    expect(await within(count(), 10_000)).toBe(1);

    const insert = readers.query("INSERT INTO item VALUES (3)");
    // A SELECT that writes through a function is refused by the read-only snapshot and run on the database.
    const insertThroughFunction = readers.query("SELECT add_item(4)");
    expect(await within(insert, 300)).toBe("still waiting");
    expect(await within(insertThroughFunction, 10)).toBe("still waiting");

    release.open();
    await Promise.all([write.done, insert, insertThroughFunction]);
    const rows = await readers.query<{ n: number }>("SELECT n FROM item ORDER BY n");
    expect(rows.rows.map((row) => row.n)).toEqual([1, 2, 3, 4]);
  });

  it("leave the database as it was when the long write fails half-way", async () => {
    const { readers, count } = await readersOverTable();
    const release = gate();
    const write = holdLongWrite(readers, release.opened, { fail: true });
    await write.written;
    expect(await within(count(), 10_000)).toBe(1);

    release.open();
    await expect(write.done).rejects.toThrow("the write failed half-way");
    expect(await count()).toBe(1);
  });

  it("copy a database on disk with the WAL it needs, and remove the copy when the write ends", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-snapshot-readers-"));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const { readers, count, snapshots } = await readersOverTable(0, path.join(dataDir, "pglite"));
    // Committed since the last checkpoint: over 16 MB of WAL, so the copy needs more than one segment.
    await readers.query("INSERT INTO item SELECT g FROM generate_series(2, 400001) AS g");
    const release = gate();
    const write = holdLongWrite(readers, release.opened);
    await write.written;

    expect(await within(count(), 20_000)).toBe(400_001);
    expect(snapshots).toHaveLength(1);
    const copy = path.join(dataDir, "pglite.reader-snapshot");
    expect(fs.existsSync(copy)).toBe(true);

    release.open();
    await write.done;
    expect(await count()).toBe(400_002);
    await vi.waitFor(() => expect(fs.existsSync(copy)).toBe(false));
  });

  it("take no snapshot for a write that ends before the threshold, and none for other transactions", async () => {
    const { readers, count, snapshots } = await readersOverTable(5_000);
    await runAsLongWrite(() => readers.transaction((tx) => tx.query("INSERT INTO item VALUES (2)")));

    const release = gate();
    const other = readers.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (3)");
      await release.opened;
    });
    // An ordinary transaction holds the connection as before: readers wait for it.
    expect(await within(count(), 300)).toBe("still waiting");
    release.open();
    await other;
    expect(await count()).toBe(3);
    expect(snapshots).toEqual([]);
  });

  it("answer Prisma's reads from the snapshot during a long Prisma transaction", async () => {
    const engine: Engine = createEngine({ dataDir: "memory://", snapshots: { afterMs: 0 } });
    const prisma = new PrismaClient({ adapter: engine.adapter });
    cleanups.push(async () => {
      await prisma.$disconnect();
      await engine.close();
    });
    await applyMigrations(engine);
    await prisma.workspace.create({ data: { slug: "before", name: "Before" } });

    const release = gate();
    let created!: () => void;
    const inserted = new Promise<void>((resolve) => (created = resolve));
    const apply = runAsLongWrite(() =>
      prisma.$transaction(
        async (tx) => {
          await tx.workspace.create({ data: { slug: "during", name: "During" } });
          created();
          await release.opened;
        },
        { timeout: 60_000 },
      ),
    );
    await inserted;

    const slugs = () => prisma.workspace.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    expect(await within(slugs(), 10_000)).toEqual([{ slug: "before" }]);

    release.open();
    await apply;
    expect(await slugs()).toEqual([{ slug: "before" }, { slug: "during" }]);
  });
});
