import "server-only";
import type { Db } from "@/lib/db";
import { listFeatureStatistics, type FeatureStatisticsRow } from "./feature-statistics";
import { listViewFreshness, type ViewFreshness } from "./freshness";
import { HOUR_MS } from "./scope";
import { listServiceLatency, type ServiceLatency } from "./serving";

export interface MonitoringOverview {
  environment: { id: string; name: string };
  staleViews: ViewFreshness[];
  servicesOverBudget: ServiceLatency[];
  servicesWithErrors: ServiceLatency[];
  unhealthyFeatures: FeatureStatisticsRow[];
  counts: { views: number; services: number; features: number };
}

/** What is unhealthy now: stale views, services over budget or erroring, skewed or drifting features. */
export async function getMonitoringOverview(
  prisma: Db,
  options: { workspaceId: string; environment: { id: string; name: string }; now?: Date },
): Promise<MonitoringOverview> {
  const now = options.now ?? new Date();
  const scope = { workspaceId: options.workspaceId, environmentId: options.environment.id };
  const [views, services, features] = await Promise.all([
    listViewFreshness(prisma, { ...scope, now }),
    listServiceLatency(prisma, { ...scope, from: new Date(now.getTime() - HOUR_MS), to: now, now }),
    listFeatureStatistics(prisma, scope),
  ]);
  return {
    environment: options.environment,
    staleViews: views
      .filter((view) => view.status === "stale")
      .sort(
        (a, b) => (b.stalenessSeconds ?? 0) / (b.slaSeconds ?? 1) - (a.stalenessSeconds ?? 0) / (a.slaSeconds ?? 1),
      ),
    servicesOverBudget: services
      .filter((service) => service.isOverBudget)
      .sort((a, b) => (b.p99Ms ?? 0) / (b.budgetMs ?? 1) - (a.p99Ms ?? 0) / (a.budgetMs ?? 1)),
    servicesWithErrors: services.filter((service) => (service.errorRate ?? 0) > DEFAULT_ERROR_RATE),
    unhealthyFeatures: features.filter((feature) => feature.worst === "alert"),
    counts: { views: views.length, services: services.length, features: features.length },
  };
}

export const DEFAULT_ERROR_RATE = 0.01;
