import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { catalogObjectExists } from "@/lib/server/object-exists";
import { requireWorkspace } from "@/lib/session";
import { decodePathSegment, objectRefSchema } from "@/lib/validations/catalog";

/**
 * Renders before the segment's loading.tsx: an unknown object (or one of another workspace)
 * is a 404 status here, where the page itself, streamed after its skeleton, could only say so.
 */
export default async function CatalogObjectLayout({
  params,
  children,
}: {
  params: Promise<{ kind: string; id: string }>;
  children: ReactNode;
}) {
  const raw = await params;
  const ref = objectRefSchema.safeParse({ kind: raw.kind, id: decodePathSegment(raw.id) });
  if (!ref.success) notFound();
  const { workspace } = await requireWorkspace();
  if (!(await catalogObjectExists({ workspaceId: workspace.id, ...ref.data }))) notFound();
  return children;
}
