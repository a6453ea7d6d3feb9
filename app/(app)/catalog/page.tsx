import Link from "next/link";
import type { Metadata } from "next";
import { Suspense } from "react";
import { AddToServiceForm } from "@/components/catalog/add-to-service-form";
import { FiltersDrawer } from "@/components/catalog/filters-drawer";
import { CatalogResultRows, type CatalogResultRow } from "@/components/catalog/result-rows";
import { LinkPending } from "@/components/ui/link-pending";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { listFeatureServiceOptions } from "@/lib/server/catalog";
import { getObjectHealth } from "@/lib/server/service-health";
import type { ObjectHealth } from "@/lib/monitoring/health";
import { type SearchHit, type SearchRequest, type SearchResult } from "@/lib/data/search";
import { searchCatalog, searchCatalogFacetsWithin } from "@/lib/server/search";
import { roleAtLeast } from "@/lib/data/users";
import { AppError, formatIssuePath } from "@/lib/errors";
import { SEARCH_SORTS, SORT_LABELS } from "@/lib/search/types";
import { catalogUrl, type CatalogParams } from "@/lib/search/url";
import { requireWorkspace } from "@/lib/session";
import { CATALOG_PAGE_SIZE, catalogSearchParamsSchema, type CatalogSearchParams } from "@/lib/validations/catalog";

import {
  CountedKindTabs,
  KindTabs,
  Facets,
  FacetsSkeleton,
  ResultCount,
  PastTheEnd,
  Pagination,
  type FacetCounts,
} from "./_components/catalog-sections";

export const metadata: Metadata = { title: "Catalog" };

/** Counts that take longer than this are shown as still counting; the rows never wait for them. */
const COUNTS_DEADLINE_MS = 2_500;

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[key, value]]
        : Array.isArray(value) && value[0] !== undefined
          ? [[key, value[0]]]
          : [],
    ),
  );
}

