import { LinkList } from "@/components/catalog/object-sections";
import { Card } from "@/components/ui/card";
import type { getEntityDetail } from "@/lib/data/catalog";

export type EntityDetail = NonNullable<Awaited<ReturnType<typeof getEntityDetail>>>;

export function EntityBody({ detail }: { detail: EntityDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Join keys">
        <ul className="space-y-1 font-mono text-sm">
          {detail.joinKeys.map((key) => (
            <li key={key.name}>
              {key.name} <span className="text-slate-500">{key.valueType}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={`Feature views keyed by it (${detail.views.length})`}>
        <LinkList kind="feature_view" items={detail.views.map((v) => ({ ...v, note: v.kind }))} empty="None yet." />
      </Card>
    </div>
  );
}
