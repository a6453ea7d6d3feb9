import type { Metadata } from "next";
import { AutoRefresh } from "@/components/monitoring/auto-refresh";
import { WorstFeaturesTable } from "@/components/monitoring/worst-features-table";
import { Button } from "@/components/ui/button";
import { listFeatureStatistics, listFeatureStatisticsFilters } from "@/lib/server/monitoring";
import { MonitoringHeader } from "../../header";
import { monitoringPageScope, type SearchParams } from "../../scope";

export const metadata: Metadata = { title: "Skew & drift" };

export default async function FeaturesPage({ searchParams }: { searchParams: SearchParams }) {
  const [scope, raw] = await Promise.all([monitoringPageScope(searchParams), searchParams]);
  const pick = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);
  const serviceId = pick(raw.service);
  const modelId = pick(raw.model);
  const [{ services, models }, features] = await Promise.all([
    listFeatureStatisticsFilters(scope.workspaceId),
    listFeatureStatistics({
      workspaceId: scope.workspaceId,
      environmentId: scope.environment.id,
      featureServiceId: serviceId,
      modelId,
    }),
  ]);
  return (
    <>
      <AutoRefresh />
      <MonitoringHeader
        title="Skew & drift"
        description="The latest online profile of each feature against the offline profile of the same window (skew) and against its baseline: the training profile of the model's saved dataset, or a pinned window (drift)."
        environments={scope.environments}
        environment={scope.environment.name}
        showRange={false}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <input type="hidden" name="env" value={scope.environment.name} />
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Feature service
          <select
            name="service"
            defaultValue={serviceId ?? ""}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">All services</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Model
          <select
            name="model"
            defaultValue={modelId ?? ""}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">All models</option>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <WorstFeaturesTable initialData={{ features }} search={scope.search} />
    </>
  );
}
