"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { impactToCsv } from "@/lib/lineage/export";
import { KIND_LABELS } from "@/lib/kinds";
import { IMPACT_KINDS, type LineageNode } from "@/lib/lineage/types";
import { downloadText } from "@/components/ui/download";
import { fetchImpact, lineageKeys } from "./lineage-api";
import { nodeCatalogHref } from "./node-details";

/** Everything downstream of the selected node that breaks if it changes, with whom to tell. */
export function ImpactPanel({
  node,
  env,
  onHighlight,
}: {
  node: LineageNode;
  env: string | null;
  onHighlight: (ids: string[] | null) => void;
}) {
  const impact = useQuery({
    queryKey: lineageKeys.impact(node.id, env),
    queryFn: ({ signal }) => fetchImpact(node.id, env, signal),
  });
  if (impact.isPending) return <p className="text-sm text-slate-500">Computing impact…</p>;
  if (impact.isError)
    return <p className="text-sm text-red-700">Impact could not be computed: {impact.error.message}</p>;
  const data = impact.data;
  return (
    <div data-testid="impact-panel" className="space-y-3 text-sm">
      <p className="text-slate-700">
        Changing <strong>{data.rootName}</strong> affects <strong data-testid="impact-total">{data.total}</strong>{" "}
        object{data.total === 1 ? "" : "s"}
        {data.environment ? ` in ${data.environment}` : ""}.{data.truncated ? " (Stopped at 20,000 objects.)" : ""}
      </p>
      <dl className="grid grid-cols-4 gap-1 text-center">
        {IMPACT_KINDS.map((kind) => (
          <div key={kind} className="rounded bg-slate-50 px-1 py-1.5">
            <dd className="text-base font-semibold text-slate-900" data-testid={`impact-count-${kind}`}>
              {data.counts[kind]}
            </dd>
            <dt className="text-[10px] text-slate-500">{KIND_LABELS[kind].many}</dt>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => downloadText(impactToCsv(data), `impact-${data.rootName}.csv`, "text/csv")}
        >
          Export CSV
        </Button>
        <Button variant="ghost" onClick={() => onHighlight(data.items.map((item) => item.id).concat(node.id))}>
          Highlight in graph
        </Button>
      </div>
      {data.teams.length || data.owners.length ? (
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Whom to tell</h4>
          <p className="text-slate-700">{data.teams.map((team) => team.name).join(", ") || "No team"}</p>
          <p className="break-words text-xs text-slate-500">{data.owners.join(", ")}</p>
        </div>
      ) : null}
      {IMPACT_KINDS.map((kind) => {
        const items = data.items.filter((item) => item.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} aria-label={`Impacted ${KIND_LABELS[kind].many}`}>
            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {KIND_LABELS[kind].many} ({items.length})
            </h4>
            <ul className="mt-1 max-h-48 space-y-0.5 overflow-auto" data-testid={`impact-list-${kind}`}>
              {items.map((item) => (
                <li key={item.id} className="flex items-baseline justify-between gap-2">
                  <Link
                    href={nodeCatalogHref(item)}
                    className="min-w-0 truncate text-brand-700 hover:underline"
                    title={item.name}
                  >
                    {item.name}
                  </Link>
                  <span
                    className="max-w-[45%] shrink-0 truncate text-[11px] text-slate-500"
                    title={[item.teamName, item.owner].filter(Boolean).join(" · ")}
                  >
                    {[item.teamName, item.owner].filter(Boolean).join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
