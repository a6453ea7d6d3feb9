import "server-only";
import { randomUUID } from "node:crypto";
import type { RawTx } from "@/lib/db/engine";
import type { ProfileItem } from "@/lib/validations/monitoring";
import { ingest, type IngestContext, type IngestOutcome, type IngestStore } from "./batch";
import { NameResolver, rejectDuplicates } from "./names";
import { arrayLiteral, unique } from "./sql-arrays";

export async function ingestProfiles(
  store: IngestStore,
  context: IngestContext,
  items: ProfileItem[],
): Promise<IngestOutcome> {
  return ingest(store, context, "profiles", items, async () => {
    const resolver = await NameResolver.load(store.engine, context.workspaceId, {
      features: items.map((item) => ({ featureView: item.featureView, feature: item.feature })),
      savedDatasets: items.flatMap((item) => (item.savedDataset ? [item.savedDataset] : [])),
    });
    const rows = items.map((item, index) => ({
      item,
      featureId: resolver.feature(item.featureView, item.feature, index),
      environmentId: resolver.environment(item.environment, index),
      savedDatasetId: item.savedDataset ? resolver.savedDataset(item.savedDataset, index) : null,
    }));
    resolver.throwIfUnknown();
    rejectDuplicates(
      rows,
      (row) =>
        `${row.featureId}|${row.environmentId}|${row.item.source}|${row.item.windowStart.getTime()}|${row.item.windowEnd.getTime()}`,
      "windowStart",
    );
    return {
      touched: {
        kind: "feature" as const,
        ids: unique(rows.map((row) => row.featureId)),
        environmentIds: unique(rows.map((row) => row.environmentId)),
      },
      result: {},
      write: async (tx: RawTx) => {
        await tx.query(
          `INSERT INTO feature_profile
             (id, workspace_id, feature_id, environment_id, source, window_start, window_end, bin_edges, categories,
              counts, count, null_count, mean, std, min, max, quantiles, saved_dataset_id)
           SELECT u.id, $1, u.feature_id, u.env_id, u.source::"ProfileSource", u.window_start::timestamp(3),
                  u.window_end::timestamp(3), u.bin_edges::float8[], u.categories::text[], u.counts::float8[],
                  u.total, u.nulls, u.mean, u.std, u.min, u.max, u.quantiles::jsonb, u.dataset_id
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                         $9::text[], $10::text[], $11::int8[], $12::int8[], $13::float8[], $14::float8[],
                         $15::float8[], $16::float8[], $17::text[], $18::text[])
               AS u(id, feature_id, env_id, source, window_start, window_end, bin_edges, categories, counts, total,
                    nulls, mean, std, min, max, quantiles, dataset_id)
           ON CONFLICT (feature_id, environment_id, source, window_start, window_end) DO UPDATE SET
             bin_edges = EXCLUDED.bin_edges, categories = EXCLUDED.categories, counts = EXCLUDED.counts,
             count = EXCLUDED.count, null_count = EXCLUDED.null_count, mean = EXCLUDED.mean, std = EXCLUDED.std,
             min = EXCLUDED.min, max = EXCLUDED.max, quantiles = EXCLUDED.quantiles,
             saved_dataset_id = EXCLUDED.saved_dataset_id`,
          [
            context.workspaceId,
            rows.map(() => randomUUID()),
            rows.map((row) => row.featureId),
            rows.map((row) => row.environmentId),
            rows.map((row) => row.item.source),
            rows.map((row) => row.item.windowStart.toISOString()),
            rows.map((row) => row.item.windowEnd.toISOString()),
            rows.map((row) => arrayLiteral(row.item.binEdges ?? [])),
            rows.map((row) => arrayLiteral(row.item.categories ?? [])),
            rows.map((row) => arrayLiteral(row.item.counts)),
            rows.map((row) => row.item.count),
            rows.map((row) => row.item.nullCount),
            rows.map((row) => row.item.mean ?? null),
            rows.map((row) => row.item.std ?? null),
            rows.map((row) => row.item.min ?? null),
            rows.map((row) => row.item.max ?? null),
            rows.map((row) => (row.item.quantiles ? JSON.stringify(row.item.quantiles) : null)),
            rows.map((row) => row.savedDatasetId),
          ],
        );
      },
    };
  });
}
