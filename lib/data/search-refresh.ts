import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * Search documents follow the registry through statement-level triggers (migrations 0002, 0011).
 * A bulk write (apply, Feast import / sync) runs dozens of statements over the same objects, so
 * it defers the rebuild for its transaction and flushes once at the end: every stale document
 * is rebuilt one time, in set-based passes per kind (migration 0012's table of stale documents).
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
 * Documents rebuilt per statement. One statement for a whole apply of 5,000 views took 7.5 s on
 * PGlite, and the embedded database runs on the server's thread: nothing else ran meanwhile. A
 * share of 2,000 takes a fraction of a second, and requests go on between shares.
 */
const DOCUMENTS_PER_STATEMENT = 2_000;

/**
 * Rebuilds the documents noted since deferSearchRefresh and ends the deferral; returns how many.
 * Each noted document is rebuilt once, in set-based passes of one kind (search_refresh_now).
 * With `analyze` (a batch that grew the registry a lot) the planner's statistics are refreshed
 * first: with the old ones it takes a table of thousands of new rows for a small one and
 * rebuilds each feature's document with a scan of every source column (5x slower at 5,000
 * features, quadratic beyond). PGlite has no autovacuum to do it later. ANALYZE counts the
 * transaction's own uncommitted rows and takes no lock that readers or writers wait for.
 */
export async function flushSearchRefresh(tx: Tx, options: { analyze?: boolean } = {}): Promise<number> {
  if (options.analyze) await tx.$executeRawUnsafe(`ANALYZE ${REGISTRY_TABLES}`);
  await tx.$queryRaw`SELECT set_config('featureline.search_deferred', 'off', true)`;
  const pending = await tx.$queryRaw<Array<{ kind: string; ids: string[] }>>`
    SELECT object_kind::text AS kind, array_agg(DISTINCT object_id ORDER BY object_id) AS ids
    FROM search_refresh_pending WHERE transaction_id = txid_current()
    GROUP BY object_kind ORDER BY object_kind`;
  let rebuilt = 0;
  for (const { kind, ids } of pending) {
    for (let start = 0; start < ids.length; start += DOCUMENTS_PER_STATEMENT) {
      const share = ids.slice(start, start + DOCUMENTS_PER_STATEMENT);
      await tx.$executeRaw`SELECT search_refresh_now(${kind}::"ObjectKind", ${share}::text[])`;
    }
    rebuilt += ids.length;
  }
  await tx.$executeRaw`DELETE FROM search_refresh_pending WHERE transaction_id = txid_current()`;
  return rebuilt;
}
