import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { acquireDataDirLock, createEngine } from "@/lib/db/engine";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";
import { createTestDatabase } from "@/lib/testing/test-db";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-engine-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// A file-backed PGlite initialises its data directory on first open: give it time on a busy machine.
describe("embedded PGlite engine", { timeout: 120_000 }, () => {
  it("keeps data across a restart", async () => {
    const first = createEngine({ dataDir });
    await applyMigrations(first);
    const prisma = new PrismaClient({ adapter: first.adapter });
    await prisma.workspace.create({ data: { slug: "persisted", name: "Persisted" } });
    await prisma.$disconnect();
    await first.close();

    const second = createEngine({ dataDir });
    const reopened = new PrismaClient({ adapter: second.adapter });
    expect(await reopened.workspace.findUnique({ where: { slug: "persisted" } })).toMatchObject({ name: "Persisted" });
    expect((await applyMigrations(second)).applied).toEqual([]);
    await reopened.$disconnect();
    await second.close();
  });

  it("refuses a second process on the same data directory with a clear message", async () => {
    const engine = createEngine({ dataDir });
    // Pretend another live process (our parent) holds the directory.
    fs.writeFileSync(path.join(dataDir, "pglite.pid"), String(process.ppid));
    expect(() => createEngine({ dataDir })).toThrow(/in use by another Featureline process \(pid \d+\)/);
    fs.writeFileSync(path.join(dataDir, "pglite.pid"), String(process.pid));
    await engine.close();
    expect(fs.existsSync(path.join(dataDir, "pglite.pid"))).toBe(false);
  });

  it("keeps the directory locked from `npm start`'s preparation until its server has opened it", async () => {
    const heldDir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-engine-held-"));
    const lockFile = path.join(heldDir, "pglite.pid");
    // As scripts/start.ts: lock, prepare (open and close the database), then spawn the server.
    const release = acquireDataDirLock(heldDir);
    const preparing = createEngine({ dataDir: heldDir });
    await preparing.close();
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));

    // Between the server's start and its first request, another process is still refused...
    const opener = (env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "-e",
          `import("@/lib/db/engine").then(async ({ createEngine }) => { await createEngine({ dataDir: ${JSON.stringify(heldDir)}, lockHeldFor: Number(process.env.HOLDER) || undefined }).close(); console.log("opened"); })`,
        ],
        { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 },
      );
    const intruder = opener({});
    expect(intruder.stdout).not.toContain("opened");
    expect(intruder.stderr).toMatch(/in use by another Featureline process \(pid \d+\)/);
    // ...while the server it was held for opens it, leaving the lock to its holder.
    const server = opener({ HOLDER: String(process.pid) });
    expect(server.stdout).toContain("opened");
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));

    release();
    expect(fs.existsSync(lockFile)).toBe(false);
    fs.rmSync(heldDir, { recursive: true, force: true });
  });

  it("maps a unique violation to Prisma's P2002, as on PostgreSQL", async () => {
    const engine = createEngine({ dataDir: "memory://" });
    await applyMigrations(engine);
    const prisma = new PrismaClient({ adapter: engine.adapter });
    await prisma.workspace.create({ data: { slug: "dup", name: "A" } });
    await expect(prisma.workspace.create({ data: { slug: "dup", name: "B" } })).rejects.toMatchObject({
      code: "P2002",
    });
    await prisma.$disconnect();
    await engine.close();
  });
});

describe("database errors", () => {
  it("become one line naming the problem", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(describeDatabaseError(refused, "postgresql://app:secret@127.0.0.1:1/registry")).toBe(
      "cannot reach PostgreSQL at postgresql://app:***@127.0.0.1:1/registry: connection refused (is the server running and the port right?)",
    );
    const missing = Object.assign(new Error('database "nope" does not exist'), { code: "3D000" });
    expect(describeDatabaseError(missing, "postgresql://x@h/nope")).toMatch(/does not exist \(create it first/);
  });
});

describe("queries on the suite's engine", () => {
  it("are never JIT-compiled: compiling a short query costs more than running it", async () => {
    const database = await createTestDatabase();
    try {
      // Several connections of the pool, so every session is checked, not only the first.
      const sessions = await Promise.all(
        Array.from(
          { length: 4 },
          () =>
            database.prisma.$queryRaw<
              { off: boolean }[]
            >`SELECT current_setting('jit') = 'off' OR NOT pg_jit_available() AS off`,
        ),
      );
      expect(sessions.map(([row]) => row?.off)).toEqual([true, true, true, true]);
    } finally {
      await database.cleanup();
    }
  });
});
