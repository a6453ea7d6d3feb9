/**
 * `npm run bench:stall`: how long other requests wait while long work runs as a background job.
 * A Feast import (or an apply) of a generated registry is queued as a job and run by the job
 * runner in this process, as the server runs it; meanwhile a probe issues the query
 * `/api/v1/me` makes (the caller with its memberships) every 100 ms, each on its own, and its
 * wait is measured. On a throwaway PostgreSQL 15 server and PGlite in a temporary directory
 * (one connection: the engine where a long transaction holds every reader, and readers get a
 * snapshot of it meanwhile). Prints JSON on stdout, progress on stderr.
 *
 * Options: --kind import|apply (default import), --views N (default 500), --features N per view
 * (default 10), --engines postgresql,pglite, --probe-ms N (default 100), --demo (load the demo
 * catalog with its 37 days of monitoring history first, so the database, and a PGlite snapshot,
 * is the size of a real one)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { feastDumpOf } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { seedDemo } from "@/lib/demo/load";
import { createEngine, type Engine } from "@/lib/db/engine";
import { generatedRepository } from "@/lib/definitions/generated-repository";
import { encodeFeastRegistry } from "@/lib/feast/registry-proto";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { appJobHandlers, type ApplyJobInput, type FeastImportJobInput } from "@/lib/jobs/kinds";
import { enqueueJob, getJob, type JobView } from "@/lib/jobs/queue";
import { startJobRunner } from "@/lib/jobs/runner";
import { applyMigrations } from "@/lib/migrate";
import { startPostgres } from "@/lib/testing/postgres-server";
import { percentile, round1 } from "./bench-stats";

const { values } = parseArgs({
  options: {
    kind: { type: "string", default: "import" },
    views: { type: "string", default: "500" },
    features: { type: "string", default: "10" },
    engines: { type: "string", default: "postgresql,pglite" },
    "probe-ms": { type: "string", default: "100" },
    demo: { type: "boolean", default: false },
  },
});
const kind = values.kind === "apply" ? "apply" : "import";
const viewCount = Number(values.views);
const featuresPerView = Number(values.features);
const probeMs = Number(values["probe-ms"]);
const engines = values.engines.split(",") as ("postgresql" | "pglite")[];
const log = (message: string) => process.stderr.write(`${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function generatedRegistry(): Uint8Array {
  const project = "stall";
  return encodeFeastRegistry({
    projects: [{ spec: { name: project } }],
    entities: Array.from({ length: 50 }, (_, i) => ({
      spec: { name: `entity_${i}`, joinKey: `entity_${i}_id`, valueType: 4, project },
    })),
    featureViews: Array.from({ length: viewCount }, (_, v) => ({
      spec: {
        name: `view_${v}`,
        project,
        entities: [`entity_${v % 50}`],
        features: Array.from({ length: featuresPerView }, (_, f) => ({ name: `feature_${f}`, valueType: 5 })),
        ttl: "86400s",
        online: true,
        batchSource: {
          name: `source_${v % 50}`,
          type: 1,
          timestampField: "ts",
          fileOptions: { uri: `s3://stall/${v % 50}.parquet` },
        },
      },
    })),
  });
}

function summarise(waits: number[]) {
  return {
    probes: waits.length,
    p50Ms: round1(percentile(waits, 0.5)),
    p95Ms: round1(percentile(waits, 0.95)),
    maxMs: round1(Math.max(...waits)),
    over1s: waits.filter((wait) => wait > 1000).length,
  };
}

/**
 * A probe is due every `probeMs` and issued without waiting for the previous one. Its wait runs
 * from when it was due, not from when a timer got to issue it: on PGlite the database runs on
 * this thread, so a long statement also delays the timers (as it delays a server's requests).
 */
function startProbe(prisma: PrismaClient) {
  const waits: number[] = [];
  const pending = new Set<Promise<void>>();
  const origin = performance.now();
  let issued = 0;
  const issueDue = () => {
    const now = performance.now();
    while (origin + issued * probeMs <= now) {
      const due = origin + issued * probeMs;
      issued++;
      const probe = prisma.user
        .findFirst({ select: { id: true, memberships: { select: { workspaceId: true, role: true } } } })
        .then(() => {
          waits.push(performance.now() - due);
        });
      pending.add(probe);
      void probe.finally(() => pending.delete(probe));
    }
  };
  const timer = setInterval(issueDue, Math.max(5, probeMs / 4));
  return {
    async stop() {
      clearInterval(timer);
      issueDue();
      await Promise.all(pending);
      return waits;
    },
  };
}

