import Link from "next/link";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { Switcher } from "@/components/shell/switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { CommandPalette } from "@/components/catalog/command-palette";
import { readInboxCounts } from "@/lib/data/shared-reads";
import { roleAtLeast } from "@/lib/data/users";
import { requireWorkspace } from "@/lib/session";
import { switchEnvironmentAction, switchWorkspaceAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  const { user, workspace, role, environments, environment } = await requireWorkspace();
  const inbox = await readInboxCounts({ workspaceId: workspace.id, userId: user.id, role });
  const items: NavItem[] = [
    { href: "/", label: "Home" },
    { href: "/catalog", label: "Catalog" },
    { href: "/lineage", label: "Lineage" },
    { href: "/promotions", label: "Promotions", count: inbox.toReview },
    { href: "/monitoring", label: "Monitoring" },
    ...(roleAtLeast(role, "admin") ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
          <Link href="/" className="flex items-center gap-2 text-white">
            <svg aria-hidden viewBox="0 0 32 32" className="h-6 w-6">
              <rect width="32" height="32" rx="7" fill="#2f6fed" />
              <path
                d="M8 22 L14 12 L19 18 L24 9"
                stroke="#fff"
                strokeWidth="3"
                fill="none"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <span className="font-semibold tracking-tight">Featureline</span>
          </Link>
          <NavLinks items={items} />
          <div className="ml-auto flex items-center gap-3">
            <CommandPalette />
            {/* Keyed by value so the select shows the new choice after the server action. */}
            <Switcher
              key={`ws-${workspace.slug}`}
              label="Workspace"
              name="workspace"
              value={workspace.slug}
              options={user.memberships.map((m) => ({ value: m.workspaceSlug, label: m.workspaceName }))}
              action={switchWorkspaceAction}
            />
            <Switcher
              key={`env-${environment.name}`}
              label="Env"
              name="environment"
              value={environment.name}
              options={environments.map((e) => ({ value: e.name, label: e.name }))}
              action={switchEnvironmentAction}
            />
            <UserMenu name={user.name} email={user.email} role={role} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
