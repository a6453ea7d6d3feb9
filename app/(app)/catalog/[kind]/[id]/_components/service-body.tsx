import { formatLatencyBudget } from "@/lib/format";
import { CodeBlock } from "@/components/catalog/code-block";
import { CopyButton } from "@/components/catalog/copy-button";
import { Field, LinkList, ObjectLink } from "@/components/catalog/object-sections";
import { featureServiceSnippet, onlineRequestSnippet } from "@/components/catalog/snippets";
import { Card } from "@/components/ui/card";
import type { getFeatureServiceDetail } from "@/lib/data/catalog";

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getFeatureServiceDetail>>>;

export function ServiceBody({ detail }: { detail: ServiceDetail }) {
  const groups = detail.featureGroups.map((g) => ({ view: g.view.name, features: g.features.map((f) => f.name) }));
  const request = onlineRequestSnippet({ serviceName: detail.name, featureRefs: [], joinKeys: [] });
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Serving">
          <dl className="space-y-3">
            <Field label="Latency budget">{formatLatencyBudget(detail.latencyBudgetMs)}</Field>
            <Field label="Features">{detail.featureCount}</Field>
          </dl>
        </Card>
        <Card title={`Models (${detail.models.length})`}>
          <LinkList
            kind="model"
            items={detail.models.map((m) => ({ ...m, note: `v${m.version}${m.endpoint ? ` · ${m.endpoint}` : ""}` }))}
            empty="No model calls it yet."
          />
        </Card>
        <Card title="Saved datasets">
          <LinkList kind="saved_dataset" items={detail.savedDatasets} empty="None." />
        </Card>
      </div>
      <Card title={`Features (${detail.featureCount})`}>
        <div className="space-y-3" data-testid="service-features">
          {detail.featureGroups.length === 0 ? <p className="text-sm text-slate-500">No features yet.</p> : null}
          {detail.featureGroups.map((group) => (
            <div key={group.view.id}>
              <p className="text-sm font-medium">
                <ObjectLink kind="feature_view" id={group.view.id}>
                  {group.view.name}
                </ObjectLink>
              </p>
              <ul className="ml-4 flex flex-wrap gap-x-4 text-sm">
                {group.features.map((feature) => (
                  <li key={feature.id}>
                    <ObjectLink kind="feature" id={feature.id}>
                      {feature.name}
                    </ObjectLink>{" "}
                    <span className="font-mono text-xs text-slate-500">{feature.valueType}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </Card>
      <Card title="Use it in code">
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <div className="mb-1 flex items-center justify-between">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request example</p>
              <CopyButton text={request} />
            </div>
            <CodeBlock code={request} language="typescript" />
          </div>
          <div>
            <div className="mb-1 flex items-center justify-between">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Feast definition</p>
              <CopyButton text={featureServiceSnippet(detail.name, groups)} />
            </div>
            <CodeBlock code={featureServiceSnippet(detail.name, groups)} language="python" />
          </div>
        </div>
      </Card>
    </>
  );
}