export default async function CatalogPage({ searchParams }: PageProps) {
  const { workspace, environment, role } = await requireWorkspace();
  const raw = firstValues(await searchParams);
  const parsed = catalogSearchParamsSchema.safeParse(raw);
  // Invalid parameters are explained, not thrown: the page shows what is wrong and how to reset.
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  const params: CatalogSearchParams = parsed.success ? parsed.data : { q: "", page: 1 };
  const urlParams: CatalogParams = { ...params, type: params.type };
  const isAuthor = roleAtLeast(role, "author");
  let result: SearchResult | null = null;
  let counts: Promise<FacetCounts | null> | null = null;
  let failure: string | null = null;
  if (problems.length === 0) {
    const request: SearchRequest = {
      workspaceId: workspace.id,
      q: params.q,
      filters: {
        kind: params.kind,
        viewKind: params.viewKind,
        entity: params.entity,
        team: params.team,
        owner: params.owner,
        tag: params.tag,
        dataType: params.type,
        env: params.env,
        health: params.health,
        usage: params.usage,
      },
      sort: params.sort,
      limit: CATALOG_PAGE_SIZE,
      offset: (params.page - 1) * CATALOG_PAGE_SIZE,
      healthEnvironment: environment.name,
    };
    // The rows render first; facet counts and the total stream in beside them. Counts never fail
    // the page: a failed or slow count resolves to null, shown as still counting.
    counts = searchCatalogFacetsWithin(request, COUNTS_DEADLINE_MS);
    try {
      result = await searchCatalog(request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failure = error.message;
    }
  }
  const hitIds = (kind: string) => result?.hits.filter((hit) => hit.kind === kind).map((hit) => hit.id) ?? [];
  const [services, objectHealth] = await Promise.all([
    isAuthor && result?.hits.some((hit) => hit.kind === "feature") ? listFeatureServiceOptions(workspace.id) : [],
    // Services and models have a health of their own (the other kinds' badge comes with the row).
    getObjectHealth({
      workspaceId: workspace.id,
      environmentId: environment.id,
      serviceIds: hitIds("feature_service"),
      modelIds: hitIds("model"),
    }),
  ]);

  return (
    <>
      <PageHeader
        title="Catalog"
        description={`Every feature, view, source, entity, service, model and dataset in ${workspace.name}. Health is shown for ${environment.name}.`}
        actions={
          <Link href="/stars" className="text-sm text-brand-700 hover:underline">
            ★ My stars
          </Link>
        }
      />
      <form method="get" action="/catalog" role="search" className="mb-4 flex gap-2">
        <label htmlFor="catalog-q" className="sr-only">
          Search the catalog
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={200}
          placeholder="Search names, descriptions, tags, owners, SQL… (typos are fine)"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none"
        />
        {(["kind", "viewKind", "entity", "team", "owner", "tag", "type", "env", "health", "usage"] as const).map(
          (name) => (params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null),
        )}
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Search
        </button>
      </form>

      {problems.length > 0 || failure ? (
        <div
          role="alert"
          data-testid="catalog-params-error"
          className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <p className="font-medium">This catalog link has parameters we cannot use:</p>
          <ul className="ml-5 list-disc">
            {(failure ? [failure] : problems).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <Link href="/catalog" className="mt-1 inline-block font-medium underline">
            Start over
          </Link>
        </div>
      ) : null}

      {result && counts ? (
        <>
          <Suspense fallback={<KindTabs params={urlParams} active={params.kind} facets={null} />}>
            <CountedKindTabs params={urlParams} active={params.kind} counts={counts} />
          </Suspense>
          <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
            <FiltersDrawer>
              <Suspense fallback={<FacetsSkeleton />}>
                <Facets params={params} urlParams={urlParams} counts={counts} />
              </Suspense>
            </FiltersDrawer>
            <section aria-label="Results" className="min-w-0">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
                <Suspense fallback={<p className="text-slate-400">Counting results…</p>}>
                  <ResultCount q={params.q} counts={counts} />
                </Suspense>
                <nav aria-label="Sort" className="flex items-center gap-1">
                  <span>Sort:</span>
                  {SEARCH_SORTS.filter((sort) => sort !== "relevance" || params.q).map((sort) => (
                    <Link
                      key={sort}
                      href={catalogUrl(urlParams, { sort })}
                      aria-current={result.sort === sort ? "true" : undefined}
                      className={`rounded px-2 py-0.5 ${result.sort === sort ? "bg-slate-900 text-white dark:bg-brand-600" : "hover:bg-slate-100"}`}
                    >
                      {SORT_LABELS[sort]}
                      <LinkPending />
                    </Link>
                  ))}
                </nav>
              </div>
              {result.hits.length === 0 && params.page > 1 ? (
                <Suspense fallback={<EmptyState title={`Page ${params.page} is past the end of these results`} />}>
                  <PastTheEnd page={params.page} urlParams={urlParams} counts={counts} />
                </Suspense>
              ) : result.hits.length === 0 ? (
                <EmptyState title={params.q ? `Nothing matches “${params.q}”` : "Nothing here with these filters"}>
                  Try fewer words, another spelling, or{" "}
                  <Link className="text-brand-700 underline" href={catalogUrl({ q: params.q })}>
                    clear the filters
                  </Link>
                  .
                </EmptyState>
              ) : (
                <>
                  {isAuthor && result.hits.some((hit) => hit.kind === "feature") ? (
                    <div className="mb-3">
                      <AddToServiceForm formId="add-to-service" services={services} />
                    </div>
                  ) : null}
                  <Table
                    caption="Catalog results"
                    head={
                      <>
                        {isAuthor ? (
                          <Th className="w-8">
                            <span className="sr-only">Select</span>
                          </Th>
                        ) : null}
                        <Th>Name</Th>
                        <Th>Kind</Th>
                        <Th>Team · owner</Th>
                        <Th className="text-right">Used by</Th>
                        <Th>Health</Th>
                      </>
                    }
                  >
                    <CatalogResultRows
                      rows={toResultRows(result.hits, objectHealth)}
                      isAuthor={isAuthor}
                      urlParams={urlParams}
                    />
                  </Table>
                  <Suspense fallback={null}>
                    <Pagination
                      page={params.page}
                      urlParams={urlParams}
                      counts={counts}
                      fullPage={result.hits.length === CATALOG_PAGE_SIZE}
                    />
                  </Suspense>
                </>
              )}
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}

/** The fields a row shows (components/catalog/result-rows.tsx), with a service's or model's health. */
function toResultRows(
  hits: SearchHit[],
  health: { services: Map<string, ObjectHealth>; models: Map<string, ObjectHealth> },
): CatalogResultRow[] {
  return hits.map((hit) => {
    const own =
      hit.kind === "feature_service"
        ? health.services.get(hit.id)
        : hit.kind === "model"
          ? health.models.get(hit.id)
          : null;
    return {
      kind: hit.kind,
      id: hit.id,
      name: hit.name,
      qualifiedName: hit.qualifiedName,
      href: hit.href,
      description: hit.description,
      owner: hit.owner,
      viewKind: hit.viewKind,
      source: hit.source,
      dataType: hit.dataType,
      usageCount: hit.usageCount,
      health: hit.health,
      isExact: hit.isExact,
      parentName: hit.parent?.name ?? null,
      teamName: hit.team?.name ?? null,
      tags: hit.tags.slice(0, 4),
      objectHealth: own
        ? { state: own.state, reasons: own.reasons.map((reason) => ({ message: reason.message })) }
        : null,
    };
  });
}
