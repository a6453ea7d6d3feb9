import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { workspace } = await requireRole("admin");
  return (
    <>
      <PageHeader title="Admin" description={`Members, roles, environments and API tokens of ${workspace.name}.`} />
      <nav aria-label="Admin" className="mb-6 flex gap-4 border-b border-slate-200 text-sm">
        <Link href="/admin/users" className="border-b-2 border-transparent pb-2 hover:border-brand-500">
          Members
        </Link>
        <Link href="/admin/sso" className="border-b-2 border-transparent pb-2 hover:border-brand-500">
          Single sign-on
        </Link>
        <Link href="/admin/environments" className="border-b-2 border-transparent pb-2 hover:border-brand-500">
          Environments
        </Link>
        <Link href="/admin/tokens" className="border-b-2 border-transparent pb-2 hover:border-brand-500">
          API tokens
        </Link>
        <Link href="/admin/feast" className="border-b-2 border-transparent pb-2 hover:border-brand-500">
          Feast sync and workspaces
        </Link>
        <Link href="/docs/api" className="border-b-2 border-transparent pb-2 hover:border-brand-500">
          API reference
        </Link>
      </nav>
      {children}
    </>
  );
}
