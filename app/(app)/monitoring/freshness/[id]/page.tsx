import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FreshnessDashboard } from "@/components/monitoring/freshness-dashboard";
import { getFreshnessDetail } from "@/lib/server/monitoring";
import { MonitoringHeader } from "../../header";
import { listFiringAlerts, ObjectAlerts } from "../../object-alerts";
import { ObjectLinks } from "../../object-links";
import { monitoringTitle } from "../../object-title";
import { monitoringPageScope, type SearchParams } from "../../scope";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return monitoringTitle("Freshness", "feature_view", id);
}

export default async function FreshnessDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const [{ id }, scope] = await Promise.all([params, monitoringPageScope(searchParams)]);
  const [detail, alerts] = await Promise.all([
    getFreshnessDetail({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      featureViewId: id,
      from: scope.from,
      to: scope.to,
    }),
    listFiringAlerts({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      objectKind: "feature_view",
      objectId: id,
    }),
  ]);
  if (!detail) notFound();
  return (
    <>
      <MonitoringHeader
        title={`Freshness: ${detail.view.name}`}
        description={`${detail.view.kind} view${detail.view.schedule ? ` on a ${detail.view.schedule} schedule` : ""}${detail.view.owner ? `, owned by ${detail.view.owner}` : ""}.`}
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
        actions={<ObjectLinks kind="feature_view" id={detail.view.id} />}
      />
      <ObjectAlerts alerts={alerts} role={scope.context.role} search={scope.search} />
      <FreshnessDashboard initialData={detail} />
    </>
  );
}
