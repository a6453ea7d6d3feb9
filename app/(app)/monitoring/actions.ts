"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { acknowledgeAlert, evaluateRules } from "@/lib/data/alerts";
import {
  createRule,
  saveThresholdOverrides,
  setDriftBaseline,
  setRuleEnabled,
  setRawRetentionDays,
} from "@/lib/data/monitoring";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { STATISTIC_NAMES, type StatisticName } from "@/lib/monitoring/stats";
import { requireRole } from "@/lib/session";
import { idParamSchema } from "@/lib/validations/admin";
import { ruleInputSchema, retentionInputSchema, thresholdFormSchema } from "@/lib/validations/monitoring";

export type MonitoringActionState =
  | { status: "idle" }
  | { status: "saved"; message: string }
  | { status: "error"; message: string; fields?: Record<string, string> };

function failure(error: unknown): MonitoringActionState {
  const appError = toAppError(error);
  return {
    status: "error",
    message: appError.message,
    fields: Object.fromEntries((appError.fields ?? []).map((f) => [f.path, f.message])),
  };
}

export async function acknowledgeAlertAction(formData: FormData): Promise<void> {
  const { user, workspace } = await requireRole("author");
  const alertId = idParamSchema.parse(formData.get("alertId"));
  await acknowledgeAlert(db(), { workspaceId: workspace.id, alertId }, { userId: user.id });
  revalidatePath("/monitoring", "layout");
}

/** The threshold form sends warn/alert per statistic; an empty pair (or "reset") means the default. */
export async function saveThresholdsAction(
  _prev: MonitoringActionState,
  formData: FormData,
): Promise<MonitoringActionState> {
  const { user, workspace } = await requireRole("author");
  const thresholds: { statistic: StatisticName; warn: FormDataEntryValue; alert: FormDataEntryValue }[] = [];
  const reset: StatisticName[] = [];
  for (const statistic of STATISTIC_NAMES) {
    const warn = formData.get(`${statistic}.warn`);
    const alert = formData.get(`${statistic}.alert`);
    if (warn === null && alert === null) continue;
    if (
      formData.get(`${statistic}.reset`) === "on" ||
      (String(warn ?? "").trim() === "" && String(alert ?? "").trim() === "")
    )
      reset.push(statistic);
    else thresholds.push({ statistic, warn: warn ?? "", alert: alert ?? "" });
  }
  const parsed = thresholdFormSchema.safeParse({ featureId: formData.get("featureId"), thresholds, reset });
  if (!parsed.success) {
    const fields = Object.fromEntries(
      zodFieldErrors(parsed.error).map((field) => {
        const index = /^thresholds\[(\d+)\]\.(\w+)$/.exec(field.path);
        const name = index ? `${thresholds[Number(index[1])]?.statistic}.${index[2]}` : field.path;
        return [name, field.message];
      }),
    );
    return { status: "error", message: "Check the highlighted thresholds.", fields };
  }
  try {
    await saveThresholdOverrides(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/monitoring/features/${parsed.data.featureId}`);
  return { status: "saved", message: "Thresholds saved. Rules use them from the next evaluation." };
}

const pinSchema = z.object({
  featureId: idParamSchema,
  environmentId: idParamSchema,
  intent: z.enum(["pin", "unpin"]),
  windowStart: z.string().optional(),
  windowEnd: z.string().optional(),
});

export async function pinBaselineAction(
  _prev: MonitoringActionState,
  formData: FormData,
): Promise<MonitoringActionState> {
  const { user, workspace } = await requireRole("author");
  const parsed = pinSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Choose a window to pin." };
  const { featureId, environmentId, intent } = parsed.data;
  let window: { start: Date; end: Date } | null = null;
  if (intent === "pin") {
    const start = new Date(`${parsed.data.windowStart}T00:00:00Z`);
    const end = new Date(`${parsed.data.windowEnd}T00:00:00Z`);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
      return {
        status: "error",
        message: "Enter both days of the window.",
        fields: { windowStart: "Required", windowEnd: "Required" },
      };
    }
    window = { start, end };
  }
  try {
    await setDriftBaseline(db(), { workspaceId: workspace.id, featureId, environmentId, window }, { userId: user.id });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/monitoring/features/${featureId}`);
  return {
    status: "saved",
    message: window
      ? "Baseline window pinned."
      : "Pinned window removed: drift compares with the training profile again.",
  };
}

export async function createRuleAction(
  _prev: MonitoringActionState,
  formData: FormData,
): Promise<MonitoringActionState> {
  const { user, workspace } = await requireRole("author");
  const parsed = ruleInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return {
      status: "error",
      message: "Check the highlighted fields.",
      fields: Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.path, f.message])),
    };
  }
  try {
    await createRule(db(), { workspaceId: workspace.id, ...parsed.data }, { userId: user.id });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/monitoring/rules");
  return { status: "saved", message: `Rule “${parsed.data.name}” created.` };
}

export async function toggleRuleAction(formData: FormData): Promise<void> {
  const { user, workspace } = await requireRole("author");
  const ruleId = idParamSchema.parse(formData.get("ruleId"));
  const enabled = formData.get("enabled") === "true";
  await setRuleEnabled(db(), { workspaceId: workspace.id, ruleId, enabled }, { userId: user.id });
  revalidatePath("/monitoring", "layout");
}

export async function evaluateNowAction(): Promise<void> {
  const { workspace } = await requireRole("author");
  await evaluateRules(db(), { workspaceId: workspace.id });
  revalidatePath("/monitoring", "layout");
}

export async function setRetentionAction(
  _prev: MonitoringActionState,
  formData: FormData,
): Promise<MonitoringActionState> {
  const { user, workspace } = await requireRole("admin");
  const parsed = retentionInputSchema.safeParse({ rawRetentionDays: formData.get("rawRetentionDays") });
  if (!parsed.success) {
    return {
      status: "error",
      message: "Check the retention.",
      fields: Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.path, f.message])),
    };
  }
  try {
    await setRawRetentionDays(
      db(),
      { workspaceId: workspace.id, days: parsed.data.rawRetentionDays },
      { userId: user.id },
    );
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/monitoring/rules");
  return { status: "saved", message: `Raw per-minute rows are kept ${parsed.data.rawRetentionDays} days.` };
}
