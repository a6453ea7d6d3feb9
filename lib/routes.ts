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

/** Where each monitored kind's own monitoring view lives. */
const MONITORING_SECTIONS: Record<string, string> = {
  feature_view: "freshness",
  feature: "features",
  feature_service: "services",
  model: "models",
};

/** The kinds with a monitoring view of their own (sources, entities and datasets have none). */
export function hasMonitoringView(kind: string): boolean {
  return kind in MONITORING_SECTIONS;
}

/** One object's monitoring view; the monitoring overview for kinds without one of their own. */
export function monitoringHref(kind: string, id: string): string {
  const section = MONITORING_SECTIONS[kind];
  return section ? `/monitoring/${section}/${encodeURIComponent(id)}` : "/monitoring";
}

/** A promotion request, by its number. */
export function promotionHref(number: number): string {
  return `/promotions/${number}`;
}

/** A new promotion request with one object already selected. */
export function newPromotionHref(kind: string, id: string): string {
  return `/promotions/new?object=${objectKey(kind, id)}`;
}
