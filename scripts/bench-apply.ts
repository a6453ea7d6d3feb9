/**
 * `npm run bench:apply -- [--views 5000] [--features-per-view 10] [--engines postgresql,pglite]`
 *
 * Applies a generated repository document (views x features-per-view features over one batch
 * source per 10 views and 20 entities) to an empty workspace, then applies it again unchanged,
 * on a throwaway PostgreSQL 15 and on an in-memory PGlite, through applyRepository (what
 * POST /api/v1/apply runs after parsing). Prints JSON: seconds per apply, seconds per phase
 * (planning, writing, recording versions, indexing for search) and objects per second.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { applyRepository } from "@/lib/data/definitions";
import { createWorkspace } from "@/lib/data/workspaces";
import { createEngine, type Engine } from "@/lib/db/engine";
import { generatedRepository } from "@/lib/definitions/generated-repository";
import type { RepositoryDocument } from "@/lib/definitions/schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate";
import { startPostgres } from "@/lib/testing/postgres-server";
import { round1 } from "./bench-stats";

const { values } = parseArgs({
  options: {
    views: { type: "string", default: "5000" },
    "features-per-view": { type: "string", default: "10" },
    engines: { type: "string", default: "postgresql,pglite" },
  },
});
const viewCount = Math.max(1, Number(values.views));
const featuresPerView = Math.max(1, Number(values["features-per-view"]));
const engines = values.engines!.split(",") as ("postgresql" | "pglite")[];
const log = (line: string) => process.stderr.write(`bench:apply: ${line}\n`);

async function runOn(kind: "postgresql" | "pglite", document: RepositoryDocument) {
  const server = kind === "postgresql" ? await startPostgres() : null;
  const engine: Engine = createEngine({ databaseUrl: server?.url, dataDir: "memory://" });
  const prisma = new PrismaClient({ adapter: engine.adapter });
  try {
    await applyMigrations(engine);
    const workspace = await createWorkspace(prisma, { slug: "bench", name: "Bench" });
    const timed = async (label: string) => {
      const start = performance.now();
      // Where the time goes: each phase the apply reports lasts until the next one (or the end).
      const phaseStarts: Array<[string, number]> = [];
      const onProgress = ({ phase }: { phase: string }) => {
        if (phaseStarts.at(-1)?.[0] !== phase) phaseStarts.push([phase, performance.now()]);
      };
      const result = await applyRepository(
        prisma,
        { workspaceId: workspace.id, document, onProgress },
        { userId: null },
      );
      const end = performance.now();
      const seconds = (end - start) / 1000;
      log(`${kind} ${label}: ${seconds.toFixed(1)} s`);
      const phases = Object.fromEntries(
        phaseStarts.map(([phase, at], index) => [phase, round1(((phaseStarts[index + 1]?.[1] ?? end) - at) / 1000)]),
      );
      return {
        seconds: round1(seconds),
        phases,
        created: result.create.length,
        updated: result.update.length,
        unchanged: result.unchanged,
      };
    };
    const first = await timed("first apply");
    const again = await timed("unchanged re-apply");
    const objects = first.created;
    return { firstApply: { ...first, objectsPerSecond: Math.round(objects / first.seconds) }, unchangedReapply: again };
  } finally {
    await prisma.$disconnect();
    await engine.close();
    server?.stop();
  }
}

const document = generatedRepository(viewCount, featuresPerView);
const results: Record<string, unknown> = {};
for (const kind of engines) {
  log(`${kind}: applying ${viewCount} views with ${viewCount * featuresPerView} features`);
  results[kind] = await runOn(kind, document);
}
console.log(
  JSON.stringify(
    { views: viewCount, features: viewCount * featuresPerView, sources: document.dataSources.length, results },
    null,
    2,
  ),
);
