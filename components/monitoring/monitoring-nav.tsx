"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  { href: "/monitoring", label: "Overview" },
  { href: "/monitoring/freshness", label: "Freshness" },
  { href: "/monitoring/serving", label: "Serving latency" },
  { href: "/monitoring/features", label: "Skew & drift" },
  { href: "/monitoring/alerts", label: "Alerts" },
  { href: "/monitoring/rules", label: "Rules" },
  { href: "/monitoring/channels", label: "Channels" },
];

/** Section tabs that carry the range and environment along. */
export function MonitoringNav() {
  const pathname = usePathname();
  const params = useSearchParams();
  const kept = new URLSearchParams();
  for (const key of ["range", "from", "to", "env"]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const suffix = kept.toString() ? `?${kept.toString()}` : "";
  return (
    <nav aria-label="Monitoring" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {TABS.map((tab) => {
        const isCurrent = tab.href === "/monitoring" ? pathname === tab.href : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={`${tab.href}${suffix}`}
            aria-current={isCurrent ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${isCurrent ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
