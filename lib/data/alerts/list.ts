import "server-only";
import { alertObjectKey, openAlertWhere } from "@/lib/data/alerts/badges";
import { objectNames, userNames } from "@/lib/data/alerts/names";
import { listDeliveries, type DeliveryListItem } from "@/lib/data/notifications/deliveries";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AlertSeverity, ObjectKind } from "@/lib/generated/prisma/enums";

/** "firing": not ended, acknowledged or not; "snoozed": firing, notifications paused. */
export type AlertState = "open" | "acknowledged" | "snoozed" | "firing" | "resolved" | "all";

export interface AlertListItem {
  id: string;
  ruleId: string;
  ruleName: string;
  kind: string;
  objectKind: ObjectKind;
  objectId: string;
  objectName: string | null;
  environmentId: string;
  environmentName: string;
  severity: AlertSeverity;
  message: string;
  value: number | null;
  threshold: number | null;
  startedAt: string;
  endedAt: string | null;
  /** cleared (the condition cleared), resolved (by a person), rule_disabled, muted. */
  resolution: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedNote: string | null;
  /** Set while a snooze lasts. */
  snoozedUntil: string | null;
}

const ALERT_SELECT = {
  id: true,
  ruleId: true,
  objectKind: true,
  objectId: true,
  environmentId: true,
  severity: true,
  message: true,
  value: true,
  threshold: true,
  startedAt: true,
  endedAt: true,
  resolution: true,
  acknowledgedAt: true,
  acknowledgedById: true,
  acknowledgedNote: true,
  snoozedUntil: true,
  rule: { select: { name: true, kind: true } },
} as const;

function stateWhere(state: AlertState, now: Date) {
  switch (state) {
    case "open":
      return openAlertWhere(now);
    case "acknowledged":
      return { endedAt: null, acknowledgedAt: { not: null } };
    case "snoozed":
      return { endedAt: null, acknowledgedAt: null, snoozedUntil: { gt: now } };
    case "firing":
      return { endedAt: null };
    case "resolved":
      return { endedAt: { not: null } };
    case "all":
      return {};
  }
}

/**
 * Alerts of a workspace, newest first. `open`: firing, unacknowledged and not snoozed;
 * `acknowledged`: firing but acknowledged; `resolved`: ended.
 */
export async function listAlerts(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId?: string;
    state?: AlertState;
    objectKind?: ObjectKind;
    objectId?: string;
    /** Alerts on any of these objects (a service's page: the service and what it serves). */
    objects?: { kind: ObjectKind; id: string }[];
    since?: Date;
    limit?: number;
  },
): Promise<AlertListItem[]> {
  if (options.objects && options.objects.length === 0) return [];
  const now = new Date();
  const rows = await prisma.alert.findMany({
    where: {
      AND: [
        {
          workspaceId: options.workspaceId,
          ...(options.environmentId ? { environmentId: options.environmentId } : {}),
          ...(options.objectKind ? { objectKind: options.objectKind } : {}),
          ...(options.objectId ? { objectId: options.objectId } : {}),
        },
        options.objects
          ? { OR: options.objects.map((object) => ({ objectKind: object.kind, objectId: object.id })) }
          : {},
        options.since ? { OR: [{ endedAt: null }, { endedAt: { gte: options.since } }] } : {},
        stateWhere(options.state ?? "open", now),
      ],
    },
    select: ALERT_SELECT,
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: Math.min(options.limit ?? 200, 1000),
  });
  return toListItems(prisma, options.workspaceId, rows);
}

type AlertRow = Awaited<ReturnType<typeof findAlertRows>>[number];
const findAlertRows = (prisma: Db, where: { id: string; workspaceId: string }) =>
  prisma.alert.findMany({ where, select: ALERT_SELECT });

async function toListItems(prisma: Db, workspaceId: string, rows: AlertRow[]): Promise<AlertListItem[]> {
  const [names, environments, users] = await Promise.all([
    objectNames(prisma, workspaceId, rows),
    prisma.environment.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    userNames(
      prisma,
      rows.map((row) => row.acknowledgedById).filter((id): id is string => id !== null),
    ),
  ]);
  const environmentName = new Map(environments.map((env) => [env.id, env.name]));
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.rule.name,
    kind: row.rule.kind,
    objectKind: row.objectKind,
    objectId: row.objectId,
    objectName: names.get(alertObjectKey(row.objectKind, row.objectId)) ?? null,
    environmentId: row.environmentId,
    environmentName: environmentName.get(row.environmentId) ?? "",
    severity: row.severity,
    message: row.message,
    value: row.value,
    threshold: row.threshold,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    resolution: row.resolution,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedById ? (users.get(row.acknowledgedById) ?? null) : null,
    acknowledgedNote: row.acknowledgedNote,
    snoozedUntil: row.snoozedUntil && row.snoozedUntil.getTime() > now ? row.snoozedUntil.toISOString() : null,
  }));
}

export interface AlertTimelineEntry {
  id: string;
  kind: string;
  at: string;
  actor: string | null;
  note: string | null;
  detail: unknown;
}

export interface AlertDetail extends AlertListItem {
  timeline: AlertTimelineEntry[];
  deliveries: DeliveryListItem[];
  /** The rule is muted for this object (until a time, or until unmuted). */
  mute: { until: string | null; note: string | null } | null;
}

/** One alert with its timeline (oldest first), its deliveries and whether its rule is muted for the object. */
export async function getAlert(prisma: Db, options: { workspaceId: string; alertId: string }): Promise<AlertDetail> {
  const rows = await findAlertRows(prisma, { id: options.alertId, workspaceId: options.workspaceId });
  if (rows.length === 0) throw new AppError("not_found", "No such alert in this workspace.");
  const [item] = await toListItems(prisma, options.workspaceId, rows);
  const [events, deliveries, mute] = await Promise.all([
    prisma.alertEvent.findMany({ where: { alertId: options.alertId }, orderBy: { id: "asc" } }),
    listDeliveries(prisma, { workspaceId: options.workspaceId, alertId: options.alertId }),
    prisma.ruleMute.findUnique({
      where: { ruleId_objectId: { ruleId: item!.ruleId, objectId: item!.objectId } },
      select: { until: true, note: true },
    }),
  ]);
  const actors = await userNames(
    prisma,
    events.map((event) => event.actorUserId).filter((id): id is string => id !== null),
  );
  const isMuted = mute && (mute.until === null || mute.until.getTime() > Date.now());
  return {
    ...item!,
    timeline: events.map((event) => ({
      id: event.id.toString(),
      kind: event.kind,
      at: event.at.toISOString(),
      actor: event.actorUserId ? (actors.get(event.actorUserId) ?? null) : null,
      note: event.note,
      detail: event.detail,
    })),
    deliveries,
    mute: isMuted ? { until: mute.until?.toISOString() ?? null, note: mute.note } : null,
  };
}
