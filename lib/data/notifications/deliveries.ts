import "server-only";
import { objectNames } from "@/lib/data/alerts/names";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import type { AlertSeverity, ObjectKind } from "@/lib/generated/prisma/enums";
import { nextRetryDelayMs, type AlertNotification } from "@/lib/notifications/message";
import { DeliveryError, sendNotification } from "@/lib/notifications/senders";

type Tx = Prisma.TransactionClient | Db;

/** What an alert looked like when the event happened; the names are read when it is sent. */
export interface AlertEventSnapshot {
  alertId: string;
  event: Exclude<AlertNotification["event"], "test">;
  objectKind: ObjectKind;
  objectId: string;
  severity: AlertSeverity;
  value: number | null;
  threshold: number | null;
  message: string;
  endedAt?: string | null;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { warning: 0, critical: 1 };

/** The team owning each object (a feature belongs to its view's team), keyed `kind:id`. */
async function ownerTeams(tx: Tx, refs: readonly { objectKind: ObjectKind; objectId: string }[]) {
  const ids = (kind: ObjectKind) => [...new Set(refs.filter((r) => r.objectKind === kind).map((r) => r.objectId))];
  const [views, services, features] = await Promise.all([
    ids("feature_view").length
      ? tx.featureView.findMany({ where: { id: { in: ids("feature_view") } }, select: { id: true, teamId: true } })
      : [],
    ids("feature_service").length
      ? tx.featureService.findMany({
          where: { id: { in: ids("feature_service") } },
          select: { id: true, teamId: true },
        })
      : [],
    ids("feature").length
      ? tx.feature.findMany({
          where: { id: { in: ids("feature") } },
          select: { id: true, featureView: { select: { teamId: true } } },
        })
      : [],
  ]);
  const teams = new Map<string, string | null>();
  for (const view of views) teams.set(`feature_view:${view.id}`, view.teamId);
  for (const service of services) teams.set(`feature_service:${service.id}`, service.teamId);
  for (const feature of features) teams.set(`feature:${feature.id}`, feature.featureView.teamId);
  return teams;
}

/**
 * Queues one delivery per (event, matching channel), inside the caller's transaction (the
 * evaluation's), so an alert and its notifications commit together. Nothing is sent here: the
 * `deliveries` scheduler task sends them, so a slow or failing receiver never holds evaluation.
 * Routing: a channel takes alerts of at least its severity, on objects of its team (or any).
 */
export async function enqueueAlertNotifications(
  tx: Tx,
  workspaceId: string,
  events: readonly AlertEventSnapshot[],
): Promise<number> {
  if (events.length === 0) return 0;
  const channels = await tx.notificationChannel.findMany({
    where: { workspaceId, enabled: true },
    select: { id: true, minSeverity: true, teamId: true },
  });
  if (channels.length === 0) return 0;
  const teams = channels.some((channel) => channel.teamId) ? await ownerTeams(tx, events) : new Map();
  const rows: Prisma.NotificationDeliveryCreateManyInput[] = [];
  for (const event of events) {
    const owner = teams.get(`${event.objectKind}:${event.objectId}`) ?? null;
    for (const channel of channels) {
      if (SEVERITY_RANK[event.severity] < SEVERITY_RANK[channel.minSeverity]) continue;
      if (channel.teamId && channel.teamId !== owner) continue;
      rows.push({
        workspaceId,
        channelId: channel.id,
        alertId: event.alertId,
        event: event.event,
        payload: { ...event } as unknown as Prisma.InputJsonValue,
      });
    }
  }
  if (rows.length > 0) await tx.notificationDelivery.createMany({ data: rows });
  return rows.length;
}

export function appBaseUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

/** Renders a queued delivery into what its channel sends. */
async function renderNotification(
  prisma: Db,
  delivery: { workspaceId: string; alertId: string | null; event: string; payload: unknown; createdAt: Date },
): Promise<AlertNotification> {
  if (delivery.event === "test" || !delivery.alertId) return delivery.payload as AlertNotification;
  const snapshot = delivery.payload as AlertEventSnapshot;
  const alert = await prisma.alert.findUnique({
    where: { id: delivery.alertId },
    select: {
      startedAt: true,
      environmentId: true,
      rule: { select: { name: true, kind: true } },
    },
  });
  if (!alert) throw new DeliveryError("The alert was deleted");
  const [names, environment] = await Promise.all([
    objectNames(prisma, delivery.workspaceId, [snapshot]),
    prisma.environment.findUnique({ where: { id: alert.environmentId }, select: { name: true } }),
  ]);
  return {
    event: snapshot.event,
    alert: {
      id: delivery.alertId,
      rule: alert.rule.name,
      ruleKind: alert.rule.kind,
      severity: snapshot.severity,
      objectKind: snapshot.objectKind,
      objectName: names.get(`${snapshot.objectKind}:${snapshot.objectId}`) ?? snapshot.objectId,
      environment: environment?.name ?? "",
      message: snapshot.message,
      value: snapshot.value,
      threshold: snapshot.threshold,
      startedAt: alert.startedAt.toISOString(),
      endedAt: snapshot.endedAt ?? null,
    },
    url: `${appBaseUrl()}/monitoring/alerts/${delivery.alertId}`,
    sentAt: new Date().toISOString(),
  };
}

export interface DrainResult {
  sent: number;
  failed: number;
  givenUp: number;
}

const LEASE_SECONDS = 60;

/**
 * Sends due deliveries (new ones and retries whose backoff has passed). Each is claimed with a
 * lease first, so several instances draining at once never send one twice; claimed deliveries
 * are sent concurrently, so one slow receiver does not hold the others.
 */
export async function drainDeliveries(
  prisma: Db,
  options: { now?: Date; limit?: number; ids?: string[] } = {},
): Promise<DrainResult> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  const ids = options.ids ?? null;
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE notification_delivery SET lease_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)},
      attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM notification_delivery
      WHERE status IN ('pending', 'failed') AND next_attempt_at <= ${now}
        AND (lease_until IS NULL OR lease_until < ${now})
        AND (${ids}::text[] IS NULL OR id = ANY(${ids}::text[]))
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    AND status IN ('pending', 'failed') AND (lease_until IS NULL OR lease_until < ${now})
    RETURNING id`;
  const result: DrainResult = { sent: 0, failed: 0, givenUp: 0 };
  await Promise.all(
    claimed.map(async ({ id }) => {
      const outcome = await deliverOne(prisma, id, now);
      if (outcome === "sent") result.sent++;
      else if (outcome === "failed") result.failed++;
      else result.givenUp++;
    }),
  );
  return result;
}

async function deliverOne(prisma: Db, id: string, now: Date): Promise<"sent" | "failed" | "given_up"> {
  const delivery = await prisma.notificationDelivery.findUniqueOrThrow({
    where: { id },
    include: { channel: { select: { kind: true, target: true, signingSecret: true, enabled: true } } },
  });
  try {
    if (!delivery.channel.enabled && delivery.event !== "test") throw new DeliveryError("The channel is disabled");
    const notification = await renderNotification(prisma, delivery);
    const sent = await sendNotification(delivery.channel, notification);
    await prisma.notificationDelivery.update({
      where: { id },
      data: {
        status: "sent",
        sentAt: new Date(),
        leaseUntil: null,
        lastError: null,
        responseStatus: sent.responseStatus ?? null,
      },
    });
    return "sent";
  } catch (error) {
    const delay = delivery.channel.enabled ? nextRetryDelayMs(delivery.attempts) : null;
    const message = error instanceof DeliveryError ? error.message : `Unexpected: ${(error as Error).message}`;
    await prisma.notificationDelivery.update({
      where: { id },
      data: {
        status: delay === null ? "given_up" : "failed",
        lastError: message.slice(0, 500),
        responseStatus: error instanceof DeliveryError ? (error.responseStatus ?? null) : null,
        leaseUntil: null,
        ...(delay === null ? {} : { nextAttemptAt: new Date(now.getTime() + delay) }),
      },
    });
    return delay === null ? "given_up" : "failed";
  }
}

export interface DeliveryListItem {
  id: string;
  channelId: string;
  channelName: string;
  channelKind: string;
  alertId: string | null;
  event: string;
  status: string;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/** The delivery log of one alert or one channel, newest first. */
export async function listDeliveries(
  prisma: Db,
  options: { workspaceId: string; alertId?: string; channelId?: string; limit?: number },
): Promise<DeliveryListItem[]> {
  // A channel of another workspace (or none) is a 404, not an empty log that hides the mistake.
  if (options.channelId) {
    const channel = await prisma.notificationChannel.findFirst({
      where: { id: options.channelId, workspaceId: options.workspaceId },
      select: { id: true },
    });
    if (!channel) throw new AppError("not_found", "No such channel in this workspace.");
  }
  const rows = await prisma.notificationDelivery.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(options.alertId ? { alertId: options.alertId } : {}),
      ...(options.channelId ? { channelId: options.channelId } : {}),
    },
    include: { channel: { select: { name: true, kind: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(options.limit ?? 100, 500),
  });
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channelId,
    channelName: row.channel.name,
    channelKind: row.channel.kind,
    alertId: row.alertId,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    responseStatus: row.responseStatus,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "failed" ? row.nextAttemptAt.toISOString() : null,
  }));
}
