import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The layering rule of the house: every lib module that reaches the database says
 * `import "server-only"`, so a client bundle that pulls it in fails the build. ESLint
 * (eslint.config.mjs) keeps app/ and components/ away from Prisma; this covers lib/.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

// Run by scripts under plain Node (migrations, demo loading, tests), where "server-only" throws.
const RUN_BY_SCRIPTS = new Set([
  "lib/db/engine.ts",
  "lib/db/describe-error.ts",
  "lib/migrate.ts",
  "lib/demo/load.ts",
  "lib/demo/monitoring-inserts.ts",
  "lib/demo/rules-and-alerts.ts",
  "lib/demo/write-definitions.ts",
  "lib/demo/write-objects.ts",
  "lib/monitoring/rollups.ts",
  "lib/testing/test-db.ts",
]);

const DATABASE_IMPORT = /from "@\/lib\/db(\/engine)?"|from "@\/lib\/generated\/prisma\/client"/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["generated", "__tests__"].includes(entry.name) ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("layering", () => {
  it("marks every lib module that touches the database server-only", () => {
    const touching = sourceFiles("lib").filter((file) =>
      DATABASE_IMPORT.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(touching.length).toBeGreaterThan(10);
    const unmarked = touching.filter(
      (file) =>
        !RUN_BY_SCRIPTS.has(file) && !/^import "server-only";$/m.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(unmarked).toEqual([]);
  });
});
