import "server-only";
import type { Db } from "@/lib/db";
import type { AlertSeverity, ObjectKind } from "@/lib/generated/prisma/enums";

/**
 * Open = still firing (not ended), nobody has acknowledged it yet, and not snoozed right now.
 * A function, because "snoozed" depends on the time.
 */
export function openAlertWhere(now = new Date()) {
  return {
    endedAt: null,
    acknowledgedAt: null,
    OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }],
  };
}

export interface OpenAlertBadge {
  count: number;
  /** The worst severity among the object's open alerts. */
  severity: AlertSeverity;
  alertIds: string[];
}

/** `"<object_kind>:<object_id>"`, the key of getOpenAlertsByObject's map. */
export function alertObjectKey(objectKind: ObjectKind | string, objectId: string): string {
  return `${objectKind}:${objectId}`;
}

/**
 * Open alerts per object, for badges in the catalog and on lineage nodes. Keyed by
 * `"<object_kind>:<object_id>"`; without an environment, alerts of every environment count.
 * With `objects`, only theirs (one page's feature and view, rather than the whole workspace's).
 */
export async function getOpenAlertsByObject(
  prisma: Db,
  options: { workspaceId: string; environmentId?: string; objects?: { kind: ObjectKind; id: string }[] },
): Promise<Map<string, OpenAlertBadge>> {
  const rows = await prisma.alert.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(options.environmentId ? { environmentId: options.environmentId } : {}),
      ...openAlertWhere(),
      ...(options.objects
        ? { AND: [{ OR: options.objects.map((object) => ({ objectKind: object.kind, objectId: object.id })) }] }
        : {}),
    },
    select: { id: true, objectKind: true, objectId: true, severity: true },
    orderBy: { startedAt: "desc" },
  });
  const badges = new Map<string, OpenAlertBadge>();
  for (const row of rows) {
    const key = alertObjectKey(row.objectKind, row.objectId);
    const badge = badges.get(key);
    if (!badge) {
      badges.set(key, { count: 1, severity: row.severity, alertIds: [row.id] });
      continue;
    }
    badge.count += 1;
    badge.alertIds.push(row.id);
    if (row.severity === "critical") badge.severity = "critical";
  }
  return badges;
}
