"use server";

import { promotionHref } from "@/lib/routes";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import {
  applyPromotionRequest,
  createPromotionRequest,
  createRevertRequest,
  refreshPromotionRequest,
  reviewPromotionRequest,
  withdrawPromotionRequest,
} from "@/lib/data/promotions";
import { toAppError, zodFieldErrors } from "@/lib/errors";
import { requireRole } from "@/lib/session";
import { promotionInputSchema, requestNumberSchema, reviewInputSchema } from "@/lib/validations/promotions";

export type PromotionActionState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "error"; message: string; fields?: Record<string, string> };

function failure(error: unknown): PromotionActionState {
  return { status: "error", message: toAppError(error).message };
}

export async function createPromotionAction(
  _prev: PromotionActionState,
  formData: FormData,
): Promise<PromotionActionState> {
  const { user, workspace, role } = await requireRole("author");
  const parsed = promotionInputSchema.safeParse({
    sourceEnvironment: formData.get("sourceEnvironment"),
    title: formData.get("title"),
    description: formData.get("description") ?? "",
    items: formData.getAll("item").map((value) => {
      const [kind, objectId] = String(value).split(":");
      return { kind, objectId };
    }),
  });
  if (!parsed.success) {
    const fields = Object.fromEntries(
      zodFieldErrors(parsed.error).map((field) => [field.path.split("[")[0]!, field.message]),
    );
    return { status: "error", message: "Check the highlighted fields.", fields };
  }
  let number: number;
  try {
    ({ number } = await createPromotionRequest(
      db(),
      { workspaceId: workspace.id, ...parsed.data },
      { userId: user.id, role },
    ));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/promotions");
  redirect(promotionHref(number));
}

async function requestAction(
  formData: FormData,
  minimum: "author" | "approver",
  act: (
    input: { workspaceId: string; number: number },
    actor: { userId: string; role: "viewer" | "author" | "approver" | "admin" },
  ) => Promise<unknown>,
  done: string,
): Promise<PromotionActionState> {
  const { user, workspace, role } = await requireRole(minimum);
  const parsedNumber = requestNumberSchema.safeParse(formData.get("number"));
  if (!parsedNumber.success) return { status: "error", message: "Not a request number." };
  try {
    await act({ workspaceId: workspace.id, number: parsedNumber.data }, { userId: user.id, role });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/promotions/${parsedNumber.data}`);
  revalidatePath("/promotions");
  return { status: "done", message: done };
}

export async function reviewPromotionAction(
  _prev: PromotionActionState,
  formData: FormData,
): Promise<PromotionActionState> {
  const parsed = reviewInputSchema.safeParse({
    decision: formData.get("decision"),
    comment: formData.get("comment") ?? "",
  });
  if (!parsed.success) {
    const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((field) => [field.path, field.message]));
    return { status: "error", message: Object.values(fields)[0] ?? "Check the review.", fields };
  }
  return requestAction(
    formData,
    "approver",
    (input, actor) => reviewPromotionRequest(db(), { ...input, ...parsed.data }, actor),
    parsed.data.decision === "approve"
      ? "Approved."
      : parsed.data.decision === "reject"
        ? "Rejected."
        : "Changes requested.",
  );
}

export async function withdrawPromotionAction(
  _prev: PromotionActionState,
  formData: FormData,
): Promise<PromotionActionState> {
  return requestAction(
    formData,
    "author",
    (input, actor) => withdrawPromotionRequest(db(), input, actor),
    "Withdrawn.",
  );
}

export async function refreshPromotionAction(
  _prev: PromotionActionState,
  formData: FormData,
): Promise<PromotionActionState> {
  return requestAction(
    formData,
    "author",
    (input, actor) => refreshPromotionRequest(db(), input, actor),
    "Refreshed: diff and checks recomputed.",
  );
}

export async function applyPromotionAction(
  _prev: PromotionActionState,
  formData: FormData,
): Promise<PromotionActionState> {
  return requestAction(formData, "approver", (input, actor) => applyPromotionRequest(db(), input, actor), "Applied.");
}

export async function revertPromotionAction(
  _prev: PromotionActionState,
  formData: FormData,
): Promise<PromotionActionState> {
  const { user, workspace, role } = await requireRole("author");
  const parsedNumber = requestNumberSchema.safeParse(formData.get("number"));
  if (!parsedNumber.success) return { status: "error", message: "Not a request number." };
  let number: number;
  try {
    ({ number } = await createRevertRequest(
      db(),
      { workspaceId: workspace.id, number: parsedNumber.data },
      { userId: user.id, role },
    ));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/promotions");
  redirect(promotionHref(number));
}
