import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript per route, gzip KB, from the last `next build`: Next writes each app
 * route's first-load chunks to `.next/diagnostics/route-bundle-stats.json`; every chunk is
 * gzipped here (level 9, as CDNs serve it) and summed per route. Prints JSON; exits 1 when a
 * route is over the budget (250 KB by default, `--budget <KB>` to change it).
 *
 *   npx next build && npm run bench:bundle
 */

export interface RouteBundleStat {
  route: string;
  firstLoadChunkPaths: string[];
}

export interface RouteBundleSize {
  route: string;
  chunks: number;
  firstLoadKbGzip: number;
}

/** Sizes each route from its chunk list; a chunk shared by routes is gzipped once. */
export function measureRoutes(
  stats: readonly RouteBundleStat[],
  gzippedBytes: (chunkPath: string) => number,
): RouteBundleSize[] {
  const cache = new Map<string, number>();
  const sizeOf = (chunk: string) => {
    let bytes = cache.get(chunk);
    if (bytes === undefined) {
      bytes = gzippedBytes(chunk);
      cache.set(chunk, bytes);
    }
    return bytes;
  };
  return stats
    .map((stat) => {
      const chunks = [...new Set(stat.firstLoadChunkPaths)];
      const bytes = chunks.reduce((sum, chunk) => sum + sizeOf(chunk), 0);
      return { route: stat.route, chunks: chunks.length, firstLoadKbGzip: Math.round((bytes / 1024) * 10) / 10 };
    })
    .sort((a, b) => b.firstLoadKbGzip - a.firstLoadKbGzip || a.route.localeCompare(b.route));
}

function main() {
  const budgetIndex = process.argv.indexOf("--budget");
  const budgetKb = budgetIndex > 0 ? Number(process.argv[budgetIndex + 1]) : 250;
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const statsFile = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  if (!existsSync(statsFile)) {
    console.error(`No ${statsFile}: run \`npx next build\` first.`);
    process.exit(2);
  }
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteBundleStat[];
  // Chunk paths are relative to the project, starting with the dist dir.
  const routes = measureRoutes(stats, (chunk) => gzipSync(readFileSync(chunk), { level: 9 }).length);
  const over = routes.filter((route) => route.firstLoadKbGzip > budgetKb);
  console.log(
    JSON.stringify(
      {
        budgetKbGzip: budgetKb,
        maxKbGzip: routes[0]?.firstLoadKbGzip ?? 0,
        overBudget: over.map((route) => route.route),
        routes,
      },
      null,
      2,
    ),
  );
  if (over.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
