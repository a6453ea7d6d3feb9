import { Field, LinkList, ObjectLink } from "@/components/catalog/object-sections";
import { Card } from "@/components/ui/card";
import type { getSavedDatasetDetail } from "@/lib/data/catalog";
import { formatDateTime, formatNumber } from "@/lib/format";

export type DatasetDetail = NonNullable<Awaited<ReturnType<typeof getSavedDatasetDetail>>>;

export function DatasetBody({ detail }: { detail: DatasetDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Dataset">
        <dl className="space-y-3">
          <Field label="Storage">
            <span className="break-all font-mono text-xs">{detail.storage || "—"}</span>
          </Field>
          <Field label="Rows">{detail.rowCount === null ? "—" : formatNumber(detail.rowCount)}</Field>
          <Field label="Time range">
            {detail.startAt && detail.endAt
              ? `${formatDateTime(detail.startAt)} – ${formatDateTime(detail.endAt)}`
              : "—"}
          </Field>
          <Field label="From service">
            {detail.featureService ? (
              <ObjectLink kind="feature_service" id={detail.featureService.id}>
                {detail.featureService.name}
              </ObjectLink>
            ) : (
              "—"
            )}
          </Field>
        </dl>
      </Card>
      <Card title={`Features (${detail.featureRefs.length})`}>
        <ul className="max-h-64 overflow-y-auto font-mono text-xs">
          {detail.featureRefs.map((ref) => (
            <li key={ref}>{ref}</li>
          ))}
        </ul>
      </Card>
      <Card title="Models trained on it">
        <LinkList
          kind="model"
          items={detail.trainedModels.map((m) => ({ ...m, note: `v${m.version}` }))}
          empty="None recorded."
        />
      </Card>
    </div>
  );
}
