import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Engine } from "@/lib/db/engine";

/**
 * Applies prisma/migrations/NNNN_name/migration.sql in order, once each. All pending migrations
 * run in one transaction under a PostgreSQL advisory lock, so two starting processes cannot
 * both apply them and a failing migration leaves nothing half-applied.
 */
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Arbitrary constant shared by every Featureline process: "FLMIGRAT".
const MIGRATION_LOCK_KEY = 4_627_089_315_529_801n;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function applyMigrations(
  engine: Engine,
  options: { migrations?: Migration[]; log?: (line: string) => void } = {},
): Promise<{ applied: string[]; total: number }> {
  const migrations = options.migrations ?? readMigrations();
  const applied = await engine.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS _featureline_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (await tx.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _featureline_migrations")).map(
        (row) => [row.name, row.checksum],
      ),
    );
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      options.log?.(`applying migration ${migration.name}`);
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO _featureline_migrations (name, checksum) VALUES ($1, $2)", [
        migration.name,
        migration.checksum,
      ]);
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  });
  return { applied, total: migrations.length };
}

export async function countAppliedMigrations(engine: Engine): Promise<number> {
  try {
    const rows = await engine.query<{ n: number }>("SELECT count(*)::int AS n FROM _featureline_migrations");
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  }
}
