import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Engine } from "@/lib/db/engine";

/**
 * Schema drift: does applying prisma/migrations give the database that prisma/schema.prisma
 * describes? `prisma migrate diff --from-url` cannot introspect PostgreSQL offline (the wasm schema
 * engine fails on `name` columns, docs/migrations.md), so the check builds the second database
 * itself: Prisma writes the SQL for schema.prisma from empty (that part works offline), both
 * databases are read from pg_catalog into comparable facts, and the facts are compared.
 */

/** One line per thing Prisma models: enums, tables, columns, indexes and constraints. */
export type CatalogFacts = Map<string, string>;

export interface DriftReport {
  /** In the migrated database only. */
  onlyInMigrations: string[];
  /** In the database schema.prisma describes only. */
  onlyInSchema: string[];
  /** In both, but different: "key: migrations=... schema=...". */
  different: string[];
  /** In the migrated database only, on purpose (SQL_ONLY): not drift. */
  sqlOnly: string[];
}

/**
 * Objects the migrations create by hand that Prisma cannot express, so schema.prisma leaves them
 * out on purpose. Anything else found only in the migrations is drift.
 */
export const SQL_ONLY: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /^(table|column|index|constraint) search_/,
    why: "catalog search: the facet counters table and the GIN, trigram and sort indexes of its documents (0002, 0011)",
  },
  {
    pattern: /^index promotion_review_one_approval_key$/,
    why: "a partial unique index (one approval per reviewer and revision)",
  },
  {
    pattern: /^constraint job\.job_state_check$/,
    why: "a CHECK on the job's state (0013_jobs)",
  },
  {
    pattern: /^index (feature_profile_training_idx|materialization_run_landed_idx)$/,
    why: "partial indexes of the evaluation tick: training baselines and landed runs' watermarks (0015)",
  },
];

const prismaBin = path.join(process.cwd(), "node_modules", ".bin", "prisma");

/** The SQL that creates, from an empty database, what `schemaPath` describes (offline). */
export async function sqlForSchema(schemaPath: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    prismaBin,
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaPath, "--script"],
    { maxBuffer: 32 * 1024 * 1024, env: { ...process.env, DATABASE_URL: "postgresql://unused@localhost/unused" } },
  );
  return stdout;
}

type Query = Engine["query"];

/** Reads the public schema's enums, tables, columns, indexes and constraints. */
export async function readCatalog(query: Query): Promise<CatalogFacts> {
  const facts: CatalogFacts = new Map();
  const enums = await query<{ name: string; labels: string }>(
    `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  for (const row of enums) facts.set(`enum ${row.name}`, row.labels);

  const tables = await query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_featureline_migrations'`,
  );
  for (const row of tables) facts.set(`table ${row.name}`, "");

  const columns = await query<{ tbl: string; col: string; type: string; not_null: boolean; dflt: string | null }>(
    `SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS dflt
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_featureline_migrations'`,
  );
  for (const row of columns) {
    // Prisma writes an empty list default as ARRAY[]::text[] and never marks a list NOT NULL (its
    // lists are never null in the client), where the hand-written SQL says '{}' and NOT NULL.
    const isList = row.type.endsWith("[]");
    const dflt = row.dflt?.replace(/^ARRAY\[\]::(.+)$/, "'{}'::$1");
    const notNull = row.not_null && !isList ? " NOT NULL" : "";
    facts.set(`column ${row.tbl}.${row.col}`, `${row.type}${notNull}${dflt ? ` DEFAULT ${dflt}` : ""}`);
  }

  const indexes = await query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_featureline_migrations'`,
  );
  for (const row of indexes) facts.set(`index ${row.name}`, row.def.replace(/ public\./g, " "));

  const constraints = await query<{ tbl: string; name: string; def: string }>(
    `SELECT t.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND k.contype IN ('p', 'f', 'u', 'c') AND t.relname <> '_featureline_migrations'`,
  );
  for (const row of constraints) facts.set(`constraint ${row.tbl}.${row.name}`, row.def.replace(/ public\./g, " "));
  return facts;
}

/** The differences between the migrated database and the one schema.prisma describes. */
export function compareCatalogs(
  fromMigrations: CatalogFacts,
  fromSchema: CatalogFacts,
  sqlOnly = SQL_ONLY,
): DriftReport {
  const report: DriftReport = { onlyInMigrations: [], onlyInSchema: [], different: [], sqlOnly: [] };
  for (const [key, value] of fromMigrations) {
    if (!fromSchema.has(key)) {
      if (sqlOnly.some(({ pattern }) => pattern.test(key))) report.sqlOnly.push(key);
      else report.onlyInMigrations.push(`${key}: ${value}`);
    } else if (fromSchema.get(key) !== value) {
      report.different.push(`${key}: migrations=${value} schema=${fromSchema.get(key)}`);
    }
  }
  for (const [key, value] of fromSchema) if (!fromMigrations.has(key)) report.onlyInSchema.push(`${key}: ${value}`);
  for (const list of Object.values(report)) list.sort();
  return report;
}

export function isClean(report: DriftReport): boolean {
  return report.onlyInMigrations.length + report.onlyInSchema.length + report.different.length === 0;
}
