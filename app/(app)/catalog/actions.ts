"use server";

import { catalogHref } from "@/lib/routes";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { addFeaturesToService, updateOwnership } from "@/lib/data/catalog";
import { addComment, setStar } from "@/lib/data/social";
import { invalidateFacetCache } from "@/lib/data/search";
import { roleAtLeast } from "@/lib/data/users";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { requireWorkspace } from "@/lib/session";
import {
  addToServiceInputSchema,
  commentInputSchema,
  objectRefSchema,
  ownershipInputSchema,
} from "@/lib/validations/catalog";

export type CatalogActionState =
  | { status: "idle" }
  | { status: "error"; message: string; fields?: Record<string, string> }
  | { status: "done"; message: string; href?: string };

function fieldMap(error: Parameters<typeof zodFieldErrors>[0]): Record<string, string> {
  return Object.fromEntries(zodFieldErrors(error).map((field) => [field.path, field.message]));
}

const FORBIDDEN: CatalogActionState = {
  status: "error",
  message: "Only authors can change definitions in this workspace.",
};

/** Stars are personal: viewers may star too. */
export async function toggleStarAction(formData: FormData): Promise<void> {
  const { user, workspace } = await requireWorkspace();
  const ref = objectRefSchema.parse({ kind: formData.get("kind"), id: formData.get("id") });
  await setStar(db(), { workspaceId: workspace.id, userId: user.id, ...ref, starred: formData.get("starred") === "1" });
  revalidatePath(`/catalog/${ref.kind}/${ref.id}`);
  revalidatePath("/stars");
}

export async function addCommentAction(_prev: CatalogActionState, formData: FormData): Promise<CatalogActionState> {
  const { user, workspace } = await requireWorkspace();
  const ref = objectRefSchema.safeParse({ kind: formData.get("kind"), id: formData.get("id") });
  const input = commentInputSchema.safeParse({ body: formData.get("body") });
  if (!ref.success) return { status: "error", message: "Unknown object." };
  if (!input.success) return { status: "error", message: "Check the comment.", fields: fieldMap(input.error) };
  try {
    await addComment(
      db(),
      { workspaceId: workspace.id, userId: user.id, ...ref.data, body: input.data.body },
      { userId: user.id },
    );
    invalidateFacetCache(workspace.id);
    revalidatePath(`/catalog/${ref.data.kind}/${ref.data.id}`);
    return { status: "done", message: "Comment posted." };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}

export async function updateOwnershipAction(
  _prev: CatalogActionState,
  formData: FormData,
): Promise<CatalogActionState> {
  const { user, workspace, role } = await requireWorkspace();
  if (!roleAtLeast(role, "author")) return FORBIDDEN;
  const ref = objectRefSchema.safeParse({ kind: formData.get("kind"), id: formData.get("id") });
  const input = ownershipInputSchema.safeParse({
    owner: formData.get("owner") ?? "",
    team: formData.get("team") ?? "",
  });
  if (!ref.success) return { status: "error", message: "Unknown object." };
  if (!input.success)
    return { status: "error", message: "Check the highlighted fields.", fields: fieldMap(input.error) };
  try {
    const result = await updateOwnership(
      db(),
      { workspaceId: workspace.id, ...ref.data, ...input.data },
      { userId: user.id },
    );
    invalidateFacetCache(workspace.id);
    revalidatePath(`/catalog/${ref.data.kind}/${ref.data.id}`);
    return {
      status: "done",
      message: result.versionNumber ? `Saved as version ${result.versionNumber}.` : "Owner saved.",
    };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}

export async function addToServiceAction(_prev: CatalogActionState, formData: FormData): Promise<CatalogActionState> {
  const { user, workspace, role } = await requireWorkspace();
  if (!roleAtLeast(role, "author")) return FORBIDDEN;
  const target = String(formData.get("serviceId") ?? "");
  const parsed = addToServiceInputSchema.safeParse({
    featureIds: formData.getAll("featureIds").map(String),
    serviceId: target && target !== "__new__" ? target : undefined,
    newServiceName: target === "__new__" ? String(formData.get("newServiceName") ?? "") : undefined,
  });
  if (!parsed.success) {
    const fields = fieldMap(parsed.error);
    return { status: "error", message: Object.values(fields)[0] ?? "Check the form.", fields };
  }
  try {
    const result = await addFeaturesToService(
      db(),
      { workspaceId: workspace.id, ...parsed.data, owner: user.email },
      { userId: user.id },
    );
    invalidateFacetCache(workspace.id);
    revalidatePath("/catalog", "layout");
    const what = result.created
      ? `Created ${result.serviceName} (version ${result.versionNumber}) with ${result.added.length} feature${result.added.length === 1 ? "" : "s"}.`
      : result.added.length
        ? `Added ${result.added.length} feature${result.added.length === 1 ? "" : "s"} to ${result.serviceName} (version ${result.versionNumber}).`
        : `${result.serviceName} already serves ${result.alreadyPresent.length === 1 ? "this feature" : "these features"}.`;
    return { status: "done", message: what, href: catalogHref("feature_service", result.serviceId) };
  } catch (error) {
    return { status: "error", message: toAppError(error).message };
  }
}
