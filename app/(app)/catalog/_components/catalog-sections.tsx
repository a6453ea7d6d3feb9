import { formatNumber } from "@/lib/format";
import { KIND_LABELS } from "@/lib/kinds";
import Link from "next/link";
import { FacetList } from "@/components/catalog/facet-list";
import { LinkPending } from "@/components/ui/link-pending";
import { EmptyState, Skeleton } from "@/components/ui/card";
import { type FacetOption } from "@/lib/data/search";
import { CATALOG_KINDS, type FacetName } from "@/lib/search/types";
import { catalogUrl, type CatalogParamName, type CatalogParams } from "@/lib/search/url";
import { CATALOG_PAGE_SIZE, type CatalogSearchParams } from "@/lib/validations/catalog";

/** The catalog list's streamed parts: kind tabs, facets, result count and pagination. */

export type FacetCounts = { facets: Record<FacetName, FacetOption[]>; total: number };

export async function CountedKindTabs(props: {
  params: CatalogParams;
  active?: string;
  counts: Promise<FacetCounts | null>;
}) {
  const counted = await props.counts;
  return <KindTabs params={props.params} active={props.active} facets={counted?.facets ?? null} />;
}

/** Kind tabs; without facets (still counting) they are the same links without numbers. */
export function KindTabs({
  params,
  active,
  facets,
}: {
  params: CatalogParams;
  active?: string;
  facets: Record<FacetName, FacetOption[]> | null;
}) {
  const countOf = (kind: string) => facets?.kind.find((option) => option.value === kind)?.count ?? 0;
  const allCount = facets ? facets.kind.reduce((sum, option) => sum + option.count, 0) : null;
  return (
    <nav
      aria-label="Kinds"
      className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200"
      data-testid="kind-tabs"
    >
      <KindTab href={catalogUrl(params, { kind: null })} label="All" count={allCount} active={!active} />
      {CATALOG_KINDS.map((kind) => (
        <KindTab
          key={kind}
          href={catalogUrl(params, { kind })}
          label={KIND_LABELS[kind].many}
          count={facets ? countOf(kind) : null}
          active={active === kind}
        />
      ))}
    </nav>
  );
}

export function KindTab({
  href,
  label,
  count,
  active,
}: {
  href: string;
  label: string;
  count: number | null;
  active: boolean;
}) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm ${active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
    >
      {label}{" "}
      {count === null ? null : <span className="tabular-nums text-xs text-slate-500">{formatNumber(count)}</span>}
      <LinkPending />
    </Link>
  );
}

export async function Facets({
  params,
  urlParams,
  counts,
}: {
  params: CatalogSearchParams;
  urlParams: CatalogParams;
  counts: Promise<FacetCounts | null>;
}) {
  const counted = await counts;
  if (!counted) return <StillCounting what="filters" />;
  const { facets } = counted;
  const lists: [string, CatalogParamName, FacetOption[], string | undefined][] = [
    ["View kind", "viewKind", facets.viewKind, params.viewKind],
    ["Health", "health", facets.health, params.health],
    ["Usage", "usage", facets.usage, params.usage],
    ["Active in", "env", facets.env, params.env],
    ["Team", "team", facets.team, params.team],
    ["Entity", "entity", facets.entity, params.entity],
    ["Data type", "type", facets.dataType, params.type],
    ["Tag", "tag", facets.tag, params.tag],
    ["Owner", "owner", facets.owner, params.owner],
  ];
  return lists.map(([title, param, options, selected]) => (
    <FacetList key={param} title={title} param={param} options={options} selected={selected} params={urlParams} />
  ));
}

export function FacetsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Counting filters" className="space-y-3">
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-16 w-full" />
      ))}
    </div>
  );
}

/** Counting took longer than the page waits (or failed): the rows and links still work. */
export function StillCounting({ what }: { what: string }) {
  return (
    <p className="text-sm text-slate-500" data-testid="still-counting">
      Still counting {what}… reload in a moment to see the numbers.
    </p>
  );
}

export async function ResultCount({ q, counts }: { q: string; counts: Promise<FacetCounts | null> }) {
  const counted = await counts;
  if (!counted) return <StillCounting what="results" />;
  const { total } = counted;
  return (
    <p data-testid="result-count">
      {formatNumber(total)} result{total === 1 ? "" : "s"}
      {q ? ` for “${q}”` : ""}
    </p>
  );
}

/**
 * A page past the last one (an old link, a hand-edited URL): says so and links to the last page,
 * with the same total the count above shows.
 */
export async function PastTheEnd({
  page,
  urlParams,
  counts,
}: {
  page: number;
  urlParams: CatalogParams;
  counts: Promise<FacetCounts | null>;
}) {
  const counted = await counts;
  const lastPage = counted ? Math.min(Math.max(1, Math.ceil(counted.total / CATALOG_PAGE_SIZE)), 200) : 1;
  return (
    <EmptyState title={`Page ${page} is past the end of these results`}>
      <span data-testid="past-the-end">
        {counted && counted.total === 0 ? "Nothing matches. " : null}
        {counted && counted.total > 0
          ? `${formatNumber(counted.total)} result${counted.total === 1 ? "" : "s"} fill ${formatNumber(lastPage)} page${lastPage === 1 ? "" : "s"}. `
          : null}
        <Link className="text-brand-700 underline" href={catalogUrl(urlParams, { page: lastPage })}>
          {counted && lastPage > 1 ? `Go to the last page (${lastPage})` : "Go to the first page"}
        </Link>
      </span>
    </EmptyState>
  );
}

export async function Pagination({
  page,
  urlParams,
  counts,
  fullPage,
}: {
  page: number;
  urlParams: CatalogParams;
  counts: Promise<FacetCounts | null>;
  /** This page is full, so there may be a next one (all that is known without the count). */
  fullPage: boolean;
}) {
  const counted = await counts;
  // Without the count, "Next" is offered after a full page, and the page count is left out.
  const pages = counted ? Math.max(1, Math.ceil(counted.total / CATALOG_PAGE_SIZE)) : fullPage ? page + 1 : page;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={catalogUrl(urlParams, { page: page - 1 })} className="text-brand-700 hover:underline" rel="prev">
          ← Previous
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        Page {page}
        {counted ? ` of ${formatNumber(pages)}` : null}
      </span>
      {page < Math.min(pages, 200) ? (
        <Link href={catalogUrl(urlParams, { page: page + 1 })} className="text-brand-700 hover:underline" rel="next">
          Next →
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
