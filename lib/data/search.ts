import "server-only";
import type { Db } from "@/lib/db";
import type { SearchApiQuery } from "@/lib/validations/catalog";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, InvalidCursorError, MAX_OFFSET, searchFingerprint } from "@/lib/search/cursor";
import { parseSearchQuery, type ParsedQuery } from "@/lib/search/query";
import { buildHitsSql, effectiveSort, isTextSearch, type SearchSqlInput } from "@/lib/search/sql";
import { loadFacetRows } from "@/lib/data/search-counts";
import {
  type CatalogKind,
  type FacetName,
  type HealthState,
  type SearchFilters,
  type SearchSort,
  type SourceKind,
  type UsageState,
  type ViewKind,
} from "@/lib/search/types";
import { emptyFacetOptions, facetTotal, type HitRow, labelFacets, loadLookups, toHit } from "@/lib/data/search-hits";

/**
 * Catalog search over the search_document table (kept current by the triggers of migration
 * 0002): ranked full-text + trigram matching, facet counts and pages. Every query is scoped to
 * one workspace, which callers take from the signed-in user or token, never from the request.
 */

export interface SearchFilterInput {
  kind?: CatalogKind;
  viewKind?: ViewKind;
  entity?: string;
  /** Team slug. */
  team?: string;
  owner?: string;
  tag?: string;
  dataType?: string;
  /** Environment name: only objects active there. */
  env?: string;
  health?: HealthState;
  usage?: UsageState;
}

export interface SearchRequest {
  workspaceId: string;
  q: string;
  filters?: SearchFilterInput;
  sort?: SearchSort;
  limit: number;
  /** Either an offset (pages in the UI) or a cursor from a previous result (API). */
  offset?: number;
  cursor?: string;
  /** Environment name whose freshness and drift decide health; default: the last one (prod). */
  healthEnvironment?: string;
  withFacets?: boolean;
  now?: Date;
}

export interface SearchHit {
  kind: CatalogKind;
  id: string;
  name: string;
  qualifiedName: string;
  href: string;
  parent: { id: string; name: string } | null;
  description: string;
  tags: string[];
  team: { slug: string; name: string } | null;
  owner: string;
  viewKind: ViewKind | null;
  /** A data source's type (batch, stream, request) and platform (snowflake, kafka, push ...). */
  source: { kind: SourceKind; platform: string } | null;
  entities: string[];
  dataType: string | null;
  usageCount: number;
  updatedAt: string;
  health: HealthState | null;
  isExact: boolean;
  /** A close match: found by correcting a typo or by name similarity, not by the words as typed. */
  isFuzzy: boolean;
  relevance: number;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  offset: number;
  limit: number;
  sort: SearchSort;
  nextCursor: string | null;
  facets: Record<FacetName, FacetOption[]> | null;
  /** The environment health was measured in. */
  healthEnvironment: string | null;
}

export { invalidateFacetCache } from "@/lib/data/search-counts";

function sqlFilters(input: SearchFilterInput): SearchFilters {
  const filters: SearchFilters = {};
  if (input.kind) filters.kind = input.kind;
  if (input.viewKind) filters.viewKind = input.viewKind;
  if (input.entity) filters.entity = input.entity;
  if (input.team) filters.team = input.team;
  if (input.owner) filters.owner = input.owner;
  if (input.tag) filters.tag = input.tag;
  if (input.dataType) filters.dataType = input.dataType;
  if (input.env) filters.activeEnvironment = input.env;
  if (input.health) filters.health = input.health;
  if (input.usage) filters.usage = input.usage;
  return filters;
}

/** What a cursor is bound to: the same query, filters and sort. */
function fingerprintOf(
  parsed: ParsedQuery,
  filters: SearchFilterInput,
  sort: SearchSort,
  health: string | null,
): string {
  return searchFingerprint({ q: parsed.text, filters, sort, health });
}

interface PreparedSearch {
  input: SearchSqlInput;
  fingerprint: string;
  /** Text with no letters or digits (punctuation, emoji) cannot match anything. */
  matchesNothing: boolean;
}

/** Parses the query, sort and cursor of a search (400 for a bad cursor or offset) into SQL input. */
function prepareSearch(request: SearchRequest): PreparedSearch {
  const parsed = parseSearchQuery(request.q);
  const filterInput = request.filters ?? {};
  const requestedSort = request.sort ?? (parsed.text ? "relevance" : "name");
  const sort = effectiveSort(parsed, requestedSort);
  const fingerprint = fingerprintOf(parsed, filterInput, sort, request.healthEnvironment ?? null);
  let offset = request.offset ?? 0;
  if (request.cursor) {
    try {
      offset = decodeCursor(request.cursor, fingerprint);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new AppError("bad_request", `cursor: ${error.message}`);
      throw error;
    }
  }
  if (offset > MAX_OFFSET)
    throw new AppError("bad_request", `Results beyond ${MAX_OFFSET} are not paged; narrow the search.`);
  const input: SearchSqlInput = {
    workspaceId: request.workspaceId,
    query: isTextSearch(parsed) ? parsed : null,
    filters: sqlFilters(filterInput),
    sort,
    limit: request.limit,
    offset,
    health: request.healthEnvironment ? { environment: request.healthEnvironment } : {},
    nowEpochSeconds: (request.now ?? new Date()).getTime() / 1000,
  };
  return { input, fingerprint, matchesNothing: Boolean(parsed.text) && !isTextSearch(parsed) };
}

