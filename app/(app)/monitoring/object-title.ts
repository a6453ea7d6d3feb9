import type { Metadata } from "next";
import { getObjectHeader } from "@/lib/server/catalog";
import type { CatalogKind } from "@/lib/search/types";
import { requireWorkspace } from "@/lib/session";

/** A monitoring detail page's browser title: what it shows, then the object's name (never its id). */
export async function monitoringTitle(what: string, kind: CatalogKind, id: string): Promise<Metadata> {
  const { workspace } = await requireWorkspace();
  const found = await getObjectHeader({ workspaceId: workspace.id, kind, id });
  return { title: found ? `${what} · ${found.name}` : "Not found" };
}
