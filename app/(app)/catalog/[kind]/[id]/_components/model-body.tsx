import { formatLatencyBudget } from "@/lib/format";
import { Field, LinkList, ObjectLink } from "@/components/catalog/object-sections";
import { Card } from "@/components/ui/card";
import type { getModelDetail } from "@/lib/data/catalog";

export type ModelDetail = NonNullable<Awaited<ReturnType<typeof getModelDetail>>>;

export function ModelBody({ detail }: { detail: ModelDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Deployment">
        <dl className="space-y-3">
          <Field label="Version">{detail.version}</Field>
          <Field label="Endpoint">
            <span className="font-mono text-xs">{detail.endpoint || "—"}</span>
          </Field>
        </dl>
      </Card>
      <Card title={`Feature services (${detail.services.length})`}>
        <LinkList
          kind="feature_service"
          items={detail.services.map((s) => ({ ...s, note: formatLatencyBudget(s.latencyBudgetMs) }))}
          empty="None."
        />
      </Card>
      <Card title="Training dataset">
        {detail.trainingDataset ? (
          <p className="text-sm">
            <ObjectLink kind="saved_dataset" id={detail.trainingDataset.id}>
              {detail.trainingDataset.name}
            </ObjectLink>
            <span className="block break-all font-mono text-xs text-slate-500">{detail.trainingDataset.storage}</span>
          </p>
        ) : (
          <p className="text-sm text-slate-500">Not recorded: drift has no training baseline.</p>
        )}
      </Card>
    </div>
  );
}
