/**
 * `npm run bench:ingest`: serving-metric ingestion throughput in points per second on a
 * throwaway PostgreSQL 15 server and on in-memory PGlite. Each batch of 10,000 points goes
 * through what POST /api/v1/ingest/serving-metrics does after reading the body: JSON parsing,
 * validation, the body hash for its Idempotency-Key, name resolution, one unnest INSERT, hour
 * and day rollups of the touched range, and rule evaluation for the touched services. Prints JSON.
 *
 * Options: --batches N (default 20), --services N (default 500), --engines postgresql,pglite,
 * --clients 1,2 (concurrent pushers, each with its own share of the services)
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { parseJsonBody } from "@/lib/api/body";
import { evaluateRules } from "@/lib/data/alerts";
import { ingestServingMetrics } from "@/lib/data/ingest";
import { createWorkspace } from "@/lib/data/workspaces";
import { createEngine, type Engine } from "@/lib/db/engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";
import { startPostgres } from "@/lib/testing/postgres-server";
import { MAX_BATCH_ITEMS } from "@/lib/validations/monitoring";
import { parseServingMetricBatch } from "@/lib/validations/serving-batch";
import { percentile, round1 } from "./bench-stats";

const { values } = parseArgs({
  options: {
    batches: { type: "string", default: "20" },
    services: { type: "string", default: "500" },
    engines: { type: "string", default: "postgresql,pglite" },
    clients: { type: "string", default: "1,2" },
  },
});
const batches = Number(values.batches);
const serviceCount = Number(values.services);
const engines = values.engines.split(",") as ("postgresql" | "pglite")[];
const clientCounts = values.clients.split(",").map(Number);

/**
 * `clients` platform workers push at once, each for its own share of the services (as a
 * platform shards its pushers), `batches` batches in all. One client is the strict figure.
 */
async function bench(kind: "postgresql" | "pglite", clients: number) {
  const server = kind === "postgresql" ? await startPostgres() : null;
  const engine: Engine = createEngine(
    server ? { databaseUrl: server.url, dataDir: "unused" } : { dataDir: "memory://" },
  );
  const prisma = new PrismaClient({ adapter: engine.adapter });
  try {
    await applyMigrations(engine);
    const workspace = await createWorkspace(prisma, { slug: "bench", name: "Bench" });
    const names = Array.from({ length: serviceCount }, (_, i) => `service_${String(i).padStart(4, "0")}`);
    await prisma.featureService.createMany({
      data: names.map((name) => ({ workspaceId: workspace.id, name, latencyBudgetMs: 50 })),
    });

    // Each batch covers every service of its client for the next run of minutes.
    const start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 7 * 86_400_000;
    const shards = Array.from({ length: clients }, (_, client) => names.filter((_, i) => i % clients === client));
    const bodiesOf = (shard: string[], count: number) => {
      const minutesPerBatch = Math.max(1, Math.floor(MAX_BATCH_ITEMS / shard.length));
      return Array.from({ length: count }, (_, batch) => {
        const items: unknown[] = [];
        for (let m = 0; m < minutesPerBatch; m++) {
          const bucketStart = new Date(start + (batch * minutesPerBatch + m) * 60_000).toISOString();
          for (const name of shard) {
            const p50 = 5 + Math.random() * 5;
            items.push({
              featureService: name,
              environment: "prod",
              bucketStart,
              requestCount: 1000,
              errorCount: 1,
              p50Ms: p50,
              p95Ms: p50 * 2,
              p99Ms: p50 * 3,
            });
          }
        }
        return {
          body: JSON.stringify({ items: items.slice(0, MAX_BATCH_ITEMS) }),
          endMs: start + (batch + 1) * minutesPerBatch * 60_000,
        };
      });
    };
    const work = shards.map((shard) => bodiesOf(shard, Math.ceil(batches / clients)));

    const withEvaluation: number[] = [];
    const phases = { parseMs: 0, writeMs: 0, evaluateMs: 0 };
    let points = 0;
    let sent = 0;
    const startedAt = performance.now();
    await Promise.all(
      work.map(async (bodies, client) => {
        for (const [index, { body, endMs }] of bodies.entries()) {
          const t0 = performance.now();
          const { items } = parseJsonBody(body, { safeParse: parseServingMetricBatch });
          const requestHash = createHash("sha256").update(body).digest("hex");
          const t1 = performance.now();
          const outcome = await ingestServingMetrics(
            { prisma, engine },
            { workspaceId: workspace.id, actor: {}, idempotencyKey: `bench-${client}-${index}`, requestHash },
            items,
          );
          const t2 = performance.now();
          await evaluateRules(prisma, {
            workspaceId: workspace.id,
            now: new Date(endMs),
            environmentIds: outcome.touched.environmentIds,
            only: { kind: outcome.touched.kind, ids: outcome.touched.ids },
          });
          const t3 = performance.now();
          phases.parseMs += t1 - t0;
          phases.writeMs += t2 - t1;
          phases.evaluateMs += t3 - t2;
          withEvaluation.push(t3 - t0);
          points += items.length;
          sent++;
        }
      }),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    const rows = await engine.query<{ bucket_seconds: number; n: number }>(
      "SELECT bucket_seconds, count(*)::int AS n FROM serving_metric GROUP BY bucket_seconds ORDER BY bucket_seconds",
    );
    return {
      engine: kind,
      clients,
      points,
      batches: sent,
      batchSize: MAX_BATCH_ITEMS,
      services: serviceCount,
      seconds: round1(seconds),
      pointsPerSecond: Math.round(points / seconds),
      meanPhaseMs: {
        parseAndValidate: round1(phases.parseMs / sent),
        resolveWriteAndRollup: round1(phases.writeMs / sent),
        evaluateRules: round1(phases.evaluateMs / sent),
      },
      batchMs: {
        p50: round1(percentile(withEvaluation, 0.5)),
        p95: round1(percentile(withEvaluation, 0.95)),
        max: round1(Math.max(...withEvaluation)),
      },
      storedRows: Object.fromEntries(rows.map((row) => [String(row.bucket_seconds), row.n])),
    };
  } finally {
    await prisma.$disconnect();
    await engine.close();
    server?.stop();
  }
}

const results = [];
for (const kind of engines) {
  for (const clients of clientCounts) {
    console.error(`[bench:ingest] ${kind}, ${clients} client${clients === 1 ? "" : "s"}...`);
    results.push(await bench(kind, clients));
  }
}
console.log(
  JSON.stringify(
    {
      benchmark: "ingest",
      description:
        "serving-metric points per second through validation, name resolution, unnest INSERT, hour/day rollups and rule evaluation, in batches of 10,000",
      targetPointsPerSecondPostgresql: 50_000,
      note: "the throwaway PostgreSQL runs with fsync=off and synchronous_commit=off",
      results,
    },
    null,
    2,
  ),
);
