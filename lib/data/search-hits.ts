import "server-only";
import type { Db } from "@/lib/db";
import { catalogHref } from "@/lib/routes";
import { relevance } from "@/lib/search/ranking";
import type { FacetRow } from "@/lib/data/search-counts";
import {
  FACET_NAMES,
  type CatalogKind,
  type FacetName,
  type HealthState,
  type SourceKind,
  type ViewKind,
} from "@/lib/search/types";
import type { FacetOption, SearchHit } from "@/lib/data/search";

/* Search rows as the page and the API show them: team ids as names, facets labelled, one href per hit. */

export interface HitRow {
  kind: CatalogKind;
  id: string;
  name: string;
  qualified_name: string;
  parent_id: string | null;
  parent_name: string | null;
  description: string;
  tags: string[];
  team_id: string | null;
  owner: string;
  view_kind: ViewKind | null;
  source_kind: SourceKind | null;
  source_platform: string | null;
  entity_names: string[];
  data_type: string | null;
  usage_count: number;
  version_kind: string;
  version_object_id: string;
  updated_at: Date | string;
  is_exact: boolean;
  is_prefix: boolean;
  is_fuzzy: boolean;
  health: HealthState | null;
  text_rank: number;
  similarity: number;
}

interface WorkspaceLookups {
  teams: { id: string; slug: string; name: string }[];
  environments: { id: string; name: string; position: number }[];
}

// One raw statement: every search labels its rows and facets with these, and through Prisma the
// two lookups cost more in its query compiler than in the database.
export async function loadLookups(prisma: Db, workspaceId: string): Promise<WorkspaceLookups> {
  const rows = await prisma.$queryRaw<{ teams: string; environments: string }[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name) ORDER BY t.slug), '[]')
         FROM team t WHERE t.workspace_id = ${workspaceId})::text AS teams,
      (SELECT coalesce(json_agg(json_build_object('id', e.id, 'name', e.name, 'position', e.position) ORDER BY e.position), '[]')
         FROM environment e WHERE e.workspace_id = ${workspaceId})::text AS environments`;
  return {
    teams: JSON.parse(rows[0]!.teams) as WorkspaceLookups["teams"],
    environments: JSON.parse(rows[0]!.environments) as WorkspaceLookups["environments"],
  };
}

export function toHit(row: HitRow, lookups: WorkspaceLookups): SearchHit {
  const team = row.team_id ? lookups.teams.find((t) => t.id === row.team_id) : undefined;
  return {
    kind: row.kind,
    id: row.id,
    name: row.name,
    qualifiedName: row.qualified_name,
    href: catalogHref(row.kind, row.id),
    parent: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
    description: row.description,
    tags: row.tags ?? [],
    team: team ? { slug: team.slug, name: team.name } : null,
    owner: row.owner,
    viewKind: row.view_kind,
    source: row.source_kind ? { kind: row.source_kind, platform: row.source_platform ?? "" } : null,
    entities: row.entity_names ?? [],
    dataType: row.data_type,
    usageCount: Number(row.usage_count),
    updatedAt: new Date(row.updated_at).toISOString(),
    health: row.health,
    isExact: Boolean(row.is_exact),
    isFuzzy: Boolean(row.is_fuzzy),
    relevance:
      Math.round(
        relevance({ isPrefix: row.is_prefix, textRank: Number(row.text_rank), similarity: Number(row.similarity) }) *
          1000,
      ) / 1000,
  };
}

export function emptyFacetOptions(): Record<FacetName, FacetOption[]> {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as Record<FacetName, FacetOption[]>;
}

export function facetTotal(facets: Record<FacetName, FacetOption[]>, kind: CatalogKind | undefined): number {
  return facets.kind.filter((option) => !kind || option.value === kind).reduce((sum, option) => sum + option.count, 0);
}

/** Facet rows as options: team ids become slugs and names, environments names in chain order. */
export function labelFacets(rows: FacetRow[], lookups: WorkspaceLookups): Record<FacetName, FacetOption[]> {
  const facets = emptyFacetOptions();
  for (const row of rows) {
    let value = row.value;
    let label = row.value;
    if (row.facet === "team") {
      const team = lookups.teams.find((t) => t.id === row.value);
      if (!team) continue;
      value = team.slug;
      label = team.name;
    } else if (row.facet === "env") {
      const env = lookups.environments.find((e) => e.id === row.value);
      if (!env) continue;
      value = env.name;
      label = env.name;
    }
    facets[row.facet]?.push({ value, label, count: Number(row.n) });
  }
  for (const name of FACET_NAMES) {
    facets[name].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
  facets.env.sort(
    (a, b) =>
      (lookups.environments.find((e) => e.name === a.value)?.position ?? 0) -
      (lookups.environments.find((e) => e.name === b.value)?.position ?? 0),
  );
  return facets;
}
