import "server-only";
import type { Db } from "@/lib/db";
import { HEADER_SELECT } from "./header";

/** What a feature view's page and its features' pages both show of the view. */
export const VIEW_SELECT = {
  ...HEADER_SELECT,
  kind: true,
  transformation: true,
  transformationLanguage: true,
  schedule: true,
  scheduleSeconds: true,
  ttlSeconds: true,
  slideInterval: true,
  slideIntervalSeconds: true,
  freshnessSlaSeconds: true,
  online: true,
  offline: true,
  entities: {
    select: {
      entity: {
        select: {
          id: true,
          name: true,
          joinKeys: { select: { name: true, valueType: true }, orderBy: { position: "asc" } },
        },
      },
    },
  },
  sources: { select: { dataSourceId: true } },
  inputs: { select: { inputFeatureView: { select: { id: true, name: true, kind: true } } } },
  aggregations: {
    select: { function: true, column: true, windows: true, slideInterval: true },
    orderBy: { position: "asc" },
  },
} as const;

/** The fields of a view its freshness is judged on (a feature's and a view's page keep them apart). */
export function healthViewOf(view: {
  id: string;
  kind: "batch" | "stream" | "on_demand";
  scheduleSeconds: number | null;
  slideIntervalSeconds: number | null;
  freshnessSlaSeconds: number | null;
}) {
  const { id, kind, scheduleSeconds, slideIntervalSeconds, freshnessSlaSeconds } = view;
  return { id, kind, scheduleSeconds, slideIntervalSeconds, freshnessSlaSeconds };
}

export async function sourcesByIds(prisma: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return prisma.dataSource.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, name: true, kind: true, platform: true, location: true },
    orderBy: { name: "asc" },
  });
}

export function viewSummary(view: {
  id: string;
  name: string;
  kind: "batch" | "stream" | "on_demand";
  transformation: string;
  transformationLanguage: string;
  schedule: string | null;
  ttlSeconds: number | null;
  slideInterval: string | null;
  online: boolean;
  offline: boolean;
  entities: { entity: { id: string; name: string; joinKeys: { name: string; valueType: string }[] } }[];
  inputs: { inputFeatureView: { id: string; name: string; kind: string } }[];
  aggregations: { function: string; column: string; windows: string[]; slideInterval: string | null }[];
}) {
  return {
    id: view.id,
    name: view.name,
    kind: view.kind,
    transformation: view.transformation,
    transformationLanguage: view.transformationLanguage,
    schedule: view.schedule,
    ttlSeconds: view.ttlSeconds,
    slideInterval: view.slideInterval,
    online: view.online,
    offline: view.offline,
    entities: view.entities.map((e) => e.entity),
    inputs: view.inputs.map((i) => i.inputFeatureView),
    aggregations: view.aggregations,
  };
}
