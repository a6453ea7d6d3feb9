import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine } from "@/lib/db/engine";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";

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
