import "server-only";
import type { Db } from "@/lib/db";
import { HEADER_SELECT, loadCatalogObject } from "./header";

export async function getEntityDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const loaded = await loadCatalogObject(prisma, {
    ...options,
    kind: "entity",
    find: (where) =>
      prisma.entity.findFirst({
        where,
        select: {
          ...HEADER_SELECT,
          joinKeys: { select: { name: true, valueType: true }, orderBy: { position: "asc" } },
          views: { select: { featureView: { select: { id: true, name: true, kind: true, owner: true } } }, take: 500 },
        },
      }),
    related: async () => null,
  });
  if (!loaded) return null;
  const { row: entity, versions } = loaded;
  return {
    ...loaded.header,
    joinKeys: entity.joinKeys,
    views: entity.views.map((v) => v.featureView).sort((a, b) => a.name.localeCompare(b.name)),
    versions,
  };
}
export type EntityDetail = NonNullable<Awaited<ReturnType<typeof getEntityDetail>>>;
