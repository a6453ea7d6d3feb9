import Link from "next/link";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/catalog/code-block";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ActiveVersionInfo, VersionInfo } from "@/lib/data/catalog";
import { formatDateTime, formatDuration } from "@/lib/format";
import { catalogHref } from "@/lib/routes";
import { catalogUrl } from "@/lib/search/url";

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

export function ObjectLink({ kind, id, children }: { kind: string; id: string; children: ReactNode }) {
  return (
    <Link href={catalogHref(kind, id)} className="text-brand-700 hover:underline">
      {children}
    </Link>
  );
}

export function LinkList({
  kind,
  items,
  empty,
}: {
  kind: string;
  items: { id: string; name: string; note?: string }[];
  empty: string;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.id}>
          <ObjectLink kind={kind} id={item.id}>
            {item.name}
          </ObjectLink>
          {item.note ? <span className="ml-2 text-xs text-slate-500">{item.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="text-slate-400">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <Link
          key={tag}
          href={catalogUrl({ tag })}
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-brand-50"
        >
          #{tag}
        </Link>
      ))}
    </span>
  );
}

export function ActiveVersions({ versions, versionsHref }: { versions: VersionInfo; versionsHref: string }) {
  return (
    <Card
      title="Active version per environment"
      action={
        <Link href={versionsHref} className="text-xs text-brand-700 hover:underline">
          All versions
        </Link>
      }
    >
      <ul className="flex flex-wrap gap-3 text-sm" data-testid="active-versions">
        {versions.active.map((env: ActiveVersionInfo) => (
          <li key={env.environment} className="rounded-md border border-slate-200 px-3 py-2">
            <span className="block text-xs uppercase tracking-wide text-slate-500">{env.environment}</span>
            {env.versionNumber === null ? (
              <span className="text-slate-400">not deployed</span>
            ) : (
              <span>
                v{env.versionNumber} {env.isBehind ? <Badge tone="warn">behind v{versions.headNumber}</Badge> : null}
                {env.activatedAt ? (
                  <span className="block text-xs text-slate-500">since {formatDateTime(env.activatedAt)}</span>
                ) : null}
              </span>
            )}
          </li>
        ))}
        {versions.headNumber !== null ? (
          <li className="rounded-md border border-dashed border-slate-300 px-3 py-2">
            <span className="block text-xs uppercase tracking-wide text-slate-500">dev head</span>v{versions.headNumber}
          </li>
        ) : null}
      </ul>
    </Card>
  );
}

export function Transformation({
  view,
}: {
  view: {
    kind: string;
    transformation: string;
    transformationLanguage: string;
    schedule: string | null;
    ttlSeconds: number | null;
    slideInterval: string | null;
    online: boolean;
    offline: boolean;
    aggregations: { function: string; column: string; windows: string[]; slideInterval: string | null }[];
  };
}) {
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Schedule">{view.schedule ?? (view.kind === "on_demand" ? "at request time" : "—")}</Field>
        <Field label="TTL">
          {view.ttlSeconds === 0 ? "no expiry" : view.ttlSeconds ? formatDuration(view.ttlSeconds) : "—"}
        </Field>
        <Field label="Slide interval">{view.slideInterval ?? "—"}</Field>
        <Field label="Serving">
          {[view.online ? "online" : null, view.offline ? "offline" : null].filter(Boolean).join(" + ") || "—"}
        </Field>
      </dl>
      {view.aggregations.length > 0 ? (
        <table className="w-full text-sm" data-testid="aggregations">
          <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            Aggregations
          </caption>
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1">Function</th>
              <th>Column</th>
              <th>Windows</th>
              <th>Slide</th>
            </tr>
          </thead>
          <tbody>
            {view.aggregations.map((agg, index) => (
              <tr key={index} className="border-t border-slate-100 font-mono text-xs">
                <td className="py-1">{agg.function}</td>
                <td>{agg.column}</td>
                <td>{agg.windows.join(", ")}</td>
                <td>{agg.slideInterval ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view.transformation.trim() ? (
        <CodeBlock
          code={view.transformation}
          language={view.transformationLanguage}
          label={view.transformationLanguage.toUpperCase()}
        />
      ) : view.aggregations.length === 0 ? (
        <p className="text-sm text-slate-500">No transformation code.</p>
      ) : null}
    </div>
  );
}
