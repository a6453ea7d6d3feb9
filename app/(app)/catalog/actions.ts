"use server";

import { catalogHref } from "@/lib/routes";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buttonAction, formAction, type ActionState } from "@/lib/actions";
import { addFeaturesToService, updateOwnership } from "@/lib/server/catalog";
import { addComment, setStar } from "@/lib/server/social";
import {
  addToServiceInputSchema,
  commentInputSchema,
  objectRefSchema,
  ownershipInputSchema,
} from "@/lib/validations/catalog";

export type CatalogActionState = ActionState<{ status: "done"; message: string; href?: string }>;

const objectRefOf = (form: FormData) => ({ kind: form.get("kind"), id: form.get("id") });

/** Stars are personal: viewers may star too. */
export const toggleStarAction = buttonAction(
  "toggleStar",
  {
    schema: objectRefSchema.extend({ starred: z.boolean() }),
    read: (form) => ({ ...objectRefOf(form), starred: form.get("starred") === "1" }),
  },
  async (input, { user, workspace }) => {
    await setStar({ workspaceId: workspace.id, userId: user.id, ...input });
    revalidatePath(`/catalog/${input.kind}/${input.id}`);
    revalidatePath("/stars");
  },
);

export const addCommentAction = formAction(
  "addComment",
  {
    schema: objectRefSchema.extend(commentInputSchema.shape),
    read: (form) => ({ ...objectRefOf(form), body: form.get("body") }),
    invalidMessage: "Check the comment.",
  },
  async ({ kind, id, body }, { user, workspace }) => {
    await addComment({ workspaceId: workspace.id, userId: user.id, kind, id, body }, { userId: user.id });
    revalidatePath(`/catalog/${kind}/${id}`);
    return { status: "done" as const, message: "Comment posted." };
  },
);

export const updateOwnershipAction = formAction(
  "updateOwnership",
  {
    role: "author",
    schema: objectRefSchema.extend(ownershipInputSchema.shape),
    read: (form) => ({ ...objectRefOf(form), owner: form.get("owner") ?? "", team: form.get("team") ?? "" }),
    invalidMessage: "Check the highlighted fields.",
  },
  async (input, { user, workspace }) => {
    const result = await updateOwnership({ workspaceId: workspace.id, ...input }, { userId: user.id });
    revalidatePath(`/catalog/${input.kind}/${input.id}`);
    return {
      status: "done" as const,
      message: result.versionNumber ? `Saved as version ${result.versionNumber}.` : "Owner saved.",
    };
  },
);

export const addToServiceAction = formAction(
  "addToService",
  {
    role: "author",
    schema: addToServiceInputSchema,
    read: (form) => {
      const target = String(form.get("serviceId") ?? "");
      return {
        featureIds: form.getAll("featureIds").map(String),
        serviceId: target && target !== "__new__" ? target : undefined,
        newServiceName: target === "__new__" ? String(form.get("newServiceName") ?? "") : undefined,
      };
    },
  },
  async (input, { user, workspace }) => {
    const result = await addFeaturesToService(
      { workspaceId: workspace.id, ...input, owner: user.email },
      { userId: user.id },
    );
    revalidatePath("/catalog", "layout");
    const what = result.created
      ? `Created ${result.serviceName} (version ${result.versionNumber}) with ${result.added.length} feature${result.added.length === 1 ? "" : "s"}.`
      : result.added.length
        ? `Added ${result.added.length} feature${result.added.length === 1 ? "" : "s"} to ${result.serviceName} (version ${result.versionNumber}).`
        : `${result.serviceName} already serves ${result.alreadyPresent.length === 1 ? "this feature" : "these features"}.`;
    return { status: "done" as const, message: what, href: catalogHref("feature_service", result.serviceId) };
  },
);
