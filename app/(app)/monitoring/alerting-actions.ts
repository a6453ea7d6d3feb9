"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { acknowledgeAlert, muteRuleForObject, resolveAlert, snoozeAlert, unmuteRuleForObject } from "@/lib/data/alerts";
import { updateRule } from "@/lib/data/monitoring";
import { createChannel, deleteChannel, sendTestNotification, updateChannel } from "@/lib/data/notifications/channels";
import { db } from "@/lib/db";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { requireRole } from "@/lib/session";
import { idParamSchema } from "@/lib/validations/admin";
import { channelInputSchema } from "@/lib/validations/channels";
import { alertMuteSchema, alertNoteSchema, alertSnoozeSchema, ruleUpdateSchema } from "@/lib/validations/monitoring";

export type AlertingActionState =
  | { status: "idle" }
  | { status: "saved"; message: string; secret?: string }
  | { status: "error"; message: string; fields?: Record<string, string> };

function failure(error: unknown): AlertingActionState {
  const appError = toAppError(error);
  return {
    status: "error",
    message: appError.message,
    fields: Object.fromEntries((appError.fields ?? []).map((f) => [f.path, f.message])),
  };
}

function invalid(error: z.ZodError): AlertingActionState {
  return {
    status: "error",
    message: "Check the highlighted fields.",
    fields: Object.fromEntries(zodFieldErrors(error).map((f) => [f.path, f.message])),
  };
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/** One action for the alert page's buttons: acknowledge, snooze, unsnooze, resolve, mute, unmute. */
export async function alertLifecycleAction(
  _prev: AlertingActionState,
  formData: FormData,
): Promise<AlertingActionState> {
  const { user, workspace } = await requireRole("author");
  const alertId = idParamSchema.safeParse(formData.get("alertId"));
  if (!alertId.success) return { status: "error", message: "No such alert." };
  const scope = { workspaceId: workspace.id, alertId: alertId.data };
  const actor = { userId: user.id };
  const intent = text(formData, "intent");
  const minutesIn = (value: number) => new Date(Date.now() + value * 60_000);
  let message: string;
  try {
    if (intent === "acknowledge" || intent === "resolve") {
      const parsed = alertNoteSchema.safeParse({ note: text(formData, "note") });
      if (!parsed.success) return invalid(parsed.error);
      if (intent === "acknowledge") await acknowledgeAlert(db(), { ...scope, note: parsed.data.note }, actor);
      else await resolveAlert(db(), { ...scope, note: parsed.data.note }, actor);
      message = intent === "acknowledge" ? "Acknowledged: no more reminders." : "Resolved.";
    } else if (intent === "snooze") {
      const parsed = alertSnoozeSchema.safeParse({ minutes: text(formData, "minutes"), note: text(formData, "note") });
      if (!parsed.success) return invalid(parsed.error);
      await snoozeAlert(db(), { ...scope, until: minutesIn(parsed.data.minutes), note: parsed.data.note }, actor);
      message = "Snoozed.";
    } else if (intent === "unsnooze") {
      await snoozeAlert(db(), { ...scope, until: null }, actor);
      message = "Snooze ended.";
    } else if (intent === "mute") {
      const minutes = text(formData, "minutes");
      const parsed = alertMuteSchema.safeParse({ minutes: minutes || undefined, note: text(formData, "note") });
      if (!parsed.success) return invalid(parsed.error);
      const until = parsed.data.minutes ? minutesIn(parsed.data.minutes) : null;
      await muteRuleForObject(db(), { ...scope, until, note: parsed.data.note }, actor);
      message = "Rule muted for this object.";
    } else if (intent === "unmute") {
      await unmuteRuleForObject(db(), scope, actor);
      message = "Rule unmuted for this object.";
    } else {
      return { status: "error", message: "Unknown action." };
    }
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/monitoring", "layout");
  return { status: "saved", message };
}

export async function updateRuleAction(_prev: AlertingActionState, formData: FormData): Promise<AlertingActionState> {
  const { user, workspace } = await requireRole("author");
  const ruleId = idParamSchema.safeParse(formData.get("ruleId"));
  if (!ruleId.success) return { status: "error", message: "No such rule." };
  const parsed = ruleUpdateSchema.safeParse({
    name: text(formData, "name"),
    object: text(formData, "object"),
    statistic: text(formData, "statistic") || undefined,
    threshold: text(formData, "threshold"),
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateRule(db(), { ...parsed.data, workspaceId: workspace.id, ruleId: ruleId.data }, { userId: user.id });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/monitoring/rules", "layout");
  return { status: "saved", message: `Rule “${parsed.data.name}” saved.` };
}

export async function createChannelAction(
  _prev: AlertingActionState,
  formData: FormData,
): Promise<AlertingActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = channelInputSchema.safeParse({
    kind: text(formData, "kind"),
    name: text(formData, "name"),
    target: text(formData, "target"),
    minSeverity: text(formData, "minSeverity") || undefined,
    teamId: text(formData, "teamId"),
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const created = await createChannel(db(), { ...parsed.data, workspaceId: workspace.id }, { userId: user.id });
    revalidatePath("/monitoring/channels");
    return {
      status: "saved",
      message: `Channel “${created.channel.name}” created.`,
      ...(created.signingSecret ? { secret: created.signingSecret } : {}),
    };
  } catch (error) {
    return failure(error);
  }
}

/** The channel row's buttons: send test, enable/disable, delete. */
export async function channelAction(_prev: AlertingActionState, formData: FormData): Promise<AlertingActionState> {
  const { user, workspace } = await requireRole("admin");
  const channelId = idParamSchema.safeParse(formData.get("channelId"));
  if (!channelId.success) return { status: "error", message: "No such channel." };
  const scope = { workspaceId: workspace.id, channelId: channelId.data };
  const intent = text(formData, "intent");
  try {
    if (intent === "test") {
      const result = await sendTestNotification(db(), scope);
      revalidatePath("/monitoring/channels");
      return result.status === "sent"
        ? { status: "saved", message: "Test sent." }
        : { status: "error", message: `Test not delivered: ${result.error ?? result.status}` };
    }
    if (intent === "enable" || intent === "disable") {
      await updateChannel(db(), { ...scope, enabled: intent === "enable" }, { userId: user.id });
      revalidatePath("/monitoring/channels");
      return { status: "saved", message: intent === "enable" ? "Enabled." : "Disabled." };
    }
    if (intent === "delete") {
      await deleteChannel(db(), scope, { userId: user.id });
      revalidatePath("/monitoring/channels");
      return { status: "saved", message: "Deleted." };
    }
  } catch (error) {
    return failure(error);
  }
  return { status: "error", message: "Unknown action." };
}
