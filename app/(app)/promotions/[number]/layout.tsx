import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { promotionRequestExists } from "@/lib/server/object-exists";
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
  if (!(await promotionRequestExists({ workspaceId: workspace.id, number: number.data }))) notFound();
  return children;
}
