/**
 * `npm run seed:scale -- --features 100000 [--workspace scale] [--data-dir DIR] [--seed S]`: fills
 * a registry with a realistic large catalog for benchmarks: 10 features per feature view, 500
 * feature services, 300 models, tags and owners from realistic vocabularies, versions active in
 * dev / staging / prod. The same seed and feature count give the same catalog (ids and dates
 * aside). Every existing user becomes a member of the new workspace (viewer, or their best role
 * elsewhere) so the UI can show it.
 *
 * The work is split by job under scripts/seed-scale/: vocabulary.ts (word lists), generate.ts
 * (the pure, seeded catalog), load.ts + write-*.ts (bulk `INSERT ... SELECT FROM unnest(...)` in
 * one transaction, search table rebuilt once at the end).
 */
import { parseArgs } from "node:util";
import { generateScaleCatalog } from "./seed-scale/generate";
import { loadScaleCatalog } from "./seed-scale/load";

const { values } = parseArgs({
  options: {
    features: { type: "string", default: "100000" },
    workspace: { type: "string", default: "scale" },
    "data-dir": { type: "string" },
    seed: { type: "string", default: "42" },
  },
});
// lib/env reads process.env lazily, so the data directory can be chosen before first use.
if (values["data-dir"]) process.env.FEATURELINE_DATA_DIR = values["data-dir"];
const { closeDb, dbEngine } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/migrate");

const featureCount = Number(values.features);
if (!Number.isInteger(featureCount) || featureCount < 10 || featureCount > 2_000_000) {
  console.error("--features must be a whole number between 10 and 2,000,000");
  process.exit(2);
}
const slug = values.workspace!;

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);

const engine = dbEngine();
log(`database: ${engine.describe}`);
await applyMigrations(engine, { log });
const existing = await engine.query<{ id: string }>("SELECT id FROM workspace WHERE slug = $1", [slug]);
if (existing.length > 0) {
  console.error(`Workspace "${slug}" already exists; choose another with --workspace.`);
  await closeDb();
  process.exit(1);
}

const catalog = generateScaleCatalog({
  slug,
  features: featureCount,
  seed: Number(values.seed),
  now: new Date(),
  runId: Date.now().toString(36),
});
log(
  `generated ${catalog.views.length} feature views, ${catalog.features.length} features, ${catalog.services.length} services, ${catalog.models.length} models`,
);
await loadScaleCatalog(engine, catalog, log);
await engine.query("ANALYZE");
log(`done: workspace "${slug}" (switch to it with the workspace menu)`);
await closeDb();
