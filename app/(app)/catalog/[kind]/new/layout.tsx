import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isDefinitionKind } from "@/lib/data/definitions";

/** Before the loading skeleton streams: an unknown kind is a 404 status, not a 200 page. */
export default async function NewDefinitionLayout({
  params,
  children,
}: {
  params: Promise<{ kind: string }>;
  children: ReactNode;
}) {
  if (!isDefinitionKind((await params).kind)) notFound();
  return children;
}
