"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buttonAction, formAction, type ActionState } from "@/lib/actions";
import { acknowledgeAlert, evaluateRules } from "@/lib/server/alerts";
import {
  createRule,
  saveThresholdOverrides,
  setDriftBaseline,
  setRawRetentionDays,
  setRuleEnabled,
} from "@/lib/server/monitoring";
import { STATISTIC_NAMES, type StatisticName } from "@/lib/monitoring/stats";
import { idParamSchema } from "@/lib/validations/admin";
import { ruleInputSchema, retentionInputSchema, thresholdFormSchema } from "@/lib/validations/monitoring";

export type MonitoringActionState = ActionState<{ status: "saved"; message: string }>;

const saved = (message: string) => ({ status: "saved" as const, message });

export const acknowledgeAlertAction = buttonAction(
  "acknowledgeAlert",
  { role: "author", schema: z.object({ alertId: idParamSchema }), read: (form) => ({ alertId: form.get("alertId") }) },
  async ({ alertId }, { user, workspace }) => {
    await acknowledgeAlert({ workspaceId: workspace.id, alertId }, { userId: user.id });
    revalidatePath("/monitoring", "layout");
  },
);

type ThresholdFormRow = { statistic: StatisticName; warn: FormDataEntryValue; alert: FormDataEntryValue };

/** The threshold form sends warn/alert per statistic; an empty pair (or "reset") means the default. */
function readThresholdForm(form: FormData) {
  const thresholds: ThresholdFormRow[] = [];
  const reset: StatisticName[] = [];
  for (const statistic of STATISTIC_NAMES) {
    const warn = form.get(`${statistic}.warn`);
    const alert = form.get(`${statistic}.alert`);
    if (warn === null && alert === null) continue;
    if (
      form.get(`${statistic}.reset`) === "on" ||
      (String(warn ?? "").trim() === "" && String(alert ?? "").trim() === "")
    )
      reset.push(statistic);
    else thresholds.push({ statistic, warn: warn ?? "", alert: alert ?? "" });
  }
  return { featureId: form.get("featureId"), thresholds, reset };
}

export const saveThresholdsAction = formAction(
  "saveThresholds",
  {
    role: "author",
    schema: thresholdFormSchema,
    read: readThresholdForm,
    invalidMessage: "Check the highlighted thresholds.",
    // "thresholds[2].warn" is the form's "<statistic>.warn".
    fieldName: (path, input) => {
      const index = /^thresholds\[(\d+)\]\.(\w+)$/.exec(path);
      const rows = (input as { thresholds: ThresholdFormRow[] }).thresholds;
      return index ? `${rows[Number(index[1])]?.statistic}.${index[2]}` : path;
    },
  },
  async (input, { user, workspace }) => {
    await saveThresholdOverrides({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath(`/monitoring/features/${input.featureId}`);
    return saved("Thresholds saved. Rules use them from the next evaluation.");
  },
);

const dayOrEmpty = z.string().max(40).optional();

const pinSchema = z
  .object({
    featureId: idParamSchema,
    environmentId: idParamSchema,
    intent: z.enum(["pin", "unpin"]),
    windowStart: dayOrEmpty,
    windowEnd: dayOrEmpty,
  })
  .transform((input, context) => {
    if (input.intent === "unpin") return { ...input, window: null };
    const start = new Date(`${input.windowStart}T00:00:00Z`);
    const end = new Date(`${input.windowEnd}T00:00:00Z`);
    for (const [field, day] of [
      ["windowStart", start],
      ["windowEnd", end],
    ] as const) {
      if (Number.isNaN(day.getTime())) context.addIssue({ code: "custom", path: [field], message: "Required" });
    }
    return { ...input, window: { start, end } };
  });

export const pinBaselineAction = formAction(
  "pinBaseline",
  {
    role: "author",
    schema: pinSchema,
    read: (form) => Object.fromEntries(form),
    invalidMessage: "Enter both days of the window.",
  },
  async ({ featureId, environmentId, window }, { user, workspace }) => {
    await setDriftBaseline({ workspaceId: workspace.id, featureId, environmentId, window }, { userId: user.id });
    revalidatePath(`/monitoring/features/${featureId}`);
    return saved(
      window ? "Baseline window pinned." : "Pinned window removed: drift compares with the training profile again.",
    );
  },
);

export const createRuleAction = formAction(
  "createRule",
  {
    role: "author",
    schema: ruleInputSchema,
    read: (form) => Object.fromEntries(form),
    invalidMessage: "Check the highlighted fields.",
  },
  async (input, { user, workspace }) => {
    await createRule({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath("/monitoring/rules");
    return saved(`Rule “${input.name}” created.`);
  },
);

export const toggleRuleAction = buttonAction(
  "toggleRule",
  {
    role: "author",
    schema: z.object({ ruleId: idParamSchema, enabled: z.boolean() }),
    read: (form) => ({ ruleId: form.get("ruleId"), enabled: form.get("enabled") === "true" }),
  },
  async ({ ruleId, enabled }, { user, workspace }) => {
    await setRuleEnabled({ workspaceId: workspace.id, ruleId, enabled }, { userId: user.id });
    revalidatePath("/monitoring", "layout");
  },
);

export const evaluateNowAction = buttonAction(
  "evaluateNow",
  { role: "author", schema: z.object({}), read: () => ({}) },
  async (_input, { workspace }) => {
    await evaluateRules({ workspaceId: workspace.id });
    revalidatePath("/monitoring", "layout");
  },
);

export const setRetentionAction = formAction(
  "setRetention",
  {
    role: "admin",
    schema: retentionInputSchema,
    read: (form) => ({ rawRetentionDays: form.get("rawRetentionDays") }),
    invalidMessage: "Check the retention.",
  },
  async ({ rawRetentionDays }, { user, workspace }) => {
    await setRawRetentionDays({ workspaceId: workspace.id, days: rawRetentionDays }, { userId: user.id });
    revalidatePath("/monitoring/rules");
    return saved(`Raw per-minute rows are kept ${rawRetentionDays} days.`);
  },
);
