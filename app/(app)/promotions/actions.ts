"use server";

import { promotionHref } from "@/lib/routes";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import {
  applyPromotionRequest,
  createPromotionRequest,
  createRevertRequest,
  refreshPromotionRequest,
  reviewPromotionRequest,
  withdrawPromotionRequest,
} from "@/lib/server/promotions";
import type { Role } from "@/lib/auth/roles";
import { promotionInputSchema, requestNumberSchema, reviewInputSchema } from "@/lib/validations/promotions";

type Done = { status: "done"; message: string };
export type PromotionActionState = ActionState<Done>;

export const createPromotionAction = formAction(
  "createPromotion",
  {
    role: "author",
    schema: promotionInputSchema,
    read: (form) => ({
      sourceEnvironment: form.get("sourceEnvironment"),
      title: form.get("title"),
      description: form.get("description") ?? "",
      items: form.getAll("item").map((value) => {
        const [kind, objectId] = String(value).split(":");
        return { kind, objectId };
      }),
    }),
    invalidMessage: "Check the highlighted fields.",
    fieldName: (path) => path.split("[")[0]!,
  },
  async (input, { user, workspace, role }): Promise<Done> => {
    const { number } = await createPromotionRequest({ workspaceId: workspace.id, ...input }, { userId: user.id, role });
    revalidatePath("/promotions");
    redirect(promotionHref(number));
  },
);

type RequestStep = (
  input: { workspaceId: string; number: number },
  actor: { userId: string; role: Role },
) => Promise<unknown>;

/** One step on an existing request (review, withdraw, refresh, apply), named by its number. */
function requestAction<Schema extends z.ZodType<{ number: number }>>(
  name: string,
  role: "author" | "approver",
  schema: Schema,
  read: (form: FormData) => unknown,
  step: (input: z.infer<Schema>) => { act: RequestStep; done: string },
) {
  return formAction(name, { role, schema, read }, async (input, { user, workspace, role: actorRole }) => {
    const { act, done } = step(input);
    await act({ workspaceId: workspace.id, number: input.number }, { userId: user.id, role: actorRole });
    revalidatePath(`/promotions/${input.number}`);
    revalidatePath("/promotions");
    return { status: "done" as const, message: done };
  });
}

const numberOnly = z.object({ number: requestNumberSchema });
const readNumber = (form: FormData) => ({ number: form.get("number") });

const REVIEW_DONE = { approve: "Approved.", reject: "Rejected.", request_changes: "Changes requested." } as const;

export const reviewPromotionAction = requestAction(
  "reviewPromotion",
  "approver",
  z.intersection(numberOnly, reviewInputSchema),
  (form) => ({ ...readNumber(form), decision: form.get("decision"), comment: form.get("comment") ?? "" }),
  ({ decision, comment }) => ({
    act: (input, actor) => reviewPromotionRequest({ ...input, decision, comment }, actor),
    done: REVIEW_DONE[decision],
  }),
);

export const withdrawPromotionAction = requestAction("withdrawPromotion", "author", numberOnly, readNumber, () => ({
  act: (input, actor) => withdrawPromotionRequest(input, actor),
  done: "Withdrawn.",
}));

export const refreshPromotionAction = requestAction("refreshPromotion", "author", numberOnly, readNumber, () => ({
  act: (input, actor) => refreshPromotionRequest(input, actor),
  done: "Refreshed: diff and checks recomputed.",
}));

export const applyPromotionAction = requestAction("applyPromotion", "approver", numberOnly, readNumber, () => ({
  act: (input, actor) => applyPromotionRequest(input, actor),
  done: "Applied.",
}));

export const revertPromotionAction = formAction(
  "revertPromotion",
  { role: "author", schema: numberOnly, read: readNumber, invalidMessage: "Not a request number." },
  async ({ number: reverted }, { user, workspace, role }): Promise<Done> => {
    const { number } = await createRevertRequest(
      { workspaceId: workspace.id, number: reverted },
      { userId: user.id, role },
    );
    revalidatePath("/promotions");
    redirect(promotionHref(number));
  },
);
