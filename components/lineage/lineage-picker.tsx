import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { LineageSearchHit } from "@/lib/data/lineage";
import { KIND_LABELS } from "@/lib/kinds";

/** Server-rendered object search: a GET form, so results are shareable and work without JS. */
export function LineagePicker({ query, hits, env }: { query: string; hits: LineageSearchHit[]; env: string | null }) {
  const envParam = env ? `&env=${encodeURIComponent(env)}` : "&env=all";
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Find an object" className="lg:col-span-2">
        <form method="get" action="/lineage" role="search" className="flex gap-2">
          <label htmlFor="lineage-picker-q" className="sr-only">
            Object name
          </label>
          <input
            id="lineage-picker-q"
            name="q"
            type="search"
            defaultValue={query}
            autoFocus
            placeholder="Source, feature view, feature, service, model…"
            className="flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          {env ? <input type="hidden" name="env" value={env} /> : null}
          <button type="submit" className={buttonClasses("primary")}>
            Search
          </button>
        </form>
        {query ? (
          hits.length ? (
            <ul className="mt-4 divide-y divide-slate-100" aria-label="Matching objects">
              {hits.map((hit) => (
                <li key={hit.id}>
                  <Link
                    href={`/lineage?root=${encodeURIComponent(hit.id)}${envParam}`}
                    className="flex items-baseline justify-between gap-3 px-1 py-2 hover:bg-slate-50"
                  >
                    <span className="font-medium text-brand-700">{hit.name}</span>
                    <span className="text-xs text-slate-500">
                      {KIND_LABELS[hit.kind].one}
                      {hit.detail ? ` · ${hit.kind === "feature" ? `in ${hit.detail}` : hit.detail}` : ""}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-4">
              <EmptyState title={`Nothing named like “${query}”`}>Try part of the name.</EmptyState>
            </div>
          )
        ) : (
          <p className="mt-3 text-sm text-slate-500">Or open lineage from any catalog page.</p>
        )}
      </Card>
      <Card title="Whole workspace">
        <p className="text-sm text-slate-600">
          Every data source, feature view, service and model on one canvas, with health. Large workspaces render only
          what is on screen.
        </p>
        <Link href={`/lineage?scope=workspace${envParam}`} className={buttonClasses("secondary", "mt-3")}>
          Open the overview
        </Link>
      </Card>
    </div>
  );
}
