import "server-only";
import { cache } from "react";
import { findCurrentDefinition, getVersion } from "@/lib/server/definitions";
import { requireWorkspace } from "@/lib/session";
import { versionNumberSchema } from "@/lib/validations/authoring";

/** The object and one of its versions, or null; shared by the layout (404 status) and the page (cached per request). */
export const loadVersionPage = cache(async (kind: string, id: string, number: string) => {
  const parsedNumber = versionNumberSchema.safeParse(number);
  if (!parsedNumber.success) return null;
  const { workspace } = await requireWorkspace();
  const current = await findCurrentDefinition(workspace.id, { kind, id });
  if (!current) return null;
  const version = await getVersion({
    workspaceId: workspace.id,
    kind: current.kind,
    objectId: current.objectId,
    number: parsedNumber.data,
  });
  return version ? { current, version } : null;
});
