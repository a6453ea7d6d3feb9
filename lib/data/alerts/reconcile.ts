import "server-only";
import { enqueueAlertNotifications, type AlertEventSnapshot } from "@/lib/data/notifications/deliveries";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertSeverity, ObjectKind } from "@/lib/generated/prisma/enums";

/** What a rule found wrong with one object in one environment. */
export interface Violation {
  objectKind: ObjectKind;
  objectId: string;
  environmentId: string;
  severity: AlertSeverity;
  message: string;
  /** Null for a "no data" alert: nothing was measured. */
  value: number | null;
  threshold: number | null;
}

/**
 * Makes a rule's alerts in one environment match what evaluation judged: opens alerts for new
 * violations, updates firing ones whose value or severity moved, ends those whose object is
 * healthy again, and queues their notifications, in one transaction.
 */
export async function reconcileRuleAlerts(
  prisma: Db,
  input: {
    workspaceId: string;
    ruleId: string;
    environmentId: string;
    judged: string[];
    violations: Violation[];
    now: Date;
  },
): Promise<{ opened: number; updated: number; resolved: number; queued: number }> {
  if (input.judged.length === 0) return { opened: 0, updated: 0, resolved: 0, queued: 0 };
  return prisma.$transaction(async (tx) => {
    // Two evaluations of the same rule at once (ingestion and the scheduler) must not both open an alert.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alert:${input.ruleId}:${input.environmentId}`}))`;
    // A rule's firing alerts are few; its judged objects may be 50,000 (no IN list of those).
    const judged = new Set(input.judged);
    const firing = await tx.alert.findMany({
      where: { ruleId: input.ruleId, environmentId: input.environmentId, endedAt: null },
      select: {
        id: true,
        objectKind: true,
        objectId: true,
        severity: true,
        value: true,
        threshold: true,
        message: true,
        acknowledgedAt: true,
        snoozedUntil: true,
        lastNotifiedAt: true,
      },
    });
    const open = firing.filter((alert) => judged.has(alert.objectId));
    const openBy = new Map(open.map((alert) => [alert.objectId, alert]));
    const violated = new Set(input.violations.map((violation) => violation.objectId));
    const notifications: AlertEventSnapshot[] = [];
    const events: { alertId: string; kind: string; detail: object }[] = [];
    const isQuiet = (alert: { acknowledgedAt: Date | null; snoozedUntil: Date | null }) =>
      alert.acknowledgedAt !== null || (alert.snoozedUntil !== null && alert.snoozedUntil > input.now);
    const fresh: Violation[] = [];
    const changes: { id: string; violation: Violation; notify: boolean }[] = [];
    for (const violation of input.violations) {
      const existing = openBy.get(violation.objectId);
      if (!existing) {
        fresh.push(violation);
        continue;
      }
      if (existing.severity === violation.severity && existing.value === violation.value) continue;
      // Escalation is news even for someone who has not acknowledged yet; a quiet alert stays quiet.
      const notify = violation.severity === "critical" && existing.severity === "warning" && !isQuiet(existing);
      changes.push({ id: existing.id, violation, notify });
      if (existing.severity !== violation.severity) {
        events.push({
          alertId: existing.id,
          kind: violation.severity === "critical" ? "escalated" : "deescalated",
          detail: { severity: violation.severity, value: violation.value, threshold: violation.threshold },
        });
        if (notify) notifications.push({ alertId: existing.id, event: "escalated", ...snapshotOf(violation) });
      }
    }
    // Stale views' values move every tick: one statement for all of them, not one per alert.
    if (changes.length > 0) await updateFiringAlerts(tx, changes, input.now);
    const updated = changes.length;
    if (fresh.length > 0) {
      const created = await tx.alert.createManyAndReturn({
        data: fresh.map((violation) => ({
          workspaceId: input.workspaceId,
          ruleId: input.ruleId,
          startedAt: input.now,
          lastNotifiedAt: input.now,
          ...violation,
        })),
        select: { id: true, objectId: true },
      });
      const byObject = new Map(fresh.map((violation) => [violation.objectId, violation]));
      for (const alert of created) {
        const violation = byObject.get(alert.objectId)!;
        events.push({
          alertId: alert.id,
          kind: "opened",
          detail: { severity: violation.severity, value: violation.value, threshold: violation.threshold },
        });
        notifications.push({ alertId: alert.id, event: "opened", ...snapshotOf(violation) });
      }
    }
    const healthy = open.filter((alert) => !violated.has(alert.objectId));
    if (healthy.length > 0) {
      await tx.alert.updateMany({
        where: { id: { in: healthy.map((alert) => alert.id) } },
        data: { endedAt: input.now, resolution: "cleared" },
      });
      for (const alert of healthy) {
        events.push({ alertId: alert.id, kind: "cleared", detail: { value: alert.value } });
        // Only those who were told it fired hear that it cleared.
        if (alert.lastNotifiedAt)
          notifications.push({
            alertId: alert.id,
            event: "resolved",
            objectKind: alert.objectKind,
            objectId: alert.objectId,
            severity: alert.severity,
            value: alert.value,
            threshold: alert.threshold,
            message: alert.message,
            endedAt: input.now.toISOString(),
          });
      }
    }
    if (events.length > 0)
      await tx.alertEvent.createMany({ data: events.map((event) => ({ ...event, at: input.now })) });
    const queued = await enqueueAlertNotifications(tx, input.workspaceId, notifications);
    return { opened: fresh.length, updated, resolved: healthy.length, queued };
  });
}

async function updateFiringAlerts(
  tx: Prisma.TransactionClient,
  changes: { id: string; violation: Violation; notify: boolean }[],
  now: Date,
): Promise<void> {
  await tx.$executeRaw`
    UPDATE alert a SET severity = u.severity::"AlertSeverity", value = u.value, threshold = u.threshold,
           message = u.message, last_notified_at = CASE WHEN u.notify THEN ${now} ELSE a.last_notified_at END
      FROM unnest(${changes.map((change) => change.id)}::text[], ${changes.map((change) => change.violation.severity)}::text[],
                  ${changes.map((change) => change.violation.value)}::float8[],
                  ${changes.map((change) => change.violation.threshold)}::float8[],
                  ${changes.map((change) => change.violation.message)}::text[],
                  ${changes.map((change) => change.notify)}::boolean[]) AS u(id, severity, value, threshold, message, notify)
     WHERE a.id = u.id`;
}

function snapshotOf(violation: Violation) {
  return {
    objectKind: violation.objectKind,
    objectId: violation.objectId,
    severity: violation.severity,
    value: violation.value,
    threshold: violation.threshold,
    message: violation.message,
  };
}
