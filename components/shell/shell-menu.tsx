"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";

/**
 * The header's navigation and switchers: inline from 1280 px, behind a "Menu" button below that
 * (phones and tablets), opening as a full-width panel under the header row.
 */
export function ShellMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page where it was opened: following a link from the menu closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="order-2 inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-slate-200 hover:bg-white/10 xl:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
        </svg>
        Menu
      </button>
      <div
        id="site-menu"
        data-open={open}
        className={`${open ? "flex" : "hidden"} order-3 basis-full flex-col gap-3 border-t border-white/10 py-2 xl:order-none xl:flex xl:min-w-0 xl:flex-1 xl:basis-auto xl:flex-row xl:items-center xl:border-0 xl:py-0`}
      >
        {children}
      </div>
    </>
  );
}
