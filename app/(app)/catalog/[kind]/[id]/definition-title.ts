import { cache } from "react";
import { findCurrentDefinition } from "@/lib/server/definitions";
import { requireWorkspace } from "@/lib/session";

/**
 * The object's name for browser titles (never its id); cached per request, so the page's own
 * lookup of the same object is not repeated by generateMetadata.
 */
export const definitionName = cache(async (kind: string, id: string): Promise<string | null> => {
  const { workspace } = await requireWorkspace();
  const current = await findCurrentDefinition(workspace.id, { kind, id });
  return current?.name ?? null;
});
