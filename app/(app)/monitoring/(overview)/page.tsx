import type { Metadata } from "next";
import { OverviewDashboard } from "@/components/monitoring/overview-dashboard";
import { listAlerts } from "@/lib/server/alerts";
import { readMonitoringOverview } from "@/lib/data/shared-reads";
import { MonitoringHeader } from "../header";
import { monitoringPageScope, type SearchParams } from "../scope";

export const metadata: Metadata = { title: "Overview" };

export default async function MonitoringOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await monitoringPageScope(searchParams);
  const [overview, openAlerts] = await Promise.all([
    readMonitoringOverview(scope.workspaceId, scope.environment),
    listAlerts({ workspaceId: scope.workspaceId, environmentId: scope.environment.id, state: "open" }),
  ]);
  return (
    <>
      <MonitoringHeader
        title="Monitoring"
        description="What is unhealthy now: stale feature views, slow or failing services, skewed or drifting features."
        environments={scope.environments}
        environment={scope.environment.name}
        showRange={false}
      />
      <OverviewDashboard initialData={{ ...overview, openAlerts }} search={scope.search} />
    </>
  );
}
