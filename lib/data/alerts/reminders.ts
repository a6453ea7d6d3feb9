import "server-only";
import { enqueueAlertNotifications } from "@/lib/data/notifications/deliveries";
import type { Db } from "@/lib/db";

/**
 * Queues a "still firing" notification for each alert that is firing, not acknowledged, not
 * snoozed and was last notified at least `repeatMs` ago. Acknowledging an alert stops them;
 * a snooze pauses them until it ends.
 */
export async function enqueueAlertReminders(
  prisma: Db,
  options: { now: Date; repeatMs: number; limit?: number },
): Promise<number> {
  const due = new Date(options.now.getTime() - options.repeatMs);
  const alerts = await prisma.alert.findMany({
    where: {
      endedAt: null,
      acknowledgedAt: null,
      AND: [
        { OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: options.now } }] },
        { OR: [{ lastNotifiedAt: null, startedAt: { lte: due } }, { lastNotifiedAt: { lte: due } }] },
      ],
    },
    select: {
      id: true,
      workspaceId: true,
      objectKind: true,
      objectId: true,
      severity: true,
      value: true,
      threshold: true,
      message: true,
      lastNotifiedAt: true,
    },
    orderBy: { startedAt: "asc" },
    take: options.limit ?? 500,
  });
  let queued = 0;
  const byWorkspace = new Map<string, typeof alerts>();
  for (const alert of alerts)
    byWorkspace.set(alert.workspaceId, [...(byWorkspace.get(alert.workspaceId) ?? []), alert]);
  for (const [workspaceId, group] of byWorkspace) {
    queued += await prisma.$transaction(async (tx) => {
      // Conditional on lastNotifiedAt unchanged, so an alert is reminded once even if two ticks overlap.
      const claimed: typeof group = [];
      for (const alert of group) {
        const { count } = await tx.alert.updateMany({
          where: { id: alert.id, lastNotifiedAt: alert.lastNotifiedAt },
          data: { lastNotifiedAt: options.now },
        });
        if (count === 1) claimed.push(alert);
      }
      return enqueueAlertNotifications(
        tx,
        workspaceId,
        claimed.map(({ id, objectKind, objectId, severity, value, threshold, message }) => ({
          alertId: id,
          event: "reminder" as const,
          objectKind,
          objectId,
          severity,
          value,
          threshold,
          message,
        })),
      );
    });
  }
  return queued;
}
