import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { db } from "@/lib/db";
import { promotionRequestExists } from "@/lib/data/object-exists";
import { requireWorkspace } from "@/lib/session";
import { requestNumberSchema } from "@/lib/validations/promotions";

/** Before the loading skeleton streams: an unknown (or another workspace's) request is a 404 status. */
export default async function PromotionRequestLayout({
  params,
  children,
}: {
  params: Promise<{ number: string }>;
  children: ReactNode;
}) {
  const number = requestNumberSchema.safeParse((await params).number);
  if (!number.success) notFound();
  const { workspace } = await requireWorkspace();
  if (!(await promotionRequestExists(db(), { workspaceId: workspace.id, number: number.data }))) notFound();
  return children;
}
