/**
 * Catalog URLs: every filter, the sort, the page and the query live in the search params, so a
 * link reproduces the view. Pure, shared by server components and tests.
 */

export const CATALOG_PARAM_NAMES = [
  "q",
  "kind",
  "viewKind",
  "entity",
  "team",
  "owner",
  "tag",
  "type",
  "env",
  "health",
  "usage",
  "sort",
  "page",
] as const;
export type CatalogParamName = (typeof CATALOG_PARAM_NAMES)[number];
export type CatalogParams = Partial<Record<CatalogParamName, string | number | undefined | null>>;

/**
 * The URL of the catalog with `changes` applied to `current`. Changing anything but the page
 * goes back to page 1; null or "" removes a parameter. Parameter order is fixed so equal views
 * have equal URLs.
 */
export function catalogUrl(current: CatalogParams, changes: CatalogParams = {}): string {
  const next: CatalogParams = { ...current, ...changes };
  if (!("page" in changes)) delete next.page;
  const search = new URLSearchParams();
  for (const name of CATALOG_PARAM_NAMES) {
    const value = next[name];
    if (value === undefined || value === null || value === "") continue;
    if (name === "page" && Number(value) <= 1) continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `/catalog?${text}` : "/catalog";
}
