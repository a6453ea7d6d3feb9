import "server-only";
import type { Db } from "@/lib/db";
import { freshnessSlaSeconds } from "@/lib/monitoring/freshness";
import { loadCatalogObject } from "./header";
import { viewFreshnessDetail } from "./health";
import { featureUsage } from "./usage";
import { VIEW_SELECT, healthViewOf, sourcesByIds, viewSummary } from "./view-summary";

/** A feature view's page: what the registry holds, and its freshness in the environment (object-detail.ts). */
export type FeatureViewDetail = Omit<FeatureViewRegistryDetail, "healthView"> & {
  freshness: Awaited<ReturnType<typeof viewFreshness>>;
};

/** A view's freshness in an environment, as its page shows it. */
export async function viewFreshness(
  prisma: Db,
  options: {
    view: FeatureViewRegistryDetail["healthView"];
    environment: { id: string; name: string };
    now?: Date;
  },
) {
  const freshness = await viewFreshnessDetail(prisma, options.view, options.environment.id, options.now ?? new Date());
  return freshness ? { ...freshness, environment: options.environment.name } : null;
}

/** Everything of a feature view's page that only writes change (no clock, no environment). */
export async function getFeatureViewRegistryDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const { workspaceId } = options;
  const loaded = await loadCatalogObject(prisma, {
    workspaceId,
    id: options.id,
    kind: "feature_view",
    find: (where) =>
      prisma.featureView.findFirst({
        where,
        select: {
          ...VIEW_SELECT,
          features: {
            select: { id: true, name: true, valueType: true, description: true },
            orderBy: { position: "asc" },
            take: 1000,
          },
          consumers: { select: { featureView: { select: { id: true, name: true, kind: true } } } },
        },
      }),
    related: (view) =>
      Promise.all([
        sourcesByIds(
          prisma,
          workspaceId,
          view.sources.map((s) => s.dataSourceId),
        ),
        featureUsage(
          prisma,
          workspaceId,
          view.features.map((f) => f.id),
        ),
        prisma.$queryRawUnsafe<{ object_id: string; usage_count: number }[]>(
          `SELECT object_id, usage_count FROM search_document WHERE object_kind = 'feature' AND parent_id = $1 AND workspace_id = $2`,
          view.id,
          workspaceId,
        ),
      ]),
  });
  if (!loaded) return null;
  const { row: view, versions } = loaded;
  const [sources, usage, usageCounts] = loaded.related;
  const usageOf = new Map(usageCounts.map((row) => [row.object_id, Number(row.usage_count)]));
  return {
    ...loaded.header,
    view: viewSummary(view),
    freshnessSlaSeconds: freshnessSlaSeconds(view),
    sources,
    features: view.features.map((f) => ({ ...f, usageCount: usageOf.get(f.id) ?? 0 })),
    consumers: view.consumers.map((c) => c.featureView),
    usage,
    versions,
    healthView: healthViewOf(view),
  };
}
export type FeatureViewRegistryDetail = NonNullable<Awaited<ReturnType<typeof getFeatureViewRegistryDetail>>>;
