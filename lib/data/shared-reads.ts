import "server-only";
import { sharedRead } from "@/lib/cache/shared-read";
import { db } from "@/lib/db";
import { getMonitoringOverview } from "@/lib/data/monitoring";
import { countInbox } from "@/lib/data/promotions";
import type { Role } from "@/lib/generated/prisma/enums";
import { getCatalogCounts, getHealthSummary } from "@/lib/data/overview";
import { listEnvironments } from "@/lib/data/workspaces";
import { listModelsAtRisk } from "@/lib/data/service-health";

/*
 * The workspace-wide aggregates that pages and the API show to everyone alike, shared across
 * requests for a few seconds (see lib/cache/shared-read.ts for what that guarantees). Freshness
 * and latency are judged against the clock, so their entries live shorter than the counts.
 */
const COUNTS_TTL_MS = 10_000;
const HEALTH_TTL_MS = 5_000;

export function readCatalogCounts(workspaceId: string) {
  return sharedRead(`catalog-counts:${workspaceId}`, { ttlMs: COUNTS_TTL_MS }, () =>
    getCatalogCounts(db(), workspaceId),
  );
}

export function readHealthSummary(workspaceId: string, environment: { id: string; name: string }) {
  return sharedRead(`health-summary:${workspaceId}:${environment.id}`, { ttlMs: HEALTH_TTL_MS }, () =>
    getHealthSummary(db(), workspaceId, { id: environment.id, name: environment.name }),
  );
}

/** The home page's "Models at risk": each with its state and reasons (not its services' signals). */
export function readModelsAtRisk(workspaceId: string, environment: { id: string }) {
  return sharedRead(`models-at-risk:${workspaceId}:${environment.id}`, { ttlMs: HEALTH_TTL_MS }, async () =>
    (await listModelsAtRisk(db(), { workspaceId, environmentId: environment.id })).map((model) => ({
      id: model.id,
      name: model.name,
      state: model.state,
      reasons: model.reasons,
    })),
  );
}

export function readMonitoringOverview(workspaceId: string, environment: { id: string; name: string }) {
  return sharedRead(
    `monitoring-overview:${workspaceId}:${environment.id}:${environment.name}`,
    { ttlMs: HEALTH_TTL_MS },
    // Only id and name: callers pass richer objects, and the entry is shared between them.
    () => getMonitoringOverview(db(), { workspaceId, environment: { id: environment.id, name: environment.name } }),
  );
}

/** The navigation's review count of one person (every page's layout shows it). */
export function readInboxCounts(input: { workspaceId: string; userId: string; role: Role }) {
  return sharedRead(`inbox:${input.workspaceId}:${input.userId}:${input.role}`, { ttlMs: COUNTS_TTL_MS }, () =>
    countInbox(db(), input),
  );
}

/**
 * A workspace's environments in promotion order, which every page and API request resolves its
 * environment against. Which environment a page shows is not an access check, and adding or
 * reordering environments is a write that retires the entry.
 */
export function readEnvironments(workspaceId: string) {
  return sharedRead(`environments:${workspaceId}`, { ttlMs: COUNTS_TTL_MS }, () => listEnvironments(db(), workspaceId));
}
