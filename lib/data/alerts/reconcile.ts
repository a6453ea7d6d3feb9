import "server-only";
import { enqueueAlertNotifications, type AlertEventSnapshot } from "@/lib/data/notifications/deliveries";
import type { Db } from "@/lib/db";
import type { AlertSeverity, ObjectKind } from "@/lib/generated/prisma/enums";

/* One rule's verdicts in one environment turned into alert rows: open, escalate, update, resolve, notify. */

export interface Violation {
  objectKind: ObjectKind;
  objectId: string;
  environmentId: string;
  severity: AlertSeverity;
  message: string;
  value: number;
  threshold: number;
}

/** Brings one rule's alerts in one environment in line with its violations among the judged objects. */
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
): Promise<{ opened: number; updated: number; resolved: number }> {
  if (input.judged.length === 0) return { opened: 0, updated: 0, resolved: 0 };
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
    let updated = 0;
    const fresh: Violation[] = [];
    for (const violation of input.violations) {
      const existing = openBy.get(violation.objectId);
      if (!existing) {
        fresh.push(violation);
        continue;
      }
      if (existing.severity === violation.severity && existing.value === violation.value) continue;
      await tx.alert.update({
        where: { id: existing.id },
        data: {
          severity: violation.severity,
          value: violation.value,
          threshold: violation.threshold,
          message: violation.message,
          ...(violation.severity === "critical" && existing.severity === "warning" && !isQuiet(existing)
            ? { lastNotifiedAt: input.now }
            : {}),
        },
      });
      updated++;
      if (existing.severity !== violation.severity) {
        events.push({
          alertId: existing.id,
          kind: violation.severity === "critical" ? "escalated" : "deescalated",
          detail: { severity: violation.severity, value: violation.value, threshold: violation.threshold },
        });
        // Escalation is news even for someone who has not acknowledged yet; a quiet alert stays quiet.
        if (violation.severity === "critical" && !isQuiet(existing))
          notifications.push({ alertId: existing.id, event: "escalated", ...snapshotOf(violation) });
      }
    }
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
    await enqueueAlertNotifications(tx, input.workspaceId, notifications);
    return { opened: fresh.length, updated, resolved: healthy.length };
  });
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
