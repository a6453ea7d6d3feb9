import { registryWriteEpoch, writeEpoch } from "@/lib/db/write-epoch";

/**
 * Reads that do not depend on who asks (a workspace's catalog counts, its monitoring overview)
 * are shared by every request of this process for a few seconds, and concurrent misses of one
 * key wait for the same load instead of each running the queries: under load a hundred people
 * opening the home page cost one overview, not a hundred.
 *
 * Only for what a page shows, never for what decides a write or an access check. Any write of
 * this process (lib/db/write-epoch.ts) retires every entry at once, so people see their own
 * changes; so does another instance's write on the same PostgreSQL, once its commit's
 * notification arrives (lib/db/write-listener.ts). The time to live bounds what depends on the
 * clock (freshness, snoozes) and what a lost listener connection could miss.
 *
 * Reads kept for REGISTRY_READ_TTL_MS are of the registry alone (that is what the time to live
 * means), so writes of ingestion's tables alone (a platform pushing metrics every few seconds)
 * do not retire them: they follow registryWriteEpoch.
 */
interface Entry {
  expiresAt: number;
  epoch: number;
  value: Promise<unknown>;
}

/** How long a shared page read is served: health is judged against the clock, so a few seconds. */
export const PAGE_READ_TTL_MS = 5_000;
/** For reads of the registry alone, which only writes change (and writes retire them). */
export const REGISTRY_READ_TTL_MS = 60_000;

const MAX_ENTRIES = 1000;
const globalForReads = globalThis as typeof globalThis & { __featurelineSharedReads?: Map<string, Entry> };
const entries = (globalForReads.__featurelineSharedReads ??= new Map<string, Entry>());

export async function sharedRead<T>(
  key: string,
  options: { ttlMs: number; now?: () => number },
  load: () => Promise<T>,
): Promise<T> {
  const now = options.now ?? Date.now;
  const epoch = options.ttlMs === REGISTRY_READ_TTL_MS ? registryWriteEpoch : writeEpoch;
  const found = entries.get(key);
  if (found && found.expiresAt > now() && found.epoch === epoch()) return found.value as Promise<T>;
  if (!found && entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  const entry: Entry = { expiresAt: now() + options.ttlMs, epoch: epoch(), value: load() };
  entries.set(key, entry);
  // A failed load is not kept: the next request tries again.
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return entry.value as Promise<T>;
}

/** Drops every entry whose key starts with `prefix`: the next read of it loads afresh. */
export function forgetSharedReads(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
