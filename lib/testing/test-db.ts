import { randomBytes } from "node:crypto";
import pg from "pg";
import { createEngine, type Engine } from "@/lib/db/engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";

/**
 * A fresh, migrated registry for one integration test file, on the engine the suite runs
 * against: in-memory PGlite by default, or a new database on the PostgreSQL server named by
 * DATABASE_URL when FEATURELINE_TEST_ENGINE=postgresql (scripts/with-postgres.ts sets both).
 */
export interface TestDatabase {
  engine: Engine;
  prisma: PrismaClient;
  kind: "pglite" | "postgresql";
  /** Connection URL of the fresh database (PostgreSQL only). */
  url?: string;
  cleanup(): Promise<void>;
}

export function testEngineKind(): "pglite" | "postgresql" {
  return process.env.FEATURELINE_TEST_ENGINE === "postgresql" ? "postgresql" : "pglite";
}

export async function createEmptyTestDatabase(): Promise<Omit<TestDatabase, "prisma">> {
  if (testEngineKind() === "pglite") {
    const engine = createEngine({ dataDir: "memory://" });
    return { engine, kind: "pglite", cleanup: () => engine.close() };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error("FEATURELINE_TEST_ENGINE=postgresql needs DATABASE_URL (use scripts/with-postgres.ts)");
  const name = `fl_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const engine = createEngine({ databaseUrl: url.toString(), dataDir: "unused" });
  return {
    engine,
    kind: "postgresql",
    url: url.toString(),
    async cleanup() {
      await engine.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase();
  await applyMigrations(empty.engine);
  const prisma = new PrismaClient({ adapter: empty.engine.adapter });
  return {
    ...empty,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      await empty.cleanup();
    },
  };
}