export async function searchCatalog(prisma: Db, request: SearchRequest): Promise<SearchResult> {
  const { input, fingerprint, matchesNothing } = prepareSearch(request);
  const { offset, sort } = input;
  // One round trip: teams and environments are resolved inside the statements, and the labels
  // (team names, environment order) are read beside them.
  const hitsSql = buildHitsSql(input);
  const [lookups, rows, facetRows] = await Promise.all([
    loadLookups(prisma, request.workspaceId),
    matchesNothing ? Promise.resolve([]) : prisma.$queryRawUnsafe<HitRow[]>(hitsSql.sql, ...hitsSql.params),
    request.withFacets && !matchesNothing ? loadFacetRows(prisma, input) : Promise.resolve(null),
  ]);
  const healthEnv = request.healthEnvironment
    ? lookups.environments.find((env) => env.name === request.healthEnvironment)
    : lookups.environments[lookups.environments.length - 1];
  if (request.healthEnvironment && !healthEnv) {
    throw new AppError("bad_request", `environment: no environment "${request.healthEnvironment}" in this workspace`);
  }
  const facets = facetRows ? labelFacets(facetRows, lookups) : request.withFacets ? emptyFacetOptions() : null;
  const hits = rows.map((row) => toHit(row, lookups));
  const kind = request.filters?.kind;
  const total = matchesNothing ? 0 : facetRows && facets ? facetTotal(facets, kind) : offset + hits.length;
  const hasMore = facetRows ? offset + hits.length < total : hits.length === request.limit;
  const nextOffset = offset + hits.length;
  return {
    hits,
    total,
    offset,
    limit: request.limit,
    sort,
    nextCursor: hasMore && nextOffset <= MAX_OFFSET ? encodeCursor(nextOffset, fingerprint) : null,
    facets,
    healthEnvironment: healthEnv?.name ?? null,
  };
}

/**
 * The facet counts and total of a search on their own: the catalog page shows its rows first
 * and streams these beside them, since uncached counts over a large registry take longer.
 */
export async function searchCatalogFacets(
  prisma: Db,
  request: SearchRequest,
): Promise<{ facets: Record<FacetName, FacetOption[]>; total: number }> {
  const { input, matchesNothing } = prepareSearch(request);
  if (matchesNothing) return { facets: emptyFacetOptions(), total: 0 };
  const [lookups, rows] = await Promise.all([loadLookups(prisma, request.workspaceId), loadFacetRows(prisma, input)]);
  const facets = labelFacets(rows, lookups);
  return { facets, total: facetTotal(facets, request.filters?.kind) };
}

/**
 * searchCatalogFacets for a page that must never fail because of its counts: null when counting
 * fails or takes longer than `deadlineMs` (the page then shows them as still counting; a count
 * that finishes later lands in the facet cache for the next load).
 */
export async function searchCatalogFacetsWithin(
  prisma: Db,
  request: SearchRequest,
  deadlineMs: number,
): Promise<{ facets: Record<FacetName, FacetOption[]>; total: number } | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deadlineMs);
  });
  const counting = searchCatalogFacets(prisma, request).catch((error: unknown) => {
    // Bad parameters fail the rows' search too, which the page explains; anything else is logged.
    if (!(error instanceof AppError)) console.warn("catalog counts failed", error);
    return null;
  });
  try {
    return await Promise.race([counting, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The ⌘K palette: best matches by name across every kind, no facets. */
export async function quickSearch(
  prisma: Db,
  options: { workspaceId: string; q: string; limit: number },
): Promise<SearchHit[]> {
  const parsed = parseSearchQuery(options.q);
  if (!isTextSearch(parsed)) return [];
  const sql = buildHitsSql({
    workspaceId: options.workspaceId,
    query: parsed,
    filters: {},
    sort: "relevance",
    limit: options.limit,
    offset: 0,
    health: null,
    nowEpochSeconds: Date.now() / 1000,
  });
  const [lookups, rows] = await Promise.all([
    loadLookups(prisma, options.workspaceId),
    prisma.$queryRawUnsafe<HitRow[]>(sql.sql, ...sql.params),
  ]);
  return rows.map((row) => toHit(row, lookups));
}

/** Rebuilds the search documents of a workspace (or all): after bulk loads with triggers off. */
export async function rebuildSearchIndex(prisma: Db, workspaceId: string | null = null): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT search_rebuild($1) AS n`, workspaceId);
  return Number(rows[0]?.n ?? 0);
}

/** GET /api/v1/search and /api/v1/catalog: the API's parameter names onto searchCatalog. */
export async function searchForApi(prisma: Db, workspaceId: string, query: SearchApiQuery): Promise<SearchResult> {
  return searchCatalog(prisma, {
    workspaceId,
    q: query.q,
    filters: {
      kind: query.kind,
      viewKind: query.viewKind,
      entity: query.entity,
      team: query.team,
      owner: query.owner,
      tag: query.tag,
      dataType: query.type,
      env: query.env,
      health: query.health,
      usage: query.usage,
    },
    sort: query.sort,
    limit: query.limit,
    cursor: query.cursor,
    healthEnvironment: query.environment,
    withFacets: query.facets === "1",
  });
}
