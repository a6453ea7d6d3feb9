import "server-only";
import type { Db } from "@/lib/db";
import { HEADER_SELECT, loadCatalogObject } from "./header";

export async function getSavedDatasetDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const loaded = await loadCatalogObject(prisma, {
    ...options,
    kind: "saved_dataset",
    find: (where) =>
      prisma.savedDataset.findFirst({
        where,
        select: {
          ...HEADER_SELECT,
          storage: true,
          featureServiceId: true,
          featureRefs: true,
          rowCount: true,
          startAt: true,
          endAt: true,
        },
      }),
    related: (dataset) =>
      Promise.all([
        dataset.featureServiceId
          ? prisma.featureService.findFirst({
              where: { id: dataset.featureServiceId, workspaceId: options.workspaceId },
              select: { id: true, name: true },
            })
          : null,
        prisma.model.findMany({
          where: { workspaceId: options.workspaceId, trainingDatasetId: dataset.id },
          select: { id: true, name: true, version: true },
        }),
      ]),
  });
  if (!loaded) return null;
  const { row: dataset, versions } = loaded;
  const [service, models] = loaded.related;
  return {
    ...loaded.header,
    storage: dataset.storage,
    featureService: service,
    featureRefs: dataset.featureRefs,
    rowCount: dataset.rowCount === null ? null : Number(dataset.rowCount),
    startAt: dataset.startAt?.toISOString() ?? null,
    endAt: dataset.endAt?.toISOString() ?? null,
    trainedModels: models,
    versions,
  };
}
export type SavedDatasetDetail = NonNullable<Awaited<ReturnType<typeof getSavedDatasetDetail>>>;
