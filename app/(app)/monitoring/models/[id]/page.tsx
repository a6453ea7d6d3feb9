import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HealthReasons } from "@/components/health/health-reasons";
import { ObjectHealthBadge } from "@/components/health/object-health-badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listAlerts } from "@/lib/server/alerts";
import { servedObjects } from "@/lib/monitoring/health";
import { getModelHealth } from "@/lib/server/service-health";
import { monitoringHref } from "@/lib/routes";
import { MonitoringHeader } from "../../header";
import { ObjectAlerts } from "../../object-alerts";
import { ObjectLinks } from "../../object-links";
import { monitoringTitle } from "../../object-title";
import { monitoringPageScope, type SearchParams } from "../../scope";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return monitoringTitle("Model health", "model", id);
}

/** One model's monitoring view: the health of the services it reads its features from, and why. */
export default async function ModelHealthPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const [{ id }, scope] = await Promise.all([params, monitoringPageScope(searchParams)]);
  const where = { workspaceId: scope.workspaceId, environmentId: scope.environment.id };
  const model = (await getModelHealth({ ...where, modelIds: [id] })).get(id);
  if (!model) notFound();
  const alerts = await listAlerts({
    ...where,
    state: "firing",
    limit: 100,
    objects: servedObjects(model.services),
  });
  return (
    <>
      <MonitoringHeader
        title={`Model health: ${model.name}`}
        description={`The health of the ${model.services.length} feature service${model.services.length === 1 ? "" : "s"} it reads from, in ${scope.environment.name}.`}
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
        showRange={false}
        actions={<ObjectLinks kind="model" id={id} />}
      />
      <Card title="Health" className="mb-4" testId="object-health-card" action={<ObjectHealthBadge health={model} />}>
        <HealthReasons reasons={model.reasons} state={model.state} />
      </Card>
      <Card title="Feature services" className="mb-4">
        {model.services.length === 0 ? (
          <p className="text-sm text-slate-600">
            This model reads from no feature service, so there is nothing to judge.
          </p>
        ) : (
          <Table
            caption={`Feature services of ${model.name}`}
            head={
              <>
                <Th>Service</Th>
                <Th>Health</Th>
                <Th className="text-right">Features</Th>
              </>
            }
          >
            {model.services.map((service) => (
              <tr key={service.id} data-testid="model-service">
                <Td>
                  <Link
                    href={monitoringHref("feature_service", service.id)}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {service.name}
                  </Link>
                </Td>
                <Td>
                  <ObjectHealthBadge health={service} href={monitoringHref("feature_service", service.id)} />
                </Td>
                <Td className="text-right tabular-nums">{service.signals.features.length}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <ObjectAlerts alerts={alerts} role={scope.context.role} search={scope.search} />
    </>
  );
}
