import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * What people do with an alert: acknowledge it with a note, snooze it, resolve it, or mute its
 * rule for the object. Each change is one transaction that writes the alert, a timeline event
 * (`alert_event`) and an audit row.
 */
type Tx = Prisma.TransactionClient;

async function findAlert(tx: Tx, workspaceId: string, alertId: string) {
  const alert = await tx.alert.findFirst({
    where: { id: alertId, workspaceId },
    select: {
      id: true,
      ruleId: true,
      objectKind: true,
      objectId: true,
      message: true,
      acknowledgedAt: true,
      snoozedUntil: true,
      endedAt: true,
    },
  });
  if (!alert) throw new AppError("not_found", "No such alert in this workspace.");
  return alert;
}

type FoundAlert = Awaited<ReturnType<typeof findAlert>>;

async function record(
  tx: Tx,
  input: { workspaceId: string; alert: FoundAlert; kind: string; note?: string | null; detail?: object },
  actor: Actor,
) {
  await tx.alertEvent.create({
    data: {
      alertId: input.alert.id,
      kind: input.kind,
      actorUserId: actor.userId ?? null,
      note: input.note || null,
      ...(input.detail ? { detail: input.detail } : {}),
    },
  });
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actor,
    action: `alert.${input.kind}`,
    objectKind: input.alert.objectKind,
    objectId: input.alert.objectId,
    after: { alertId: input.alert.id, message: input.alert.message, note: input.note || null, ...input.detail },
  });
}

function assertFiring(alert: FoundAlert, what: string) {
  if (alert.endedAt) throw new AppError("conflict", `This alert has ended; there is nothing to ${what}.`);
}

/**
 * Acknowledges a firing alert: no more badges or repeated notifications, the alert stays until
 * its condition ends. Acknowledging twice is a no-op, so a double click or a retry is harmless.
 */
export async function acknowledgeAlert(
  prisma: Db,
  input: { workspaceId: string; alertId: string; note?: string | null },
  actor: Actor,
): Promise<{ id: string; acknowledgedAt: string }> {
  return prisma.$transaction(async (tx) => {
    const alert = await findAlert(tx, input.workspaceId, input.alertId);
    if (alert.acknowledgedAt) return { id: alert.id, acknowledgedAt: alert.acknowledgedAt.toISOString() };
    assertFiring(alert, "acknowledge");
    const acknowledgedAt = new Date();
    await tx.alert.update({
      where: { id: alert.id },
      data: { acknowledgedAt, acknowledgedById: actor.userId ?? null, acknowledgedNote: input.note || null },
    });
    await record(tx, { workspaceId: input.workspaceId, alert, kind: "acknowledge", note: input.note }, actor);
    return { id: alert.id, acknowledgedAt: acknowledgedAt.toISOString() };
  });
}

/** Snoozes a firing alert until a time (no badge, no notification until then); `until: null` wakes it. */
export async function snoozeAlert(
  prisma: Db,
  input: { workspaceId: string; alertId: string; until: Date | null; note?: string | null },
  actor: Actor,
): Promise<{ id: string; snoozedUntil: string | null }> {
  if (input.until && input.until.getTime() <= Date.now())
    throw new AppError("unprocessable", "Choose a time in the future.", {
      fields: [{ path: "until", message: "Must be in the future" }],
    });
  return prisma.$transaction(async (tx) => {
    const alert = await findAlert(tx, input.workspaceId, input.alertId);
    assertFiring(alert, "snooze");
    await tx.alert.update({ where: { id: alert.id }, data: { snoozedUntil: input.until } });
    await record(
      tx,
      {
        workspaceId: input.workspaceId,
        alert,
        kind: input.until ? "snooze" : "unsnooze",
        note: input.note,
        detail: input.until ? { until: input.until.toISOString() } : undefined,
      },
      actor,
    );
    return { id: alert.id, snoozedUntil: input.until?.toISOString() ?? null };
  });
}

/**
 * Resolves a firing alert by hand. If its condition still holds, the next evaluation opens a
 * new alert: resolving says "handled", muting says "do not tell me about this object".
 */
export async function resolveAlert(
  prisma: Db,
  input: { workspaceId: string; alertId: string; note?: string | null },
  actor: Actor,
): Promise<{ id: string; endedAt: string }> {
  return prisma.$transaction(async (tx) => {
    const alert = await findAlert(tx, input.workspaceId, input.alertId);
    if (alert.endedAt) return { id: alert.id, endedAt: alert.endedAt.toISOString() };
    const endedAt = new Date();
    await tx.alert.update({
      where: { id: alert.id },
      data: { endedAt, resolution: "resolved", resolvedById: actor.userId ?? null },
    });
    await record(tx, { workspaceId: input.workspaceId, alert, kind: "resolve", note: input.note }, actor);
    return { id: alert.id, endedAt: endedAt.toISOString() };
  });
}

/**
 * Mutes the alert's rule for its object (every environment) until a time, or until unmuted:
 * evaluation skips the object, and its firing alerts of that rule end as "muted".
 */
export async function muteRuleForObject(
  prisma: Db,
  input: { workspaceId: string; alertId: string; until: Date | null; note?: string | null },
  actor: Actor,
): Promise<{ ruleId: string; objectId: string; until: string | null }> {
  if (input.until && input.until.getTime() <= Date.now())
    throw new AppError("unprocessable", "Choose a time in the future.", {
      fields: [{ path: "until", message: "Must be in the future" }],
    });
  return prisma.$transaction(async (tx) => {
    const alert = await findAlert(tx, input.workspaceId, input.alertId);
    const key = { ruleId: alert.ruleId, objectId: alert.objectId };
    const mute = { until: input.until, note: input.note || null, mutedById: actor.userId ?? null, mutedAt: new Date() };
    await tx.ruleMute.upsert({ where: { ruleId_objectId: key }, create: { ...key, ...mute }, update: mute });
    const firing = await tx.alert.findMany({
      where: { ruleId: alert.ruleId, objectId: alert.objectId, endedAt: null },
      select: { id: true },
    });
    if (firing.length > 0) {
      await tx.alert.updateMany({
        where: { id: { in: firing.map((row) => row.id) } },
        data: { endedAt: new Date(), resolution: "muted" },
      });
    }
    await record(
      tx,
      {
        workspaceId: input.workspaceId,
        alert,
        kind: "mute",
        note: input.note,
        detail: { ruleId: alert.ruleId, until: input.until?.toISOString() ?? null },
      },
      actor,
    );
    return { ...key, until: input.until?.toISOString() ?? null };
  });
}

/** Lifts a rule's mute for an object; the next evaluation judges it again. */
export async function unmuteRuleForObject(
  prisma: Db,
  input: { workspaceId: string; alertId: string },
  actor: Actor,
): Promise<{ ruleId: string; objectId: string }> {
  return prisma.$transaction(async (tx) => {
    const alert = await findAlert(tx, input.workspaceId, input.alertId);
    const key = { ruleId: alert.ruleId, objectId: alert.objectId };
    const deleted = await tx.ruleMute.deleteMany({ where: key });
    if (deleted.count > 0) await record(tx, { workspaceId: input.workspaceId, alert, kind: "unmute" }, actor);
    return key;
  });
}