async function bench(engineKind: "postgresql" | "pglite", registry: Uint8Array) {
  const server = engineKind === "postgresql" ? await startPostgres() : null;
  const snapshots: Array<{ ms: number }> = [];
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-bench-stall-"));
  const engine: Engine = createEngine(
    server
      ? { databaseUrl: server.url, dataDir: "unused" }
      : // On disk, as the server keeps it (a snapshot for readers copies the directory).
        { dataDir: pgliteDir, snapshots: { onSnapshot: (took) => snapshots.push(took) } },
  );
  const prisma = new PrismaClient({ adapter: engine.adapter });
  try {
    await applyMigrations(engine);
    if (values.demo) {
      log(`${engineKind}: loading the demo catalog…`);
      await seedDemo(prisma, engine);
      // As a server running for a few minutes has done (checkpoint_timeout is 5 min): a snapshot
      // then replays only the WAL since, not the whole load's.
      await engine.query("CHECKPOINT");
      const [size] = await engine.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
      log(`${engineKind}: database ${Math.round(Number(size?.bytes) / 1e6)} MB`);
    }
    const workspace = await createWorkspace(prisma, { slug: "stall", name: "Stall" });
    await prisma.user.create({ data: { email: "probe@featureline.dev", name: "Probe" } });

    const idle = startProbe(prisma);
    await sleep(2_000);
    const idleWaits = await idle.stop();

    const actor = { userId: null };
    const input =
      kind === "import"
        ? ({
            actor,
            targetWorkspaceId: workspace.id,
            targetWorkspaceSlug: workspace.slug,
            newWorkspace: false,
            dump: feastDumpOf({ registry }),
            dryRun: false,
          } satisfies FeastImportJobInput)
        : ({ actor, document: generatedRepository(viewCount, featuresPerView) } satisfies ApplyJobInput);
    const runner = startJobRunner(prisma, appJobHandlers, { pollMs: 100 });
    log(`${engineKind}: ${kind} of ${viewCount} views / ${viewCount * featuresPerView} features as a job…`);
    const probe = startProbe(prisma);
    const started = performance.now();
    const { id } = await enqueueJob(prisma, {
      kind: kind === "import" ? "feast-import" : "apply",
      workspaceId: workspace.id,
      input,
    });
    runner.wake();
    const phases: string[] = [];
    let job: JobView;
    for (;;) {
      job = await getJob(prisma, workspace.id, id);
      const phase = job.progress.phase ?? "";
      if (phases.at(-1) !== phase) {
        phases.push(phase);
        log(`${engineKind}: ${round1((performance.now() - started) / 1000)} s ${phase}`);
      }
      if (job.state === "succeeded" || job.state === "failed") break;
      await sleep(250);
    }
    const jobSeconds = (performance.now() - started) / 1000;
    const waits = await probe.stop();
    await runner.stop();
    const during = summarise(waits);
    log(
      `${engineKind}: job ${job.state} in ${round1(jobSeconds)} s; probe p95 ${during.p95Ms} ms, max ${during.maxMs} ms`,
    );
    return {
      engine: engineKind,
      kind,
      views: viewCount,
      features: viewCount * featuresPerView,
      jobState: job.state,
      ...(job.error ? { jobError: job.error.message } : {}),
      jobSeconds: round1(jobSeconds),
      ...(engineKind === "pglite" ? { readerSnapshotsMs: snapshots.map(({ ms }) => Math.round(ms)) } : {}),
      phases,
      idle: summarise(idleWaits),
      duringJob: during,
    };
  } finally {
    await prisma.$disconnect();
    await engine.close();
    await server?.stop();
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
}

async function main() {
  const registry = generatedRegistry();
  const results = [];
  for (const engineKind of engines) results.push(await bench(engineKind, registry));
  process.stdout.write(
    `${JSON.stringify({ benchmark: "stall", probeEveryMs: probeMs, demo: values.demo, registryBytes: registry.length, results }, null, 2)}\n`,
  );
}

void main();
