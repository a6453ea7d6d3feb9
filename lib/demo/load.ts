import { hashPassword } from "@/lib/auth/password";
import type { Engine } from "@/lib/db/engine";
import { buildDemoCatalog, DEMO_PASSWORD } from "@/lib/demo/catalog";
import { generateProfiles, generateRuns, generateServingSeries, HISTORY_DAYS } from "@/lib/demo/monitoring";
import { seedDemoPromotions } from "@/lib/demo/promotions";
import { emptyCounts, type SeedCounts } from "@/lib/demo/ids";

export type { SeedCounts };
import { insertProfiles, insertRuns, insertServingSeries } from "@/lib/demo/monitoring-inserts";
import { writeDefinitions } from "@/lib/demo/write-definitions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rollupServingRangeInTx } from "@/lib/monitoring/rollups";

/*
 * Loads the demo catalog of lib/demo/catalog.ts and 30 days of monitoring history. The
 * definitions go in one Prisma transaction; the monitoring history (about 400k rows) goes in
 * one raw transaction of set-based inserts, which is what keeps the seed within seconds on
 * PGlite.
 */

export interface SeedSummary {
  /** "exists": the workspace was already there and nothing was written. */
  status: "created" | "exists";
  workspaceSlug: string;
  workspaceId: string | null;
  message: string;
  counts: SeedCounts;
  durationMs: number;
}

export interface SeedDemoOptions {
  now?: Date;
  /** The demo's promotion requests (lib/demo/promotions.ts); off for tests that number their own. */
  promotions?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

const STAGING_SERVICES = ["fraud_scoring_v3", "eta_realtime"];
const STEPS = [
  "catalog",
  "users",
  "definitions",
  "runs",
  "serving metrics",
  "serving rollups",
  "profiles",
  "promotions",
] as const;

export async function seedDemo(
  prisma: PrismaClient,
  engine: Engine,
  options: SeedDemoOptions = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const progress = (step: (typeof STEPS)[number], detail?: string) =>
    options.onProgress?.(detail ? `${step} (${detail})` : step, STEPS.indexOf(step), STEPS.length);

  const catalog = buildDemoCatalog(now);
  const existing = await prisma.workspace.findUnique({ where: { slug: catalog.workspace.slug }, select: { id: true } });
  if (existing) {
    return {
      status: "exists",
      workspaceSlug: catalog.workspace.slug,
      workspaceId: existing.id,
      message: `Workspace "${catalog.workspace.slug}" already exists; the demo catalog was not loaded again.`,
      counts: emptyCounts(),
      durationMs: Math.round(performance.now() - started),
    };
  }
  progress("catalog");
  const runs = generateRuns(catalog, now);
  const prodSeries = generateServingSeries(catalog, now, "prod", HISTORY_DAYS);
  const stagingSeries = generateServingSeries(catalog, now, "staging", 1, STAGING_SERVICES);
  const profiles = generateProfiles(catalog, now);

  progress("users");
  // Password hashing is deliberately slow: hash the shared demo password once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  progress("definitions");
  const ids = await writeDefinitions(prisma, catalog, { now, passwordHash, runs, prodSeries, profiles });

  const counts = ids.counts;
  await engine.transaction(async (tx) => {
    progress("runs");
    counts.runs = await insertRuns(tx, ids, runs);
    const series = [...prodSeries, ...stagingSeries];
    let written = 0;
    for (const [index, item] of series.entries()) {
      progress("serving metrics", `${item.env}/${item.service}, ${index + 1} of ${series.length}`);
      written += await insertServingSeries(tx, ids, item);
    }
    progress("serving rollups");
    const rollups = await rollupServingRangeInTx(tx, {
      from: new Date(Math.min(...series.map((item) => item.startMs))),
      to: new Date(Math.max(...series.map((item) => item.startMs + item.requests.length * 60_000))),
      workspaceId: ids.workspaceId,
    });
    written += rollups.hourly + rollups.daily;
    counts.servingMetricRows = written;
    progress("profiles");
    counts.profiles = await insertProfiles(tx, ids, profiles);
  });
  progress("promotions");
  if (options.promotions ?? true) {
    counts.promotionRequests = await seedDemoPromotions(prisma, { workspaceId: ids.workspaceId, now });
  }
  options.onProgress?.("done", STEPS.length, STEPS.length);

  return {
    status: "created",
    workspaceSlug: catalog.workspace.slug,
    workspaceId: ids.workspaceId,
    message: `Loaded the demo workspace "${catalog.workspace.slug}".`,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}
