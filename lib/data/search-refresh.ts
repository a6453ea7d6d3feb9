import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * Search documents follow the registry through statement-level triggers (migrations 0002, 0011).
 * A bulk write (apply, Feast import / sync) runs dozens of statements over the same objects, so
 * it defers the rebuild for its transaction and flushes once at the end: every stale document
 * is rebuilt one time, in one set-based pass per kind (migration 0012).
 */

type Tx = Prisma.TransactionClient;

/** From here to flushSearchRefresh (or the end of the transaction) triggers only note stale documents. */
export async function deferSearchRefresh(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT set_config('featureline.search_deferred', 'on', true)`;
}

/** The registry tables a document rebuild joins. */
const REGISTRY_TABLES = [
  "data_source",
  "data_source_column",
  "entity",
  "entity_join_key",
  "feature_view",
  "feature_view_source",
  "feature_view_entity",
  "aggregation",
  "feature",
  "feature_source_column",
  "feature_service",
  "feature_service_feature",
  "model_feature_service",
  "active_version",
].join(", ");

/**
 * Rebuilds the documents noted since deferSearchRefresh and ends the deferral; returns how many.
 * With `analyze` (a batch that grew the registry a lot) the planner's statistics are refreshed
 * first: with the old ones it takes a table of thousands of new rows for a small one and
 * rebuilds each feature's document with a scan of every source column (5x slower at 5,000
 * features, quadratic beyond). PGlite has no autovacuum to do it later. ANALYZE counts the
 * transaction's own uncommitted rows and takes no lock that readers or writers wait for.
 */
export async function flushSearchRefresh(tx: Tx, options: { analyze?: boolean } = {}): Promise<number> {
  if (options.analyze) await tx.$executeRawUnsafe(`ANALYZE ${REGISTRY_TABLES}`);
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT search_refresh_flush() AS n`;
  return Number(row?.n ?? 0);
}
