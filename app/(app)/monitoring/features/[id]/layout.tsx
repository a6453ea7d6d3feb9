import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { db } from "@/lib/db";
import { catalogObjectExists } from "@/lib/data/object-exists";
import { requireWorkspace } from "@/lib/session";

/** Before the loading skeleton streams: an unknown (or another workspace's) id is a 404 status. */
export default async function MonitoredObjectLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  const { id } = await params;
  const { workspace } = await requireWorkspace();
  if (!(await catalogObjectExists(db(), { workspaceId: workspace.id, kind: "feature", id }))) notFound();
  return children;
}
