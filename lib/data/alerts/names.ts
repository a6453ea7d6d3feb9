import "server-only";
import { alertObjectKey } from "@/lib/data/alerts/badges";
import type { Db } from "@/lib/db";
import type { ObjectKind } from "@/lib/generated/prisma/enums";

/** Display names of users (who acknowledged, snoozed, resolved). */
export async function userNames(prisma: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Display names of the objects alerts point at, keyed like the badges. */
export async function objectNames(
  prisma: Db,
  workspaceId: string,
  refs: readonly { objectKind: ObjectKind; objectId: string }[],
): Promise<Map<string, string>> {
  const idsOf = (kind: ObjectKind) => [
    ...new Set(refs.filter((ref) => ref.objectKind === kind).map((ref) => ref.objectId)),
  ];
  const names = new Map<string, string>();
  const featureViewIds = idsOf("feature_view");
  const serviceIds = idsOf("feature_service");
  const featureIds = idsOf("feature");
  const modelIds = idsOf("model");
  const [views, services, features, models] = await Promise.all([
    featureViewIds.length
      ? prisma.featureView.findMany({
          where: { workspaceId, id: { in: featureViewIds } },
          select: { id: true, name: true },
        })
      : [],
    serviceIds.length
      ? prisma.featureService.findMany({
          where: { workspaceId, id: { in: serviceIds } },
          select: { id: true, name: true },
        })
      : [],
    featureIds.length
      ? prisma.feature.findMany({
          where: { workspaceId, id: { in: featureIds } },
          select: { id: true, name: true, featureView: { select: { name: true } } },
        })
      : [],
    modelIds.length
      ? prisma.model.findMany({ where: { workspaceId, id: { in: modelIds } }, select: { id: true, name: true } })
      : [],
  ]);
  for (const view of views) names.set(alertObjectKey("feature_view", view.id), view.name);
  for (const service of services) names.set(alertObjectKey("feature_service", service.id), service.name);
  for (const feature of features)
    names.set(alertObjectKey("feature", feature.id), `${feature.featureView.name}:${feature.name}`);
  for (const model of models) names.set(alertObjectKey("model", model.id), model.name);
  return names;
}
