"use client";

import Link from "next/link";
import { HealthBadge } from "@/components/catalog/health-badge";
import { KindBadge } from "@/components/catalog/kind-badge";
import { ObjectHealthBadge, type BadgeHealth } from "@/components/health/object-health-badge";
import { Td } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import type { SearchHit } from "@/lib/data/search";
import { monitoringHref } from "@/lib/routes";
import { catalogUrl, type CatalogParams } from "@/lib/search/url";

/**
 * What one catalog row shows, and nothing else: the page sends these as data and the rows are
 * rendered from them (here and in the browser), instead of sending every row's markup twice
 * (as HTML and again as the server-component payload). At 50 rows that halves the page.
 */
export type CatalogResultRow = Pick<
  SearchHit,
  "kind" | "id" | "name" | "qualifiedName" | "href" | "description" | "owner" | "viewKind" | "source" | "dataType"
> &
  Pick<SearchHit, "usageCount" | "health" | "isExact"> & {
    parentName: string | null;
    teamName: string | null;
    /** At most four, as shown. */
    tags: string[];
    /** A service's or model's own health; null for the other kinds. */
    objectHealth: BadgeHealth | null;
  };

export function CatalogResultRows({
  rows,
  isAuthor,
  urlParams,
}: {
  rows: CatalogResultRow[];
  isAuthor: boolean;
  urlParams: CatalogParams;
}) {
  return rows.map((row) => (
    <tr key={`${row.kind}:${row.id}`} data-testid="catalog-row" className="hover:bg-slate-50">
      {isAuthor ? (
        <Td>
          {row.kind === "feature" ? (
            <input
              type="checkbox"
              name="featureIds"
              value={row.id}
              form="add-to-service"
              aria-label={`Select ${row.qualifiedName}`}
              className="h-4 w-4"
            />
          ) : null}
        </Td>
      ) : null}
      <Td>
        <Link href={row.href} className="font-medium text-brand-700 hover:underline">
          {row.parentName ? <span className="font-normal text-slate-500">{row.parentName}:</span> : null}
          {row.name}
        </Link>
        {row.isExact ? <Badge tone="good">exact</Badge> : null}
        {row.description ? <p className="line-clamp-1 max-w-xl text-xs text-slate-500">{row.description}</p> : null}
        {row.tags.length ? (
          <p className="mt-0.5 flex flex-wrap gap-1">
            {row.tags.map((tag) => (
              <Link
                key={tag}
                href={catalogUrl(urlParams, { tag })}
                className="text-xs text-slate-500 hover:text-brand-700"
              >
                #{tag}
              </Link>
            ))}
          </p>
        ) : null}
      </Td>
      <Td className="whitespace-nowrap">
        <KindBadge kind={row.kind} />
        {row.viewKind ? (
          <span className="ml-1 text-xs text-slate-500" data-testid="source-type">
            {row.viewKind.replace("_", "-")}
          </span>
        ) : null}
        {row.source ? (
          <span className="ml-1 text-xs text-slate-500" data-testid="source-type">
            {row.source.kind}
            {row.source.platform && row.source.platform !== row.source.kind ? ` · ${row.source.platform}` : ""}
          </span>
        ) : null}
        {row.dataType ? <span className="ml-1 font-mono text-xs text-slate-500">{row.dataType}</span> : null}
      </Td>
      <Td className="text-xs text-slate-600">
        {row.teamName ? <span className="block">{row.teamName}</span> : null}
        <span className="block truncate">{row.owner}</span>
      </Td>
      <Td className="text-right tabular-nums">
        {/* A model consumes features; nothing downstream uses it, which is not "unused". */}
        {row.kind === "model" ? (
          <span className="text-slate-400" title="Models consume features; they are not used by other objects">
            —
          </span>
        ) : (
          row.usageCount
        )}
      </Td>
      <Td>
        <HealthBadge health={row.health} />
        {row.objectHealth ? (
          <ObjectHealthBadge health={row.objectHealth} href={monitoringHref(row.kind, row.id)} />
        ) : null}
      </Td>
    </tr>
  ));
}
