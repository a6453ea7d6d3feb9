"use client";

import { KIND_LABELS } from "@/lib/kinds";
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { catalogSearchKeys, fetchQuickSearch } from "@/components/catalog/search-client";

const DEBOUNCE_MS = 150;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * ⌘K / Ctrl+K from any page: server search as you type (debounced; a newer query aborts the
 * older request), arrow keys to move, Enter to open the object.
 */
export function CommandPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useQuery({
    queryKey: catalogSearchKeys.quick(q),
    queryFn: ({ signal }) => fetchQuickSearch(q, signal),
    enabled: open && q.length > 0,
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((value) => !value);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const go = (href: string) => {
    setOpen(false);
    setText("");
    router.push(href);
  };
  const hits = q.length > 0 ? (search.data ?? []) : [];

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="hidden items-center gap-2 rounded-md border border-slate-700 px-2 py-1 text-xs text-slate-300 hover:border-slate-500 hover:text-white sm:inline-flex"
        aria-label="Search the catalog (Ctrl+K)"
      >
        Search <kbd className="rounded bg-slate-800 px-1 font-sans">⌘K</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={setOpen}
        label="Search the catalog"
        shouldFilter={false}
        loop
        className="fixed left-1/2 top-24 z-50 w-[min(40rem,92vw)] -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-2xl"
        overlayClassName="fixed inset-0 z-40 bg-slate-900/40"
      >
        <Command.Input
          value={text}
          onValueChange={setText}
          placeholder="Jump to a feature, view, source, service, model…"
          aria-label="Search the catalog"
          maxLength={200}
          className="w-full border-b border-slate-200 px-4 py-3 text-sm outline-none"
        />
        <Command.List className="max-h-96 overflow-y-auto p-2" data-testid="palette-results">
          {q.length === 0 ? (
            <p className="px-2 py-6 text-center text-sm text-slate-500">Type a name, a tag, an owner or a team.</p>
          ) : search.isError ? (
            <p role="alert" className="px-2 py-6 text-center text-sm text-red-700">
              {search.error.message}
            </p>
          ) : (
            <>
              {search.isFetching && hits.length === 0 ? <Command.Loading>Searching…</Command.Loading> : null}
              {!search.isFetching ? (
                <Command.Empty className="px-2 py-6 text-center text-sm text-slate-500">
                  Nothing matches “{q}”.
                </Command.Empty>
              ) : null}
              {hits.map((hit) => (
                <Command.Item
                  key={`${hit.kind}:${hit.id}`}
                  value={`${hit.kind}:${hit.id}`}
                  onSelect={() => go(hit.href)}
                  className="flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm data-[selected=true]:bg-brand-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">
                      {hit.kind === "feature" && hit.parent ? (
                        <span className="text-slate-500">{hit.parent.name}:</span>
                      ) : null}
                      {hit.name}
                    </span>
                    {hit.description ? (
                      <span className="block truncate text-xs text-slate-500">{hit.description}</span>
                    ) : null}
                  </span>
                  <span className="shrink-0 text-xs text-slate-500">{KIND_LABELS[hit.kind].one}</span>
                </Command.Item>
              ))}
              {hits.length > 0 ? (
                <Command.Item
                  value="__all__"
                  onSelect={() => go(`/catalog?q=${encodeURIComponent(q)}`)}
                  className="cursor-pointer rounded-md px-3 py-2 text-sm text-brand-700 data-[selected=true]:bg-brand-50"
                >
                  See all results for “{q}”
                </Command.Item>
              ) : null}
            </>
          )}
        </Command.List>
      </Command.Dialog>
    </>
  );
}
