"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { fetchJson } from "@/lib/fetch-json";

/** Open dashboards refetch this often, so they stay current while metrics stream in. */
export const POLL_INTERVAL_MS = 30_000;

export type MonitoringResource = "overview" | "freshness" | "serving" | "features";

/** Query keys: every monitoring query starts with "monitoring", so one invalidation refreshes all. */
export const monitoringKeys = {
  all: ["monitoring"] as const,
  resource: (resource: MonitoringResource, id: string | null, search: string, environment: string | null) =>
    ["monitoring", resource, id ?? "list", search, environment] as const,
  alerts: (search: string) => ["monitoring", "alerts", search] as const,
};

/** The dashboard's range and environment parameters, as the page's URL holds them. */
export function useDashboardSearch(): string {
  const params = useSearchParams();
  const kept = new URLSearchParams();
  for (const key of ["range", "from", "to", "env", "service", "model"]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
}

/** Polls one monitoring endpoint, starting from the server-rendered data. */
export function useMonitoringData<T>(resource: MonitoringResource, id: string | null, initialData: T) {
  const search = useDashboardSearch();
  const url = `/api/v1/monitoring/${resource}${id ? `/${encodeURIComponent(id)}` : ""}${search ? `?${search}` : ""}`;
  // The environment the server rendered keys the cache too: after a switch without ?env= in the
  // URL, the page must not show the previous environment's cached data.
  const environment = (initialData as { environment?: { name?: string } }).environment?.name ?? null;
  const query = useQuery({
    queryKey: monitoringKeys.resource(resource, id, search, environment),
    queryFn: ({ signal }) => fetchJson<T>(url, { signal }),
    initialData: () => initialData,
    refetchInterval: POLL_INTERVAL_MS,
    refetchOnWindowFocus: true,
  });
  return { ...query, data: query.data ?? initialData };
}
