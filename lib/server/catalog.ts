// @/lib/data/catalog bound to the app's database client (see lib/server/bind.ts).
import "server-only";
import { PAGE_READ_TTL_MS, REGISTRY_READ_TTL_MS } from "@/lib/cache/shared-read";
import * as data from "@/lib/data/catalog";
import type { CatalogKind } from "@/lib/search/types";
import { bindDb, bindSharedRead } from "@/lib/server/bind";

export const addFeaturesToService = bindDb(data.addFeaturesToService);
/**
 * An object's page data in two shared parts: what only writes change (which retire it) is kept
 * long; a feature's health and a view's freshness are judged against the clock, so for seconds.
 */
const getObjectRegistryDetail = bindSharedRead(
  "getObjectRegistryDetail",
  data.getObjectRegistryDetail,
  REGISTRY_READ_TTL_MS,
);
const getClockHealth = bindSharedRead("getClockHealth", data.getClockHealth, PAGE_READ_TTL_MS);

export async function getObjectDetail(options: {
  workspaceId: string;
  kind: CatalogKind;
  id: string;
  environment: { id: string; name: string };
}): Promise<data.ObjectDetail | null> {
  const { workspaceId, kind, id, environment } = options;
  const registry = await getObjectRegistryDetail({ workspaceId, kind, id });
  if (!registry) return null;
  const subject = data.clockSubject(registry);
  const clock = subject
    ? await getClockHealth({ workspaceId, environment: { id: environment.id, name: environment.name }, subject })
    : null;
  return data.withClockHealth(registry, clock);
}
export const getObjectHeader = bindSharedRead("getObjectHeader", data.getObjectHeader, REGISTRY_READ_TTL_MS);
export const listFeatureServiceOptions = bindSharedRead(
  "listFeatureServiceOptions",
  data.listFeatureServiceOptions,
  REGISTRY_READ_TTL_MS,
);
export const listTeamOptions = bindSharedRead("listTeamOptions", data.listTeamOptions, REGISTRY_READ_TTL_MS);
export const requireObjectHeader = bindDb(data.requireObjectHeader);
export const updateOwnership = bindDb(data.updateOwnership);
