import "server-only";
import type { Db } from "@/lib/db";
import { HEADER_SELECT, loadCatalogObject } from "./header";

export async function getFeatureServiceDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const loaded = await loadCatalogObject(prisma, {
    ...options,
    kind: "feature_service",
    find: (where) =>
      prisma.featureService.findFirst({
        where,
        select: {
          ...HEADER_SELECT,
          latencyBudgetMs: true,
          features: {
            select: {
              feature: {
                select: { id: true, name: true, valueType: true, featureView: { select: { id: true, name: true } } },
              },
            },
          },
          models: { select: { model: { select: { id: true, name: true, version: true, endpoint: true } } } },
        },
      }),
    related: (service) =>
      prisma.savedDataset.findMany({
        where: { workspaceId: options.workspaceId, featureServiceId: service.id },
        select: { id: true, name: true },
      }),
  });
  if (!loaded) return null;
  const { row: service, versions, related: datasets } = loaded;
  const byView = new Map<
    string,
    { view: { id: string; name: string }; features: { id: string; name: string; valueType: string }[] }
  >();
  for (const { feature } of service.features) {
    const group = byView.get(feature.featureView.id) ?? { view: feature.featureView, features: [] };
    group.features.push({ id: feature.id, name: feature.name, valueType: feature.valueType });
    byView.set(feature.featureView.id, group);
  }
  const groups = [...byView.values()].sort((a, b) => a.view.name.localeCompare(b.view.name));
  for (const group of groups) group.features.sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...loaded.header,
    latencyBudgetMs: service.latencyBudgetMs,
    featureGroups: groups,
    featureCount: service.features.length,
    models: service.models.map((m) => m.model).sort((a, b) => a.name.localeCompare(b.name)),
    savedDatasets: datasets,
    versions,
  };
}
export type FeatureServiceDetail = NonNullable<Awaited<ReturnType<typeof getFeatureServiceDetail>>>;
