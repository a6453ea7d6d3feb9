import { LinkList, ObjectLink, Transformation } from "@/components/catalog/object-sections";
import { Sparkline } from "@/components/catalog/sparkline";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FeatureViewDetail } from "@/lib/data/catalog";
import { formatAge } from "@/lib/format";

export function FeatureViewBody({ detail, environmentName }: { detail: FeatureViewDetail; environmentName: string }) {
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Inputs">
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Sources</p>
          <LinkList
            kind="data_source"
            items={detail.sources.map((s) => ({ ...s, note: s.platform }))}
            empty="No batch or stream source."
          />
          {detail.view.inputs.length ? (
            <>
              <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Input views</p>
              <LinkList kind="feature_view" items={detail.view.inputs} empty="" />
            </>
          ) : null}
          <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Entities</p>
          <LinkList
            kind="entity"
            items={detail.view.entities.map((e) => ({ ...e, note: e.joinKeys.map((k) => k.name).join(", ") }))}
            empty="None."
          />
        </Card>
        <Card title={`Freshness in ${environmentName}`}>
          {detail.freshness ? (
            <>
              <p className="text-sm">
                <Badge
                  tone={
                    detail.freshness.status === "stale"
                      ? "bad"
                      : detail.freshness.status === "fresh"
                        ? "good"
                        : "neutral"
                  }
                >
                  {detail.freshness.status}
                </Badge>{" "}
                {formatAge(detail.freshness.stalenessSeconds)} old
                {detail.freshness.slaSeconds ? ` · SLA ${formatAge(detail.freshness.slaSeconds)}` : ""}
              </p>
              <Sparkline
                label="Staleness over the last 7 days"
                values={detail.freshness.series.map((p) => p.value)}
                threshold={detail.freshness.slaSeconds}
              />
            </>
          ) : (
            <p className="text-sm text-slate-500">On-demand: computed at request time.</p>
          )}
        </Card>
        <Card title="Consumers">
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Services</p>
          <LinkList kind="feature_service" items={detail.usage.services} empty="No service uses its features." />
          <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Models</p>
          <LinkList kind="model" items={detail.usage.models} empty="None." />
          {detail.consumers.length ? (
            <>
              <p className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
                On-demand views reading it
              </p>
              <LinkList kind="feature_view" items={detail.consumers} empty="" />
            </>
          ) : null}
        </Card>
      </div>
      <Card title={`Features (${detail.features.length})`}>
        <table className="w-full text-sm" data-testid="view-features">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Type</th>
              <th>Description</th>
              <th className="text-right">Used by</th>
            </tr>
          </thead>
          <tbody>
            {detail.features.map((feature) => (
              <tr key={feature.id} className="border-t border-slate-100">
                <td className="py-1">
                  <ObjectLink kind="feature" id={feature.id}>
                    {feature.name}
                  </ObjectLink>
                </td>
                <td className="font-mono text-xs">{feature.valueType}</td>
                <td className="text-slate-600">{feature.description}</td>
                <td className="text-right tabular-nums">{feature.usageCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Transformation">
        <Transformation view={detail.view} />
      </Card>
    </>
  );
}
