import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HealthReasons } from "@/components/health/health-reasons";
import { ObjectHealthBadge } from "@/components/health/object-health-badge";
import { ServedSignalsTable } from "@/components/health/served-signals-table";
import { ServingDashboard } from "@/components/monitoring/serving-dashboard";
import { Card } from "@/components/ui/card";
import { listAlerts } from "@/lib/server/alerts";
import { getServingDetail } from "@/lib/server/monitoring";
import { servedObjects } from "@/lib/monitoring/health";
import { getServiceHealth } from "@/lib/server/service-health";
import { MonitoringHeader } from "../../header";
import { ObjectAlerts } from "../../object-alerts";
import { ObjectLinks } from "../../object-links";
import { monitoringTitle } from "../../object-title";
import { monitoringPageScope, type SearchParams } from "../../scope";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return monitoringTitle("Service health", "feature_service", id);
}

/** One service's monitoring view: its health and why, what it serves, its latency and errors, its alerts. */
export default async function ServiceHealthPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const [{ id }, scope] = await Promise.all([params, monitoringPageScope(searchParams)]);
  const where = { workspaceId: scope.workspaceId, environmentId: scope.environment.id };
  const [health, serving] = await Promise.all([
    getServiceHealth({ ...where, serviceIds: [id] }),
    getServingDetail({ ...where, featureServiceId: id, from: scope.from, to: scope.to }),
  ]);
  const service = health.get(id);
  if (!service || !serving) notFound();
  // Alerts on the service and on everything it serves.
  const alerts = await listAlerts({
    ...where,
    state: "firing",
    limit: 100,
    objects: servedObjects([service]),
  });
  return (
    <>
      <MonitoringHeader
        title={`Service health: ${service.name}`}
        description={`Its latency and errors over the last hour, the freshness, drift and skew of the ${service.signals.features.length} features it serves, and their alerts, in ${scope.environment.name}.`}
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
        actions={<ObjectLinks kind="feature_service" id={id} />}
      />
      <Card title="Health" className="mb-4" testId="object-health-card" action={<ObjectHealthBadge health={service} />}>
        <HealthReasons reasons={service.reasons} state={service.state} />
      </Card>
      <Card title="Served features" className="mb-4">
        <ServedSignalsTable signals={service.signals} />
      </Card>
      <ObjectAlerts alerts={alerts} role={scope.context.role} search={scope.search} />
      <h2 className="mb-2 mt-6 text-lg font-semibold">
        Latency and errors{" "}
        <Link
          href={`/monitoring/serving/${encodeURIComponent(id)}`}
          className="text-sm font-normal text-brand-700 hover:underline"
        >
          (serving page)
        </Link>
      </h2>
      <ServingDashboard initialData={serving} />
    </>
  );
}
