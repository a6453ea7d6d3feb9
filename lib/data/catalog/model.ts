import "server-only";
import type { Db } from "@/lib/db";
import { HEADER_SELECT, loadCatalogObject } from "./header";

export async function getModelDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const loaded = await loadCatalogObject(prisma, {
    ...options,
    kind: "model",
    find: (where) =>
      prisma.model.findFirst({
        where,
        select: {
          ...HEADER_SELECT,
          version: true,
          endpoint: true,
          trainingDatasetId: true,
          services: { select: { featureService: { select: { id: true, name: true, latencyBudgetMs: true } } } },
        },
      }),
    related: (model) =>
      model.trainingDatasetId
        ? prisma.savedDataset.findFirst({
            where: { id: model.trainingDatasetId, workspaceId: options.workspaceId },
            select: { id: true, name: true, storage: true },
          })
        : Promise.resolve(null),
  });
  if (!loaded) return null;
  const { row: model, versions, related: dataset } = loaded;
  return {
    ...loaded.header,
    version: model.version,
    endpoint: model.endpoint,
    services: model.services.map((s) => s.featureService).sort((a, b) => a.name.localeCompare(b.name)),
    trainingDataset: dataset,
    versions,
  };
}
export type ModelDetail = NonNullable<Awaited<ReturnType<typeof getModelDetail>>>;
