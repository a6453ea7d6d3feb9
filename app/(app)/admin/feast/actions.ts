"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { saveFeastConnection, syncFeastRegistryNow } from "@/lib/data/feast-sync";
import { createWorkspaceAsAdmin } from "@/lib/data/workspaces";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { requireRole } from "@/lib/session";
import { feastConnectionInputSchema, workspaceInputSchema } from "@/lib/validations/admin";

export type FeastAdminState =
  | { status: "idle" }
  | { status: "saved"; message: string }
  | { status: "error"; message: string; fields?: Record<string, string> };

export async function saveFeastConnectionAction(_prev: FeastAdminState, formData: FormData): Promise<FeastAdminState> {
  const { workspace } = await requireRole("admin");
  const parsed = feastConnectionInputSchema.safeParse({
    location: formData.get("location"),
    project: formData.get("project") ?? undefined,
    intervalSeconds: formData.get("intervalSeconds") || undefined,
    environment: formData.get("environment") ?? undefined,
    enabled: formData.get("enabled") === "on",
  });
  if (!parsed.success) {
    const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.path, f.message]));
    return { status: "error", message: "Check the highlighted fields.", fields };
  }
  try {
    await saveFeastConnection(db(), workspace.id, parsed.data);
    revalidatePath("/admin/feast");
    return {
      status: "saved",
      message: "Saved. The registry is read at the next scheduler tick, or now with Sync now.",
    };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}

export async function syncNowAction(_prev: FeastAdminState): Promise<FeastAdminState> {
  const { workspace } = await requireRole("admin");
  try {
    const run = await syncFeastRegistryNow(db(), workspace.id);
    revalidatePath("/admin/feast");
    return run.status === "failed"
      ? { status: "error", message: `The sync failed: ${run.error}` }
      : {
          status: "saved",
          message:
            run.status === "unchanged"
              ? "The registry has not changed since the last sync."
              : `Synced: ${run.created} created, ${run.updated} updated, ${run.removed} removed, ${run.skipped} skipped.`,
        };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}

export async function createWorkspaceAction(_prev: FeastAdminState, formData: FormData): Promise<FeastAdminState> {
  const { user } = await requireRole("admin");
  const parsed = workspaceInputSchema.safeParse({ slug: formData.get("slug"), name: formData.get("name") });
  if (!parsed.success) {
    const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.path, f.message]));
    return { status: "error", message: "Check the highlighted fields.", fields };
  }
  try {
    const created = await createWorkspaceAsAdmin(db(), parsed.data, user.id);
    revalidatePath("/", "layout");
    return {
      status: "saved",
      message: `Workspace ${created.name} (${created.slug}) created; switch to it in the header.`,
    };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}
