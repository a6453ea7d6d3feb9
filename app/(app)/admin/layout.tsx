import type { ReactNode } from "react";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PageHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { workspace } = await requireRole("admin");
  return (
    <>
      <PageHeader title="Admin" description={`Members, roles, environments and API tokens of ${workspace.name}.`} />
      <AdminTabs />
      {children}
    </>
  );
}
