import type { SearchHit } from "@/lib/data/search";
import { fetchJson } from "@/lib/fetch-json";

/** Query keys and fetchers of catalog search on the client (the ⌘K palette). */
export const catalogSearchKeys = {
  all: ["catalog-search"] as const,
  quick: (q: string) => [...catalogSearchKeys.all, "quick", q] as const,
};

export async function fetchQuickSearch(q: string, signal: AbortSignal): Promise<SearchHit[]> {
  const url = `/api/v1/search/quick?${new URLSearchParams({ q, limit: "8" })}`;
  return (await fetchJson<{ hits: SearchHit[] }>(url, { signal })).hits;
}
