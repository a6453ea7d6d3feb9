import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadVersionPage } from "./load";

/** Before the loading skeleton streams: an unknown version is a 404 status, not a 200 page. */
export default async function VersionLayout({
  params,
  children,
}: {
  params: Promise<{ kind: string; id: string; number: string }>;
  children: ReactNode;
}) {
  const { kind, id, number } = await params;
  if (!(await loadVersionPage(kind, id, number))) notFound();
  return children;
}
