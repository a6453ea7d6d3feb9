import { catalogHref, catalogListHref } from "@/lib/routes";
import Link from "next/link";
import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CountCard } from "@/components/ui/count-card";
import { ModelsAtRisk } from "@/components/health/models-at-risk";
import { readCatalogCounts, readHealthSummary, readModelsAtRisk } from "@/lib/data/shared-reads";
import { formatAge, formatMs, formatNumber } from "@/lib/format";
import { requireWorkspace } from "@/lib/session";

export const metadata: Metadata = { title: "Home" };

const COUNT_TILES = [
  { key: "features", label: "Features", kind: "feature" },
  { key: "featureViews", label: "Feature views", kind: "feature_view" },
  { key: "dataSources", label: "Data sources", kind: "data_source" },
  { key: "entities", label: "Entities", kind: "entity" },
  { key: "featureServices", label: "Feature services", kind: "feature_service" },
  { key: "models", label: "Models", kind: "model" },
  { key: "savedDatasets", label: "Saved datasets", kind: "saved_dataset" },
] as const;

export default async function HomePage() {
  const { user, workspace, environment } = await requireWorkspace();
  const [counts, health, modelsAtRisk] = await Promise.all([
    readCatalogCounts(workspace.id),
    readHealthSummary(workspace.id, environment),
    readModelsAtRisk(workspace.id, environment),
  ]);
  const isEmpty = Object.values(counts).every((n) => n === 0);
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(" ")[0]}`}
        description={`${workspace.name} · health shown for the ${environment.name} environment`}
      />
      {isEmpty ? (
        <EmptyState title="This workspace has no definitions yet">
          Import a Feast registry, apply a repository definition through the API, or start the app with the demo
          catalog.
        </EmptyState>
      ) : null}
      <section aria-label="Catalog counts" className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {COUNT_TILES.map((tile) => (
          <Link
            key={tile.key}
            href={catalogListHref({ kind: tile.kind })}
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500"
            data-testid={`count-${tile.key}`}
          >
            <div className="text-2xl font-semibold tabular-nums">{formatNumber(counts[tile.key])}</div>
            <div className="text-xs text-slate-500">{tile.label}</div>
          </Link>
        ))}
      </section>
      <ModelsAtRisk models={modelsAtRisk} />
      <div className="grid gap-4 lg:grid-cols-3">
        <CountCard
          title="Stale feature views"
          count={health.staleViews.length}
          empty="Every materialised view is within its freshness SLA."
          listTestId="stale-views"
        >
          {health.staleViews.map((view) => (
            <li key={view.id} className="flex justify-between gap-2">
              <Link
                className="min-w-0 truncate font-medium text-brand-700 hover:underline"
                href={catalogHref("feature_view", view.id)}
              >
                {view.name}
              </Link>
              <span className="text-slate-600">
                {formatAge(view.stalenessSeconds)} old · SLA {formatAge(view.slaSeconds)}
              </span>
            </li>
          ))}
        </CountCard>
        <CountCard
          title="Services over latency budget"
          count={health.servicesOverBudget.length}
          empty="Every feature service met its p99 budget in the last hour."
          listTestId="slow-services"
        >
          {health.servicesOverBudget.map((service) => (
            <li key={service.id} className="flex justify-between gap-2">
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={catalogHref("feature_service", service.id)}
              >
                {service.name}
              </Link>
              <span
                className="text-slate-600"
                title="Request-weighted mean of per-minute p99 over the last hour (approximate)"
              >
                p99 ≈ {service.p99Ms === null ? "–" : formatMs(service.p99Ms)} /{" "}
                {service.budgetMs === null ? "no budget" : formatMs(service.budgetMs)}
              </span>
            </li>
          ))}
        </CountCard>
        <CountCard
          title="Drifting or skewed features"
          count={health.driftingFeatures.length}
          tone="warn"
          empty="No feature has a PSI over its alert threshold."
          listTestId="drifting-features"
        >
          {health.driftingFeatures.map((feature) => (
            <li key={feature.id} className="flex justify-between gap-2">
              <Link
                className="min-w-0 truncate font-medium text-brand-700 hover:underline"
                href={catalogHref("feature", feature.id)}
                title={`${feature.viewName}:${feature.name}`}
              >
                {feature.name}
                <span className="font-normal text-slate-500"> · {feature.viewName}</span>
              </Link>
              <span
                className="shrink-0 whitespace-nowrap text-slate-600"
                title={`PSI against the ${feature.comparedWith} profile`}
              >
                {feature.psi === null ? "over threshold" : `PSI ${feature.psi.toFixed(2)}`}
              </span>
            </li>
          ))}
        </CountCard>
      </div>
      <p className="mt-6 text-sm text-slate-500">
        {health.openAlerts} open alert{health.openAlerts === 1 ? "" : "s"} in {environment.name}.{" "}
        <Link href="/monitoring" className="text-brand-700 hover:underline">
          Open monitoring
        </Link>
      </p>
    </>
  );
}
