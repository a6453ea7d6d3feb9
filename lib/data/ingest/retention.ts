import "server-only";
import type { Db } from "@/lib/db";
import type { IngestStore } from "./batch";

export const RAW_RETENTION_SETTING = "monitoring.raw_retention_days";
export const DEFAULT_RAW_RETENTION_DAYS = 14;
/** Idempotency keys are kept this long; a retry after that is treated as a new request. */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 7;

/** A workspace's own retention of per-minute serving rows (a workspace setting, never global). */
export async function getRawRetentionDays(prisma: Db, workspaceId: string): Promise<number> {
  const setting = await prisma.workspaceSetting.findUnique({
    where: { workspaceId_key: { workspaceId, key: RAW_RETENTION_SETTING } },
    select: { value: true },
  });
  const days = Number(setting?.value);
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_RAW_RETENTION_DAYS;
}

/**
 * Deletes one workspace's per-minute serving rows older than its retention (their hourly and
 * daily rollups stay), and expired idempotency keys. Another workspace's rows are never touched.
 */
export async function pruneMonitoringData(
  store: IngestStore,
  options: { workspaceId: string; now?: Date },
): Promise<{ rawRowsDeleted: number; idempotencyKeysDeleted: number; retentionDays: number }> {
  const now = options.now ?? new Date();
  const retentionDays = await getRawRetentionDays(store.prisma, options.workspaceId);
  const cutoff = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - retentionDays * 86_400_000);
  const keyCutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_DAYS * 86_400_000);
  const raw = await store.engine.query<{ n: number }>(
    // Per service and environment, so each delete is a range of the key (the table's only index).
    `WITH gone AS (
       DELETE FROM serving_metric m
        USING feature_service s JOIN environment e ON e.workspace_id = s.workspace_id
        WHERE m.feature_service_id = s.id AND m.environment_id = e.id AND s.workspace_id = $2
          AND m.bucket_seconds = 60 AND m.bucket_start < $1::timestamp(3)
        RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [cutoff.toISOString(), options.workspaceId],
  );
  const keys = await store.engine.query<{ n: number }>(
    `WITH gone AS (DELETE FROM idempotency_key WHERE created_at < $1::timestamp(3) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [keyCutoff.toISOString()],
  );
  return { rawRowsDeleted: raw[0]?.n ?? 0, idempotencyKeysDeleted: keys[0]?.n ?? 0, retentionDays };
}
