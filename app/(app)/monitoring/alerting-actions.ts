"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, invalid, type ActionFailure, type ActionState } from "@/lib/actions";
import {
  acknowledgeAlert,
  muteRuleForObject,
  resolveAlert,
  snoozeAlert,
  unmuteRuleForObject,
} from "@/lib/server/alerts";
import { updateRule } from "@/lib/server/monitoring";
import { createChannel, deleteChannel, sendTestNotification, updateChannel } from "@/lib/server/notifications/channels";
import { idParamSchema } from "@/lib/validations/admin";
import { channelInputSchema } from "@/lib/validations/channels";
import { alertMuteSchema, alertNoteSchema, alertSnoozeSchema, ruleUpdateSchema } from "@/lib/validations/monitoring";

type Saved = { status: "saved"; message: string; secret?: string };
export type AlertingActionState = ActionState<Saved>;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

const CHECK = "Check the highlighted fields.";
const UNKNOWN_INTENT: ActionFailure = { status: "error", code: "bad_request", message: "Unknown action." };

/** One action for the alert page's buttons: acknowledge, snooze, unsnooze, resolve, mute, unmute. */
export const alertLifecycleAction = formAction(
  "alertLifecycle",
  {
    role: "author",
    // Only the id is checked here (its failure reads "No such alert."); each intent parses its own fields.
    schema: z.object({ alertId: idParamSchema, intent: z.unknown(), note: z.unknown(), minutes: z.unknown() }),
    read: (form) => ({
      alertId: form.get("alertId"),
      intent: text(form, "intent"),
      note: text(form, "note"),
      minutes: text(form, "minutes"),
    }),
    invalidMessage: "No such alert.",
  },
  async (input, { user, workspace }): Promise<Saved | ActionFailure> => {
    const scope = { workspaceId: workspace.id, alertId: input.alertId };
    const actor = { userId: user.id };
    const { intent, note, minutes } = input;
    const minutesIn = (value: number) => new Date(Date.now() + value * 60_000);
    let message: string;
    if (intent === "acknowledge" || intent === "resolve") {
      const parsed = alertNoteSchema.safeParse({ note });
      if (!parsed.success) return invalid(parsed.error, CHECK);
      if (intent === "acknowledge") await acknowledgeAlert({ ...scope, note: parsed.data.note }, actor);
      else await resolveAlert({ ...scope, note: parsed.data.note }, actor);
      message = intent === "acknowledge" ? "Acknowledged: no more reminders." : "Resolved.";
    } else if (intent === "snooze") {
      const parsed = alertSnoozeSchema.safeParse({ minutes, note });
      if (!parsed.success) return invalid(parsed.error, CHECK);
      await snoozeAlert({ ...scope, until: minutesIn(parsed.data.minutes), note: parsed.data.note }, actor);
      message = "Snoozed.";
    } else if (intent === "unsnooze") {
      await snoozeAlert({ ...scope, until: null }, actor);
      message = "Snooze ended.";
    } else if (intent === "mute") {
      const parsed = alertMuteSchema.safeParse({ minutes: minutes || undefined, note });
      if (!parsed.success) return invalid(parsed.error, CHECK);
      const until = parsed.data.minutes ? minutesIn(parsed.data.minutes) : null;
      await muteRuleForObject({ ...scope, until, note: parsed.data.note }, actor);
      message = "Rule muted for this object.";
    } else if (intent === "unmute") {
      await unmuteRuleForObject(scope, actor);
      message = "Rule unmuted for this object.";
    } else {
      return UNKNOWN_INTENT;
    }
    revalidatePath("/monitoring", "layout");
    return { status: "saved", message };
  },
);

export const updateRuleAction = formAction(
  "updateRule",
  {
    role: "author",
    schema: ruleUpdateSchema.extend({ ruleId: idParamSchema }),
    read: (form) => ({
      ruleId: form.get("ruleId"),
      name: text(form, "name"),
      object: text(form, "object"),
      statistic: text(form, "statistic") || undefined,
      threshold: text(form, "threshold"),
    }),
    invalidMessage: CHECK,
  },
  async ({ ruleId, ...rule }, { user, workspace }): Promise<Saved> => {
    await updateRule({ ...rule, workspaceId: workspace.id, ruleId }, { userId: user.id });
    revalidatePath("/monitoring/rules", "layout");
    return { status: "saved", message: `Rule “${rule.name}” saved.` };
  },
);

export const createChannelAction = formAction(
  "createChannel",
  {
    role: "admin",
    schema: channelInputSchema,
    read: (form) => ({
      kind: text(form, "kind"),
      name: text(form, "name"),
      target: text(form, "target"),
      minSeverity: text(form, "minSeverity") || undefined,
      teamId: text(form, "teamId"),
    }),
    invalidMessage: CHECK,
  },
  async (input, { user, workspace }): Promise<Saved> => {
    const created = await createChannel({ ...input, workspaceId: workspace.id }, { userId: user.id });
    revalidatePath("/monitoring/channels");
    return {
      status: "saved",
      message: `Channel “${created.channel.name}” created.`,
      ...(created.signingSecret ? { secret: created.signingSecret } : {}),
    };
  },
);

/** The channel row's buttons: send test, enable/disable, delete. */
export const channelAction = formAction(
  "channel",
  {
    role: "admin",
    schema: z.object({ channelId: idParamSchema, intent: z.unknown() }),
    read: (form) => ({ channelId: form.get("channelId"), intent: text(form, "intent") }),
    invalidMessage: "No such channel.",
  },
  async ({ channelId, intent }, { user, workspace }): Promise<Saved | ActionFailure> => {
    const scope = { workspaceId: workspace.id, channelId };
    if (intent === "test") {
      const result = await sendTestNotification(scope);
      revalidatePath("/monitoring/channels");
      return result.status === "sent"
        ? { status: "saved", message: "Test sent." }
        : { status: "error", code: "unavailable", message: `Test not delivered: ${result.error ?? result.status}` };
    }
    if (intent === "enable" || intent === "disable") {
      await updateChannel({ ...scope, enabled: intent === "enable" }, { userId: user.id });
      revalidatePath("/monitoring/channels");
      return { status: "saved", message: intent === "enable" ? "Enabled." : "Disabled." };
    }
    if (intent === "delete") {
      await deleteChannel(scope, { userId: user.id });
      revalidatePath("/monitoring/channels");
      return { status: "saved", message: "Deleted." };
    }
    return UNKNOWN_INTENT;
  },
);
