import "server-only";
import type { Db } from "@/lib/db";
import { HEADER_SELECT, loadCatalogObject } from "./header";

export async function getDataSourceDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const loaded = await loadCatalogObject(prisma, {
    ...options,
    kind: "data_source",
    find: (where) =>
      prisma.dataSource.findFirst({
        where,
        select: {
          ...HEADER_SELECT,
          kind: true,
          platform: true,
          location: true,
          eventTimestampColumn: true,
          batchSourceId: true,
          options: true,
          columns: { select: { id: true, name: true, type: true, description: true }, orderBy: { position: "asc" } },
        },
      }),
    related: (source) =>
      Promise.all([
        prisma.featureViewSource.findMany({
          where: { dataSourceId: source.id, featureView: { workspaceId: options.workspaceId } },
          select: { featureView: { select: { id: true, name: true, kind: true, owner: true } } },
          take: 500,
        }),
        source.batchSourceId
          ? prisma.dataSource.findFirst({
              where: { id: source.batchSourceId, workspaceId: options.workspaceId },
              select: { id: true, name: true },
            })
          : null,
        prisma.dataSource.findMany({
          where: { workspaceId: options.workspaceId, batchSourceId: source.id },
          select: { id: true, name: true },
        }),
      ]),
  });
  if (!loaded) return null;
  const { row: source, versions } = loaded;
  const [links, batchSource, backfills] = loaded.related;
  return {
    ...loaded.header,
    sourceKind: source.kind,
    platform: source.platform,
    location: source.location,
    eventTimestampColumn: source.eventTimestampColumn,
    options: source.options as Record<string, unknown>,
    columns: source.columns,
    batchSource,
    backfills,
    downstreamViews: links.map((l) => l.featureView).sort((a, b) => a.name.localeCompare(b.name)),
    versions,
  };
}
export type DataSourceDetail = NonNullable<Awaited<ReturnType<typeof getDataSourceDetail>>>;
