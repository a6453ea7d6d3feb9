"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/admin/users", label: "Members" },
  { href: "/admin/sso", label: "Single sign-on" },
  { href: "/admin/environments", label: "Environments" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/feast", label: "Feast sync and workspaces" },
  { href: "/docs/api", label: "API reference" },
];

/** The admin section's tabs, the current one marked (aria-current and underline). */
export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-6 flex gap-4 overflow-x-auto border-b border-slate-200 text-sm">
      {TABS.map((tab) => {
        const isActive = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={isActive ? "page" : undefined}
            className={`-mb-px shrink-0 border-b-2 pb-2 ${isActive ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:border-brand-500 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
