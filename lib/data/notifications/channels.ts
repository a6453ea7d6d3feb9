import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { appBaseUrl, drainDeliveries } from "@/lib/data/notifications/deliveries";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import type { AlertNotification } from "@/lib/notifications/message";
import { parseChannelTarget, type ChannelInput, type ChannelUpdate } from "@/lib/validations/channels";

/** A channel as the API and pages show it: never its URL or signing secret. */
export interface ChannelSummary {
  id: string;
  name: string;
  kind: ChannelKind;
  /** Where it goes, without secrets: the host of a webhook URL, or the email addresses. */
  targetHint: string;
  hasSigningSecret: boolean;
  minSeverity: "warning" | "critical";
  teamId: string | null;
  teamName: string | null;
  enabled: boolean;
  createdAt: string;
  lastDelivery: { status: string; at: string; error: string | null } | null;
}

/** Webhook URLs carry their credentials (Slack's path is a secret): only the host is shown. */
export function targetHint(kind: ChannelKind, target: string): string {
  if (kind === "email") return target;
  try {
    return `${new URL(target).host} (URL hidden)`;
  } catch {
    return "(URL hidden)";
  }
}

const newSigningSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

async function assertTeam(prisma: Db, workspaceId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await prisma.team.findFirst({ where: { id: teamId, workspaceId }, select: { id: true } });
  if (!team)
    throw new AppError("unprocessable", "No such team.", { fields: [{ path: "teamId", message: "No such team" }] });
}

export async function listChannels(prisma: Db, options: { workspaceId: string }): Promise<ChannelSummary[]> {
  const [channels, teams] = await Promise.all([
    prisma.notificationChannel.findMany({
      where: { workspaceId: options.workspaceId },
      orderBy: { name: "asc" },
      include: {
        deliveries: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { status: true, createdAt: true, sentAt: true, lastError: true },
        },
      },
    }),
    prisma.team.findMany({ where: { workspaceId: options.workspaceId }, select: { id: true, name: true } }),
  ]);
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return channels.map((channel) => {
    const last = channel.deliveries[0];
    return {
      id: channel.id,
      name: channel.name,
      kind: channel.kind,
      targetHint: targetHint(channel.kind, channel.target),
      hasSigningSecret: channel.signingSecret !== null,
      minSeverity: channel.minSeverity,
      teamId: channel.teamId,
      teamName: channel.teamId ? (teamName.get(channel.teamId) ?? null) : null,
      enabled: channel.enabled,
      createdAt: channel.createdAt.toISOString(),
      lastDelivery: last
        ? { status: last.status, at: (last.sentAt ?? last.createdAt).toISOString(), error: last.lastError }
        : null,
    };
  });
}

async function summaryOf(prisma: Db, workspaceId: string, id: string): Promise<ChannelSummary> {
  const found = (await listChannels(prisma, { workspaceId })).find((channel) => channel.id === id);
  if (!found) throw new AppError("not_found", "No such channel in this workspace.");
  return found;
}

/** Creates a channel. A generic webhook gets a signing secret, returned this once only. */
export async function createChannel(
  prisma: Db,
  input: ChannelInput & { workspaceId: string },
  actor: Actor,
): Promise<{ channel: ChannelSummary; signingSecret: string | null }> {
  await assertTeam(prisma, input.workspaceId, input.teamId);
  const signingSecret = input.kind === "webhook" ? newSigningSecret() : null;
  const created = await prisma.$transaction(async (tx) => {
    const clash = await tx.notificationChannel.findFirst({
      where: { workspaceId: input.workspaceId, name: input.name },
      select: { id: true },
    });
    if (clash)
      throw new AppError("conflict", `A channel named “${input.name}” already exists.`, {
        fields: [{ path: "name", message: "Already taken" }],
      });
    const channel = await tx.notificationChannel.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        kind: input.kind,
        target: input.target,
        signingSecret,
        minSeverity: input.minSeverity,
        teamId: input.teamId,
        enabled: input.enabled,
      },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "channel.create",
      objectKind: "notification_channel",
      objectId: channel.id,
      objectName: channel.name,
      // The audit log never stores the target or the secret either.
      after: { kind: channel.kind, minSeverity: channel.minSeverity, teamId: channel.teamId, enabled: channel.enabled },
    });
    return channel;
  });
  return { channel: await summaryOf(prisma, input.workspaceId, created.id), signingSecret };
}

