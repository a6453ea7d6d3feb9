/**
 * The one place that spells the app's URLs (pure; usable on the server and the client). Pages
 * link through these builders so a route can move without hunting for hand-built strings.
 */

/** An object's catalog page, or one of its sub-pages (edit, versions). */
export function catalogHref(kind: string, id: string, page?: "edit" | "versions"): string {
  return `/catalog/${kind}/${encodeURIComponent(id)}${page ? `/${page}` : ""}`;
}

/** One saved version of an object. */
export function versionHref(kind: string, id: string, number: number): string {
  return `${catalogHref(kind, id, "versions")}/${number}`;
}

/** The authoring form for a new object of a kind. */
export function newObjectHref(kind: string): string {
  return `/catalog/${kind}/new`;
}

/** The catalog list filtered by kind or team. */
export function catalogListHref(filter: { kind?: string; team?: string } = {}): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.team) params.set("team", filter.team);
  const query = params.toString();
  return query ? `/catalog?${query}` : "/catalog";
}

/** "kind:id" as a query value; the colon stays readable in shared links. */
function objectKey(kind: string, id: string): string {
  return `${encodeURIComponent(kind)}:${encodeURIComponent(id)}`;
}

/** The lineage explorer centred on an object ("kind:id"), optionally in one environment. */
export function lineageHref(kind: string, id: string, env?: string): string {
  return `/lineage?root=${objectKey(kind, id)}${env ? `&env=${encodeURIComponent(env)}` : ""}`;
}

/** The monitoring overview focused on one object. */
export function monitoringHref(kind: string, id: string): string {
  return `/monitoring?focus=${objectKey(kind, id)}`;
}

/** A promotion request, by its number. */
export function promotionHref(number: number): string {
  return `/promotions/${number}`;
}

/** A new promotion request with one object already selected. */
export function newPromotionHref(kind: string, id: string): string {
  return `/promotions/new?object=${objectKey(kind, id)}`;
}
