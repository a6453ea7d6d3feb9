import { Field, LinkList, ObjectLink } from "@/components/catalog/object-sections";
import { Card } from "@/components/ui/card";
import type { getDataSourceDetail } from "@/lib/data/catalog";

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getDataSourceDetail>>>;

export function DataSourceBody({ detail }: { detail: SourceDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Connection" className="lg:col-span-1">
        <dl className="space-y-3">
          <Field label="Kind">{detail.sourceKind}</Field>
          <Field label="Platform">{detail.platform}</Field>
          <Field label="Location">
            <span className="break-all font-mono text-xs">{detail.location || "—"}</span>
          </Field>
          <Field label="Event timestamp">{detail.eventTimestampColumn ?? "—"}</Field>
          {detail.batchSource ? (
            <Field label="Backfilled from">
              <ObjectLink kind="data_source" id={detail.batchSource.id}>
                {detail.batchSource.name}
              </ObjectLink>
            </Field>
          ) : null}
          {detail.backfills.length ? (
            <Field label="Backfills">
              <LinkList kind="data_source" items={detail.backfills} empty="" />
            </Field>
          ) : null}
        </dl>
      </Card>
      <Card title={`Schema (${detail.columns.length} columns)`} className="lg:col-span-1">
        <table className="w-full text-sm" data-testid="source-schema">
          <tbody>
            {detail.columns.map((column) => (
              <tr key={column.id} className="border-t border-slate-100 first:border-0">
                <td className="py-1 font-mono text-xs">{column.name}</td>
                <td className="font-mono text-xs text-slate-500">{column.type}</td>
                <td className="text-xs text-slate-600">{column.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={`Downstream feature views (${detail.downstreamViews.length})`} className="lg:col-span-1">
        <LinkList
          kind="feature_view"
          items={detail.downstreamViews.map((v) => ({ ...v, note: v.kind }))}
          empty="No feature view reads it yet."
        />
      </Card>
    </div>
  );
}
