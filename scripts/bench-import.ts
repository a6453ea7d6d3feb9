/**
 * `npm run bench:import`: a generated Feast registry.db of 5,000 feature views / 50,000 features
 * (100 sources, 100 entities, 200 services) imported into an empty workspace, then synced again
 * unchanged (the sync's path: read the file, compare its hash) and imported again unchanged (the
 * whole plan, nothing written). On a throwaway PostgreSQL 15 server and in-memory PGlite.
 * Prints JSON on stdout, progress on stderr.
 *
 * Options: --views N (default 5000), --features N per view (default 10), --engines postgresql,pglite
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { importFeastRegistry } from "@/lib/data/definitions";
import { saveFeastConnection, syncFeastRegistryNow } from "@/lib/data/feast-sync";
import { createWorkspace } from "@/lib/data/workspaces";
import { createEngine, type Engine } from "@/lib/db/engine";
import { encodeFeastRegistry } from "@/lib/feast/registry-proto";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";
import { startPostgres } from "@/lib/testing/postgres-server";
import { round1 } from "./bench-stats";

const { values } = parseArgs({
  options: {
    views: { type: "string", default: "5000" },
    features: { type: "string", default: "10" },
    engines: { type: "string", default: "postgresql,pglite" },
  },
});
const viewCount = Number(values.views);
const featuresPerView = Number(values.features);
const engines = values.engines.split(",") as ("postgresql" | "pglite")[];

function generatedRegistry(): Record<string, unknown> {
  const project = "bench";
  const source = (i: number) => ({
    name: `source_${i}`,
    type: 1,
    timestampField: "event_timestamp",
    fileOptions: { uri: `s3://bench/source_${i}.parquet` },
  });
  return {
    projects: [{ spec: { name: project } }],
    dataSources: Array.from({ length: 100 }, (_, i) => source(i)),
    entities: Array.from({ length: 100 }, (_, i) => ({
      spec: { name: `entity_${i}`, joinKey: `entity_${i}_id`, valueType: 4, project },
    })),
    featureViews: Array.from({ length: viewCount }, (_, v) => ({
      spec: {
        name: `view_${v}`,
        project,
        entities: [`entity_${v % 100}`],
        features: Array.from({ length: featuresPerView }, (_, f) => ({ name: `feature_${f}`, valueType: 5 })),
        ttl: "86400s",
        online: true,
        batchSource: source(v % 100),
      },
      meta: {
        createdTimestamp: "2024-01-01T00:00:00Z",
        materializationIntervals: [{ startTime: "2024-01-01T00:00:00Z", endTime: "2024-01-02T00:00:00Z" }],
      },
    })),
    featureServices: Array.from({ length: 200 }, (_, s) => ({
      spec: {
        name: `service_${s}`,
        project,
        features: Array.from({ length: 5 }, (_, k) => ({
          featureViewName: `view_${(s * 25 + k) % viewCount}`,
          featureColumns: [{ name: "feature_0" }, { name: "feature_1" }],
        })),
      },
    })),
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function bench(kind: "postgresql" | "pglite", registry: Uint8Array, file: string) {
  const server = kind === "postgresql" ? await startPostgres() : null;
  const engine: Engine = createEngine(
    server ? { databaseUrl: server.url, dataDir: "unused" } : { dataDir: "memory://" },
  );
  const prisma = new PrismaClient({ adapter: engine.adapter });
  const actor = { userId: null };
  try {
    await applyMigrations(engine);
    const workspace = await createWorkspace(prisma, { slug: "bench", name: "Bench" });
    log(`${kind}: importing ${viewCount} views / ${viewCount * featuresPerView} features…`);
    let start = performance.now();
    const first = await importFeastRegistry(prisma, { workspaceId: workspace.id, registry }, actor);
    const importSeconds = (performance.now() - start) / 1000;
    log(`${kind}: import ${round1(importSeconds)} s (${first.created.length} objects)`);

    await saveFeastConnection(prisma, workspace.id, { location: file });
    const firstSync = await syncFeastRegistryNow(prisma, workspace.id);
    log(`${kind}: first sync of the same registry ${firstSync.status} in ${firstSync.durationMs} ms`);
    start = performance.now();
    const resync = await syncFeastRegistryNow(prisma, workspace.id);
    const resyncSeconds = (performance.now() - start) / 1000;
    log(`${kind}: unchanged re-sync ${resync.status} in ${round1(resyncSeconds)} s`);

    start = performance.now();
    const again = await importFeastRegistry(prisma, { workspaceId: workspace.id, registry }, actor);
    const reimportSeconds = (performance.now() - start) / 1000;
    log(`${kind}: unchanged re-import (full plan) ${round1(reimportSeconds)} s`);
    return {
      engine: kind,
      views: viewCount,
      features: viewCount * featuresPerView,
      objects: first.created.length,
      importSeconds: round1(importSeconds),
      unchangedResyncSeconds: round1(resyncSeconds),
      unchangedResyncStatus: resync.status,
      unchangedReimportSeconds: round1(reimportSeconds),
      reimportChanged: again.created.length + again.updated.length,
    };
  } finally {
    await prisma.$disconnect();
    await engine.close();
    await server?.stop();
  }
}

async function main() {
  const registry = encodeFeastRegistry(generatedRegistry());
  const directory = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  const file = path.join(directory, "registry.db");
  writeFileSync(file, registry);
  log(`registry.db: ${(registry.length / 1024 / 1024).toFixed(1)} MiB`);
  const results = [];
  try {
    for (const kind of engines) results.push(await bench(kind, registry, file));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  process.stdout.write(
    `${JSON.stringify({ benchmark: "import", registryBytes: registry.length, results }, null, 2)}\n`,
  );
}

void main();
