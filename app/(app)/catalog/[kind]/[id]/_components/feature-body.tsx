import { formatLatencyBudget } from "@/lib/format";
import { lineageHref } from "@/lib/routes";
import { AddToServiceForm } from "@/components/catalog/add-to-service-form";
import { CodeBlock } from "@/components/catalog/code-block";
import { CopyButton } from "@/components/catalog/copy-button";
import { LineagePreview } from "@/components/catalog/lineage-preview";
import { Field, LinkList, ObjectLink, Transformation } from "@/components/catalog/object-sections";
import { featureServiceSnippet, onlineRequestSnippet } from "@/components/catalog/snippets";
import { Card } from "@/components/ui/card";
import type { FeatureDetail } from "@/lib/data/catalog";
import type { FeatureData } from "@/lib/monitoring/feature-data";
import { FeatureDataCard } from "./feature-data-card";
import { HealthCard } from "./feature-health-card";

export function FeatureBody({
  detail,
  isAuthor,
  services,
  data,
  environmentName,
}: {
  detail: FeatureDetail;
  isAuthor: boolean;
  services: { id: string; name: string }[];
  data: FeatureData | null;
  environmentName: string;
}) {
  const view = detail.view;
  const ref = `${view.name}:${detail.name}`;
  const firstService = detail.usage.services[0]?.name ?? null;
  const joinKeys = view.entities.flatMap((entity) => entity.joinKeys);
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Definition">
          {/* Long names and join keys wrap anywhere rather than widen the page on a phone. */}
          <dl className="grid grid-cols-1 gap-3 [overflow-wrap:anywhere] sm:grid-cols-2">
            <Field label="Type">
              <span className="font-mono">{detail.valueType}</span>
            </Field>
            <Field label="Feature view">
              <ObjectLink kind="feature_view" id={view.id}>
                {view.name}
              </ObjectLink>{" "}
              <span className="text-xs text-slate-500">{view.kind.replace("_", "-")}</span>
            </Field>
            <Field label="Entities and join keys">
              {view.entities.length === 0
                ? "—"
                : view.entities.map((entity) => (
                    <span key={entity.id} className="mr-2 block">
                      <ObjectLink kind="entity" id={entity.id}>
                        {entity.name}
                      </ObjectLink>{" "}
                      <span className="font-mono text-xs text-slate-500">
                        {entity.joinKeys.map((k) => `${k.name}: ${k.valueType}`).join(", ")}
                      </span>
                    </span>
                  ))}
            </Field>
            <Field label="Source columns">
              {detail.sourceColumns.length === 0
                ? "—"
                : detail.sourceColumns.map((column) => (
                    <span key={column.id} className="block font-mono text-xs">
                      <ObjectLink kind="data_source" id={column.source.id}>
                        {column.source.name}
                      </ObjectLink>
                      .{column.name} <span className="text-slate-500">{column.type}</span>
                    </span>
                  ))}
            </Field>
          </dl>
        </Card>
        <Card
          title={`Used by ${detail.usage.services.length} service${detail.usage.services.length === 1 ? "" : "s"} and ${detail.usage.models.length} model${detail.usage.models.length === 1 ? "" : "s"}`}
        >
          <div className="grid grid-cols-2 gap-4" data-testid="feature-usage">
            <div>
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Feature services</p>
              <LinkList
                kind="feature_service"
                items={detail.usage.services.map((s) => ({ ...s, note: formatLatencyBudget(s.latencyBudgetMs) }))}
                empty="Not served yet."
              />
            </div>
            <div>
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Models</p>
              <LinkList
                kind="model"
                items={detail.usage.models.map((m) => ({ ...m, note: `v${m.version}` }))}
                empty="No model uses it."
              />
            </div>
          </div>
          {isAuthor ? (
            <div className="mt-4">
              <AddToServiceForm formId="add-feature-to-service" services={services} featureIds={[detail.id]} compact />
            </div>
          ) : null}
        </Card>
      </div>
      <FeatureDataCard featureName={detail.name} environmentName={environmentName} data={data} />
      <HealthCard detail={detail} />
      <Card title="Transformation">
        <Transformation view={view} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Lineage (one hop)">
          <LineagePreview
            graph={detail.lineage}
            rootId={`feature:${detail.id}`}
            explorerHref={lineageHref("feature", detail.id)}
          />
        </Card>
        <Card title="Use it in code">
          <div className="space-y-3">
            <div>
              <div className="mb-1 flex items-center justify-between">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  Fetch online{firstService ? ` through ${firstService}` : ""}
                </p>
                <CopyButton text={onlineRequestSnippet({ serviceName: firstService, featureRefs: [ref], joinKeys })} />
              </div>
              <CodeBlock
                code={onlineRequestSnippet({ serviceName: firstService, featureRefs: [ref], joinKeys })}
                language="typescript"
              />
            </div>
            <div>
              <div className="mb-1 flex items-center justify-between">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  Name it in a feature service (Python)
                </p>
                <CopyButton
                  text={featureServiceSnippet("my_service", [{ view: view.name, features: [detail.name] }])}
                />
              </div>
              <CodeBlock
                code={featureServiceSnippet("my_service", [{ view: view.name, features: [detail.name] }])}
                language="python"
              />
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
