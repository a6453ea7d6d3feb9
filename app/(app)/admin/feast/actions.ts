"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { saveFeastConnection } from "@/lib/server/feast-sync";
import { createWorkspaceAsAdmin } from "@/lib/server/workspaces";
import { feastConnectionInputSchema, workspaceInputSchema } from "@/lib/validations/admin";

type Saved = { status: "saved"; message: string };
export type FeastAdminState = ActionState<Saved>;

export const saveFeastConnectionAction = formAction(
  "saveFeastConnection",
  {
    role: "admin",
    schema: feastConnectionInputSchema,
    read: (form) => ({
      location: form.get("location"),
      project: form.get("project") ?? undefined,
      intervalSeconds: form.get("intervalSeconds") || undefined,
      environment: form.get("environment") ?? undefined,
      enabled: form.get("enabled") === "on",
    }),
    invalidMessage: "Check the highlighted fields.",
  },
  async (input, { workspace }): Promise<Saved> => {
    await saveFeastConnection(workspace.id, input);
    revalidatePath("/admin/feast");
    return {
      status: "saved",
      message: "Saved. The registry is read at the next scheduler tick, or now with Sync now.",
    };
  },
);

export const createWorkspaceAction = formAction(
  "createWorkspace",
  {
    role: "admin",
    schema: workspaceInputSchema,
    read: (form) => ({ slug: form.get("slug"), name: form.get("name") }),
    invalidMessage: "Check the highlighted fields.",
  },
  async (input, { user }): Promise<Saved> => {
    const created = await createWorkspaceAsAdmin(input, user.id);
    revalidatePath("/", "layout");
    return {
      status: "saved",
      message: `Workspace ${created.name} (${created.slug}) created; switch to it in the header.`,
    };
  },
);
