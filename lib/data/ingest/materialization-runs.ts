import "server-only";
import { randomUUID } from "node:crypto";
import type { RawTx } from "@/lib/db/engine";
import type { MaterializationRunItem } from "@/lib/validations/monitoring";
import { ingest, type IngestContext, type IngestOutcome, type IngestStore } from "./batch";
import { NameResolver, rejectDuplicates } from "./names";
import { unique } from "./sql-arrays";

export async function ingestMaterializationRuns(
  store: IngestStore,
  context: IngestContext,
  items: MaterializationRunItem[],
): Promise<IngestOutcome> {
  return ingest(store, context, "materialization_runs", items, async () => {
    const resolver = await NameResolver.load(store.engine, context.workspaceId, {
      featureViews: items.map((item) => item.featureView),
    });
    const rows = items.map((item, index) => ({
      item,
      viewId: resolver.featureView(item.featureView, index),
      environmentId: resolver.environment(item.environment, index),
    }));
    resolver.throwIfUnknown();
    rejectDuplicates(rows, (row) => `${row.viewId}|${row.environmentId}|${row.item.startedAt.getTime()}`, "startedAt");
    return {
      touched: {
        kind: "feature_view" as const,
        ids: unique(rows.map((row) => row.viewId)),
        environmentIds: unique(rows.map((row) => row.environmentId)),
      },
      result: {},
      write: async (tx: RawTx) => {
        // Re-reporting a run (running, then success) updates it: a run is its view, environment and start.
        await tx.query(
          `INSERT INTO materialization_run
             (id, workspace_id, feature_view_id, environment_id, status, started_at, ended_at, rows_written,
              watermark, compute_seconds, cost)
           SELECT u.id, $1, u.view_id, u.env_id, u.status::"RunStatus", u.started_at::timestamp(3),
                  u.ended_at::timestamp(3), u.rows_written, u.watermark::timestamp(3), u.compute_seconds, u.cost
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[],
                         $9::text[], $10::float8[], $11::float8[])
               AS u(id, view_id, env_id, status, started_at, ended_at, rows_written, watermark, compute_seconds, cost)
           ON CONFLICT (feature_view_id, environment_id, started_at) DO UPDATE SET
             status = EXCLUDED.status, ended_at = EXCLUDED.ended_at, rows_written = EXCLUDED.rows_written,
             watermark = EXCLUDED.watermark, compute_seconds = EXCLUDED.compute_seconds, cost = EXCLUDED.cost`,
          [
            context.workspaceId,
            rows.map(() => randomUUID()),
            rows.map((row) => row.viewId),
            rows.map((row) => row.environmentId),
            rows.map((row) => row.item.status),
            rows.map((row) => row.item.startedAt.toISOString()),
            rows.map((row) => row.item.endedAt?.toISOString() ?? null),
            rows.map((row) => row.item.rowsWritten ?? null),
            rows.map((row) => row.item.watermark?.toISOString() ?? null),
            rows.map((row) => row.item.computeSeconds ?? null),
            rows.map((row) => row.item.cost ?? null),
          ],
        );
      },
    };
  });
}
