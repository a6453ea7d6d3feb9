import "server-only";
import { notFound } from "next/navigation";
import { catalogObjectExists } from "@/lib/server/object-exists";
import type { CatalogKind } from "@/lib/search/types";
import { requireWorkspace } from "@/lib/session";

/**
 * For the layouts of the monitoring detail pages: they render before the page's loading
 * skeleton, so an unknown (or another workspace's) id answers with a 404 status.
 */
export async function requireMonitoredObject(kind: CatalogKind, params: Promise<{ id: string }>): Promise<void> {
  const { id } = await params;
  const { workspace } = await requireWorkspace();
  if (!(await catalogObjectExists({ workspaceId: workspace.id, kind, id }))) notFound();
}
