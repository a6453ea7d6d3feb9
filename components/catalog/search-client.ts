import type { SearchHit } from "@/lib/data/search";

/** Query keys and fetchers of catalog search on the client (the ⌘K palette). */
export const catalogSearchKeys = {
  all: ["catalog-search"] as const,
  quick: (q: string) => [...catalogSearchKeys.all, "quick", q] as const,
};

export async function fetchQuickSearch(q: string, signal: AbortSignal): Promise<SearchHit[]> {
  const response = await fetch(`/api/v1/search/quick?${new URLSearchParams({ q, limit: "8" })}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Search failed (${response.status})`);
  }
  return ((await response.json()) as { hits: SearchHit[] }).hits;
}
