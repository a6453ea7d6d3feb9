import { formatNumber } from "@/lib/format";
import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";
import type { FacetOption } from "@/lib/data/search";
import { catalogUrl, type CatalogParamName, type CatalogParams } from "@/lib/search/url";

/** One facet as links: each value narrows the list; the selected one links back out. */
export function FacetList({
  title,
  param,
  options,
  selected,
  params,
  formatLabel,
}: {
  title: string;
  param: CatalogParamName;
  options: FacetOption[];
  selected: string | undefined;
  params: CatalogParams;
  formatLabel?: (option: FacetOption) => string;
}) {
  const shown =
    selected && !options.some((o) => o.value === selected)
      ? [{ value: selected, label: selected, count: 0 }, ...options]
      : options;
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby={`facet-${param}`} className="mb-5">
      <h2 id={`facet-${param}`} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {title}
      </h2>
      <ul className="space-y-0.5 text-sm" data-testid={`facet-${param}`}>
        {shown.map((option) => {
          const isSelected = option.value === selected;
          return (
            <li key={option.value}>
              <Link
                href={catalogUrl(params, { [param]: isSelected ? null : option.value })}
                aria-current={isSelected ? "true" : undefined}
                className={`flex items-center justify-between gap-2 rounded px-1.5 py-0.5 hover:bg-slate-100 ${isSelected ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700"}`}
              >
                <span className="truncate">
                  {isSelected ? <span aria-hidden>✓ </span> : null}
                  {formatLabel ? formatLabel(option) : option.label}
                  <LinkPending />
                </span>
                <span className="tabular-nums text-xs text-slate-500">{formatNumber(option.count)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
