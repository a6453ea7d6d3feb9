import "server-only";
import type { Db } from "@/lib/db";
import type { ObjectKind } from "@/lib/generated/prisma/enums";

/**
 * The id and name of one registry object of any kind, found by id and/or name inside a
 * workspace (the workspace check is in the `where`), or null.
 */
export async function findObjectRow(
  prisma: Db,
  workspaceId: string,
  kind: ObjectKind,
  by: { id?: string; name?: string },
): Promise<{ id: string; name: string } | null> {
  const where = { workspaceId, ...(by.id ? { id: by.id } : {}), ...(by.name ? { name: by.name } : {}) };
  const select = { id: true, name: true } as const;
  switch (kind) {
    case "feature":
      return prisma.feature.findFirst({ where, select });
    case "feature_view":
      return prisma.featureView.findFirst({ where, select });
    case "data_source":
      return prisma.dataSource.findFirst({ where, select });
    case "entity":
      return prisma.entity.findFirst({ where, select });
    case "feature_service":
      return prisma.featureService.findFirst({ where, select });
    case "model":
      return prisma.model.findFirst({ where, select });
    case "saved_dataset":
      return prisma.savedDataset.findFirst({ where, select });
  }
}
