import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServingDashboard } from "@/components/monitoring/serving-dashboard";
import { getServingDetail } from "@/lib/server/monitoring";
import { MonitoringHeader } from "../../header";
import { listFiringAlerts, ObjectAlerts } from "../../object-alerts";
import { ObjectLinks } from "../../object-links";
import { monitoringTitle } from "../../object-title";
import { monitoringPageScope, type SearchParams } from "../../scope";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return monitoringTitle("Serving latency", "feature_service", id);
}

export default async function ServingDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const [{ id }, scope] = await Promise.all([params, monitoringPageScope(searchParams)]);
  const [detail, alerts] = await Promise.all([
    getServingDetail({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      featureServiceId: id,
      from: scope.from,
      to: scope.to,
    }),
    listFiringAlerts({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      objectKind: "feature_service",
      objectId: id,
    }),
  ]);
  if (!detail) notFound();
  return (
    <>
      <MonitoringHeader
        title={`Serving latency: ${detail.service.name}`}
        description={`${detail.service.budgetMs === null ? "No latency budget" : `p99 budget ${detail.service.budgetMs} ms`}${detail.service.owner ? ` · owned by ${detail.service.owner}` : ""}.`}
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
        actions={<ObjectLinks kind="feature_service" id={detail.service.id} />}
      />
      <ObjectAlerts alerts={alerts} role={scope.context.role} search={scope.search} />
      <ServingDashboard initialData={detail} />
    </>
  );
}
