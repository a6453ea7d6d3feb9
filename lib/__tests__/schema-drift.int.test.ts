import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/migrate";
import {
  compareCatalogs,
  isClean,
  readCatalog,
  SQL_ONLY,
  sqlForSchema,
  type CatalogFacts,
  type DriftReport,
} from "@/lib/testing/schema-drift";
import { createEmptyTestDatabase, testEngineKind } from "@/lib/testing/test-db";

/**
 * The migrations and prisma/schema.prisma describe one database. Both are built from empty on
 * the suite's engine (the throwaway PostgreSQL 15 under scripts/with-postgres.ts) and compared.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function catalogAfter(
  build: (engine: Awaited<ReturnType<typeof createEmptyTestDatabase>>["engine"]) => Promise<unknown>,
) {
  const database = await createEmptyTestDatabase();
  cleanups.push(database.cleanup);
  await build(database.engine);
  return readCatalog(database.engine.query.bind(database.engine));
}

const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
/** schema.prisma with one deliberate difference: a column the migrations never add. */
function schemaWithExtraColumn(): string {
  const text = fs.readFileSync(schemaPath, "utf8");
  const changed = text.replace(/(model Team \{\n)/, '$1  driftProbe String @default("x") @map("drift_probe")\n');
  expect(changed).not.toBe(text);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "featureline-drift-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "schema.prisma");
  fs.writeFileSync(file, changed);
  return file;
}

const summary = (report: DriftReport) => JSON.stringify(report, null, 2);

describe(`schema drift on ${testEngineKind()}`, () => {
  let migrated: CatalogFacts;
  let described: CatalogFacts;
  let probeSql: string;

  beforeAll(async () => {
    // Prisma's CLI takes a few seconds per run: both schemas at once.
    const [schemaSql, extraSql] = await Promise.all([sqlForSchema(schemaPath), sqlForSchema(schemaWithExtraColumn())]);
    probeSql = extraSql;
    migrated = await catalogAfter((engine) => applyMigrations(engine));
    described = await catalogAfter((engine) => engine.transaction((tx) => tx.exec(schemaSql)));
  }, 240_000);

  it("the migrations build exactly the database schema.prisma describes", () => {
    const report = compareCatalogs(migrated, described);
    expect(isClean(report), summary(report)).toBe(true);
    expect(migrated.size).toBeGreaterThan(500);
  });

  it("every allowance for hand-written SQL still matches something, so none outlives its object", () => {
    const { sqlOnly } = compareCatalogs(migrated, described);
    for (const { pattern, why } of SQL_ONLY)
      expect(
        sqlOnly.some((key) => pattern.test(key)),
        why,
      ).toBe(true);
  });

  it("a column in schema.prisma that no migration adds is reported", async () => {
    const withProbe = await catalogAfter((engine) => engine.transaction((tx) => tx.exec(probeSql)));
    const report = compareCatalogs(migrated, withProbe);
    expect(isClean(report)).toBe(false);
    expect(report).toMatchObject({
      onlyInMigrations: [],
      onlyInSchema: ["column team.drift_probe: text NOT NULL DEFAULT 'x'::text"],
      different: [],
    });
  }, 120_000);

  it("a migration that changes a column schema.prisma describes is reported", async () => {
    const extra = {
      name: "9999_drift_probe",
      sql: `ALTER TABLE "team" ALTER COLUMN "name" DROP NOT NULL; ALTER TABLE "team" ADD COLUMN "stray" integer;`,
      checksum: "probe",
    };
    const drifted = await catalogAfter((engine) =>
      applyMigrations(engine, { migrations: [...readMigrations(), extra] }),
    );
    const report = compareCatalogs(drifted, described);
    expect(isClean(report)).toBe(false);
    expect(report.onlyInMigrations).toEqual(["column team.stray: integer"]);
    expect(report.onlyInSchema).toEqual([]);
    expect(report.different).toEqual(["column team.name: migrations=text schema=text NOT NULL"]);
  }, 120_000);
});
