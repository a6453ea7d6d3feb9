"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";

/**
 * The catalog's filters: a sidebar from 1024 px; below that a "Filters" button opening them in a
 * drawer over the results, so on a phone the results come first. Choosing a filter (a link that
 * changes the query) closes the drawer; so do Escape and the backdrop.
 */
export function FiltersDrawer({ children }: { children: ReactNode }) {
  const query = useSearchParams().toString();
  // Open for the query it was opened on: following a filter link closes it.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = openFor === query;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpenFor(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="min-w-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="catalog-filters"
        onClick={() => setOpenFor(query)}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 lg:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M3 5h14M6 10h8M8.5 15h3" />
        </svg>
        Filters
      </button>
      <div className={open ? "fixed inset-0 z-40 flex lg:static lg:block" : "hidden lg:block"}>
        <div aria-hidden className="absolute inset-0 bg-black/40 lg:hidden" onClick={() => setOpenFor(null)} />
        <aside
          id="catalog-filters"
          aria-label="Filters"
          className="relative h-full w-80 max-w-[85vw] overflow-y-auto bg-white p-4 shadow-xl lg:h-auto lg:w-auto lg:max-w-none lg:overflow-visible lg:bg-transparent lg:p-0 lg:shadow-none"
        >
          <div className="mb-3 flex items-center justify-between lg:hidden">
            <h2 className="text-sm font-semibold text-slate-900">Filters</h2>
            <button
              type="button"
              onClick={() => setOpenFor(null)}
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            >
              Close
            </button>
          </div>
          {children}
        </aside>
      </div>
    </div>
  );
}