/** Edits a channel; a left-out or empty target keeps the saved one. */
export async function updateChannel(
  prisma: Db,
  input: ChannelUpdate & { workspaceId: string; channelId: string },
  actor: Actor,
): Promise<{ channel: ChannelSummary; signingSecret: string | null }> {
  const existing = await prisma.notificationChannel.findFirst({
    where: { id: input.channelId, workspaceId: input.workspaceId },
  });
  if (!existing) throw new AppError("not_found", "No such channel in this workspace.");
  let target: string | undefined;
  if (input.target) {
    const parsed = parseChannelTarget(existing.kind, input.target);
    if (!parsed.success)
      throw new AppError("unprocessable", "Check the target.", {
        fields: [{ path: "target", message: parsed.error.issues[0]?.message ?? "Invalid" }],
      });
    target = parsed.data;
  }
  if (input.teamId !== undefined) await assertTeam(prisma, input.workspaceId, input.teamId);
  const signingSecret = input.rotateSecret && existing.kind === "webhook" ? newSigningSecret() : null;
  await prisma.$transaction(async (tx) => {
    if (input.name && input.name !== existing.name) {
      const clash = await tx.notificationChannel.findFirst({
        where: { workspaceId: input.workspaceId, name: input.name, id: { not: existing.id } },
        select: { id: true },
      });
      if (clash)
        throw new AppError("conflict", `A channel named “${input.name}” already exists.`, {
          fields: [{ path: "name", message: "Already taken" }],
        });
    }
    const updated = await tx.notificationChannel.update({
      where: { id: existing.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(target ? { target } : {}),
        ...(input.minSeverity ? { minSeverity: input.minSeverity } : {}),
        ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(signingSecret ? { signingSecret } : {}),
      },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "channel.update",
      objectKind: "notification_channel",
      objectId: existing.id,
      objectName: updated.name,
      before: {
        name: existing.name,
        minSeverity: existing.minSeverity,
        teamId: existing.teamId,
        enabled: existing.enabled,
      },
      after: {
        name: updated.name,
        minSeverity: updated.minSeverity,
        teamId: updated.teamId,
        enabled: updated.enabled,
        targetChanged: target !== undefined,
        secretRotated: signingSecret !== null,
      },
    });
  });
  return { channel: await summaryOf(prisma, input.workspaceId, existing.id), signingSecret };
}

export async function deleteChannel(
  prisma: Db,
  input: { workspaceId: string; channelId: string },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.notificationChannel.findFirst({
      where: { id: input.channelId, workspaceId: input.workspaceId },
    });
    if (!existing) throw new AppError("not_found", "No such channel in this workspace.");
    await tx.notificationChannel.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "channel.delete",
      objectKind: "notification_channel",
      objectId: existing.id,
      objectName: existing.name,
      before: { kind: existing.kind, minSeverity: existing.minSeverity, teamId: existing.teamId },
    });
  });
}

/**
 * "Send test": queues a sample notification for the channel and sends it at once, so the
 * person sees whether it arrived (the delivery is in the channel's log either way).
 */
export async function sendTestNotification(
  prisma: Db,
  input: { workspaceId: string; channelId: string },
): Promise<{ deliveryId: string; status: string; error: string | null }> {
  const channel = await prisma.notificationChannel.findFirst({
    where: { id: input.channelId, workspaceId: input.workspaceId },
    select: { id: true, name: true },
  });
  if (!channel) throw new AppError("not_found", "No such channel in this workspace.");
  const now = new Date();
  const sample: AlertNotification = {
    event: "test",
    alert: {
      id: "test",
      rule: "Test notification",
      ruleKind: "freshness",
      severity: "warning",
      objectKind: "feature_view",
      objectName: "example_view",
      environment: "prod",
      message: `Test from Featureline to the channel “${channel.name}”: if you read this, alerts reach you.`,
      value: 7_200,
      threshold: 3_600,
      startedAt: now.toISOString(),
      endedAt: null,
    },
    url: `${appBaseUrl()}/monitoring/channels`,
    sentAt: now.toISOString(),
  };
  const delivery = await prisma.notificationDelivery.create({
    data: {
      workspaceId: input.workspaceId,
      channelId: channel.id,
      event: "test",
      payload: sample as unknown as object,
      nextAttemptAt: now,
    },
  });
  await drainDeliveries(prisma, { ids: [delivery.id], now });
  const after = await prisma.notificationDelivery.findUniqueOrThrow({
    where: { id: delivery.id },
    select: { status: true, lastError: true },
  });
  // A test is tried once: a failed one is not retried later.
  if (after.status === "failed")
    await prisma.notificationDelivery.update({ where: { id: delivery.id }, data: { status: "given_up" } });
  return {
    deliveryId: delivery.id,
    status: after.status === "failed" ? "given_up" : after.status,
    error: after.lastError,
  };
}
