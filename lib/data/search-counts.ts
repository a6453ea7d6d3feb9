import "server-only";
import type { Db } from "@/lib/db";
import { forgetSharedReads, sharedRead } from "@/lib/cache/shared-read";
import {
  buildCompactCountsSql,
  buildKeptFacetsSql,
  buildKeptHealthSql,
  keptCountsApply,
  shapeKeptFacetRows,
} from "@/lib/search/facet-counts";
import { buildFacetsSql, type SearchSqlInput } from "@/lib/search/sql";
import type { FacetName } from "@/lib/search/types";

/**
 * Facet counts over large match sets are the expensive part of a catalog page (a scan of every
 * matching document), so they are shared per workspace and search for a short while
 * (lib/cache/shared-read.ts). Hits are always live; like every shared read, a count is not served
 * after a write of this process, or of another once its commit's notification arrives, so counts
 * lag writes only where that notification is lost, and then by at most FACET_CACHE_MS.
 */
const FACET_CACHE_MS = 20_000;
/** Longest a facet count may take (waiting for a connection, then running) before it is dropped. */
const FACET_TIMEOUT_MS = 8_000;

function keptCounts<T>(key: string, load: () => Promise<T>): Promise<T> {
  return sharedRead(`facet-counts:${key}`, { ttlMs: FACET_CACHE_MS }, load);
}

/** Forgets a workspace's kept counts, so that its next search counts afresh. */
export function invalidateFacetCache(workspaceId: string): void {
  forgetSharedReads(`facet-counts:${workspaceId}|`);
}

export type FacetRow = { facet: FacetName; value: string; n: number };

/**
 * The facet rows of a search: from the counts kept by the search triggers for the unfiltered
 * lists (cheap whatever the registry's size), else one aggregate over the matches, shared.
 */
export async function loadFacetRows(prisma: Db, input: SearchSqlInput): Promise<FacetRow[]> {
  if (keptCountsApply(input)) return loadKeptFacetRows(prisma, input);
  const key = `${input.workspaceId}|${JSON.stringify({ q: input.query?.text ?? "", f: input.filters, h: input.health })}`;
  const statement = buildFacetsSql(input);
  return keptCounts(key, () =>
    prisma.$transaction(
      async (tx) => {
        // work_mem: the facet groups of a large match set are aggregated in one hashed pass; with the
        // default 4 MB the planner sorts (and spills) the matching rows instead, about twice as long.
        // statement_timeout: a count that takes longer gives up (the page shows it as still
        // counting) rather than holding a connection. (JIT is off for every session: engine.ts.)
        await tx.$queryRawUnsafe(
          `SELECT set_config('work_mem', '32MB', true), set_config('statement_timeout', $1, true)`,
          String(FACET_TIMEOUT_MS),
        );
        return tx.$queryRawUnsafe<FacetRow[]>(statement.sql, ...statement.params);
      },
      { maxWait: FACET_TIMEOUT_MS, timeout: FACET_TIMEOUT_MS + 1_000 },
    ),
  );
}

/** Kept counts are read live (exact, cheap); health, judged per feature view, is cached like the aggregate. */
async function loadKeptFacetRows(prisma: Db, input: SearchSqlInput): Promise<FacetRow[]> {
  const statement = buildKeptFacetsSql(input);
  const [raw, health] = await Promise.all([
    prisma.$queryRawUnsafe<{ facet: string; value: string; n: number }[]>(statement.sql, ...statement.params),
    input.health ? loadKeptHealthRows(prisma, input) : Promise.resolve([]),
  ]);
  const { rows, shouldCompact } = shapeKeptFacetRows(raw, input.facetLimit);
  if (shouldCompact) {
    const compact = buildCompactCountsSql(input.workspaceId);
    // Not awaited: the counts are right either way; folding only keeps the next read small.
    prisma.$executeRawUnsafe(compact.sql, ...compact.params).catch((error: unknown) => {
      console.warn("search counts: compacting failed", error);
    });
  }
  return [...rows, ...health] as FacetRow[];
}

async function loadKeptHealthRows(prisma: Db, input: SearchSqlInput): Promise<FacetRow[]> {
  const key = `${input.workspaceId}|kept-health|${JSON.stringify({ k: input.filters.kind ?? null, h: input.health })}`;
  const statement = buildKeptHealthSql(input);
  return keptCounts(key, async () =>
    (await prisma.$queryRawUnsafe<FacetRow[]>(statement.sql, ...statement.params)).map((row) => ({
      ...row,
      n: Number(row.n),
    })),
  );
}
