import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DriftDashboard } from "@/components/monitoring/drift-dashboard";
import { PinBaselineForm, ThresholdForm } from "@/components/monitoring/threshold-form";
import { Card } from "@/components/ui/card";
import { getFeatureDrift } from "@/lib/server/monitoring";
import { roleAtLeast } from "@/lib/data/users";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";
import { DEFAULT_THRESHOLDS } from "@/lib/monitoring/thresholds";
import { MonitoringHeader } from "../../header";
import { listFiringAlerts, ObjectAlerts } from "../../object-alerts";
import { ObjectLinks } from "../../object-links";
import { monitoringTitle } from "../../object-title";
import { monitoringPageScope, type SearchParams } from "../../scope";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return monitoringTitle("Skew & drift", "feature", id);
}

export default async function FeatureDriftPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const [{ id }, scope] = await Promise.all([params, monitoringPageScope(searchParams)]);
  const [drift, alerts] = await Promise.all([
    getFeatureDrift({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      featureId: id,
      from: scope.from,
      to: scope.to,
    }),
    listFiringAlerts({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      objectKind: "feature",
      objectId: id,
    }),
  ]);
  if (!drift) notFound();
  const canEdit = roleAtLeast(scope.context.role, "author");
  const editable = (Object.keys(STATISTICS) as StatisticName[])
    .filter((name) => drift.kind === null || STATISTICS[name].appliesTo.includes(drift.kind))
    .map((name) => {
      const current = drift.thresholds.find((threshold) => threshold.statistic === name);
      // docs/statistics.md sets the L-infinity default for categorical profiles only.
      const fallback =
        name === "linf" && drift.kind === "numeric"
          ? null
          : (DEFAULT_THRESHOLDS[name as keyof typeof DEFAULT_THRESHOLDS] ?? null);
      return {
        statistic: name,
        label: STATISTICS[name].label,
        warn: current?.warn ?? null,
        alert: current?.alert ?? null,
        isOverride: current?.isOverride ?? false,
        defaults: fallback,
        isHigherWorse: STATISTICS[name].isHigherWorse,
      };
    });
  const { feature } = drift;
  return (
    <>
      <MonitoringHeader
        title={`Skew & drift: ${feature.featureView.name}:${feature.name}`}
        description={`${feature.valueType} feature of the ${feature.featureView.kind.replace("_", "-")} view ${feature.featureView.name}${drift.usedBy.models.length ? `, used by ${drift.usedBy.models.map((model) => model.name).join(", ")}` : ""}.`}
        environments={scope.environments}
        environment={scope.environment.name}
        rangeError={scope.rangeError}
        actions={<ObjectLinks kind="feature" id={feature.id} />}
      />
      <ObjectAlerts alerts={alerts} role={scope.context.role} search={scope.search} />
      <DriftDashboard initialData={drift} />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title="Thresholds for this feature">
          {canEdit ? (
            <ThresholdForm featureId={feature.id} thresholds={editable} />
          ) : (
            <p className="text-sm text-slate-600">Authors and above can override this feature&apos;s thresholds.</p>
          )}
        </Card>
        <Card title="Drift baseline">
          <p className="mb-3 text-sm text-slate-600">{drift.baseline.description}</p>
          {canEdit ? (
            <PinBaselineForm
              featureId={feature.id}
              environmentId={scope.environment.id}
              pinned={drift.baseline.pinned}
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
