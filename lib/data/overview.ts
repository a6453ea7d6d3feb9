import "server-only";
import type { Db } from "@/lib/db";
import { getMonitoringOverview } from "@/lib/data/monitoring";

export async function getCatalogCounts(prisma: Db, workspaceId: string) {
  const where = { workspaceId };
  const [features, featureViews, dataSources, entities, featureServices, models, savedDatasets] = await Promise.all([
    prisma.feature.count({ where }),
    prisma.featureView.count({ where }),
    prisma.dataSource.count({ where }),
    prisma.entity.count({ where }),
    prisma.featureService.count({ where }),
    prisma.model.count({ where }),
    prisma.savedDataset.count({ where }),
  ]);
  return { features, featureViews, dataSources, entities, featureServices, models, savedDatasets };
}

export interface HealthSummary {
  staleViews: { id: string; name: string; stalenessSeconds: number | null; slaSeconds: number | null }[];
  servicesOverBudget: { id: string; name: string; p99Ms: number | null; budgetMs: number | null }[];
  driftingFeatures: {
    id: string;
    name: string;
    viewName: string;
    psi: number | null;
    comparedWith: "baseline" | "offline";
  }[];
  openAlerts: number;
}

/**
 * The home page's summary of what is unhealthy in one environment: the monitoring overview
 * (the same rules as the dashboards), trimmed to what the home page shows.
 */
export async function getHealthSummary(
  prisma: Db,
  workspaceId: string,
  environment: { id: string; name: string },
): Promise<HealthSummary> {
  const [overview, openAlerts] = await Promise.all([
    getMonitoringOverview(prisma, { workspaceId, environment }),
    prisma.alert.count({ where: { workspaceId, environmentId: environment.id, endedAt: null, acknowledgedAt: null } }),
  ]);
  return {
    staleViews: overview.staleViews.map(({ id, name, stalenessSeconds, slaSeconds }) => ({
      id,
      name,
      stalenessSeconds,
      slaSeconds,
    })),
    servicesOverBudget: overview.servicesOverBudget.map(({ id, name, p99Ms, budgetMs }) => ({
      id,
      name,
      p99Ms,
      budgetMs,
    })),
    driftingFeatures: overview.unhealthyFeatures.map((feature) => ({
      id: feature.featureId,
      name: feature.name,
      viewName: feature.featureView.name,
      psi: feature.psi,
      comparedWith: feature.drift?.worst === "alert" ? "baseline" : "offline",
    })),
    openAlerts,
  };
}
