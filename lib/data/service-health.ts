import "server-only";
import type { Db } from "@/lib/db";
import { getLineageHealth } from "@/lib/data/lineage-health";
import { withOverall, type NodeHealth } from "@/lib/lineage/health";
import { nodeId, type LineageNode, type NodeKind } from "@/lib/lineage/types";
import { modelHealth, serviceHealth, type ObjectHealth, type ServiceSignals } from "@/lib/monitoring/health";

/**
 * Health of feature services and models in one environment (rules: lib/monitoring/health.ts).
 * Set-based for a whole page: the links (models -> services -> features -> views) in two
 * queries, then the signals of everything reached in the few queries of getLineageHealth, so
 * a catalog page of 50 rows costs the same handful of queries as one detail page.
 */

export interface ServiceHealthDetail extends ObjectHealth {
  id: string;
  name: string;
  /** What was judged: the service's latency and the views and features it serves. */
  signals: ServiceSignals;
}

export interface ModelHealthDetail extends ObjectHealth {
  id: string;
  name: string;
  /** The services it reads from, each with its own health and signals. */
  services: ServiceHealthDetail[];
}

export interface HealthScope {
  workspaceId: string;
  environmentId: string;
  now?: Date;
}

/** Services' health keyed by id; ids of another workspace or unknown ones are left out. */
export async function getServiceHealth(
  prisma: Db,
  options: HealthScope & { serviceIds: readonly string[] },
): Promise<Map<string, ServiceHealthDetail>> {
  if (options.serviceIds.length === 0) return new Map();
  const services = await prisma.featureService.findMany({
    where: { workspaceId: options.workspaceId, id: { in: [...new Set(options.serviceIds)] } },
    select: {
      id: true,
      name: true,
      features: {
        select: {
          feature: { select: { id: true, name: true, featureView: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const nodes = new Map<string, { id: string; kind: NodeKind; objectId: string }>();
  const addNode = (kind: NodeKind, objectId: string) => {
    const id = nodeId(kind, objectId);
    nodes.set(id, { id, kind, objectId });
  };
  for (const service of services) {
    addNode("feature_service", service.id);
    for (const { feature } of service.features) {
      addNode("feature", feature.id);
      addNode("feature_view", feature.featureView.id);
    }
  }
  const health = await getLineageHealth(prisma, { ...options, nodes: [...nodes.values()] });

  const result = new Map<string, ServiceHealthDetail>();
  for (const service of services) {
    const own = health[nodeId("feature_service", service.id)];
    const views = new Map<string, ServiceSignals["views"][number]>();
    const features: ServiceSignals["features"] = [];
    for (const { feature } of service.features) {
      const view = feature.featureView;
      if (!views.has(view.id)) {
        const viewHealth = health[nodeId("feature_view", view.id)];
        views.set(view.id, {
          id: view.id,
          name: view.name,
          freshness: viewHealth?.freshness,
          alerts: viewHealth?.alerts,
        });
      }
      const featureHealth = health[nodeId("feature", feature.id)];
      features.push({
        id: feature.id,
        name: feature.name,
        viewName: view.name,
        drift: featureHealth?.drift,
        skew: featureHealth?.skew,
        alerts: featureHealth?.alerts,
      });
    }
    const latency = own?.latency;
    const signals: ServiceSignals = {
      id: service.id,
      name: service.name,
      latency: latency
        ? {
            p99Ms: latency.p99Ms,
            budgetMs: latency.budgetMs,
            requestCount: latency.requestCount ?? 0,
            errorCount: latency.errorCount ?? 0,
          }
        : undefined,
      alerts: own?.alerts,
      views: [...views.values()].sort((a, b) => a.name.localeCompare(b.name)),
      features: features.sort((a, b) => `${a.viewName}:${a.name}`.localeCompare(`${b.viewName}:${b.name}`)),
    };
    result.set(service.id, { id: service.id, name: service.name, ...serviceHealth(signals), signals });
  }
  return result;
}

/** Models' health keyed by id (`modelIds: "all"` for every model of the workspace). */
export async function getModelHealth(
  prisma: Db,
  options: HealthScope & { modelIds: readonly string[] | "all" },
): Promise<Map<string, ModelHealthDetail>> {
  return (await getObjectHealth(prisma, { ...options, serviceIds: [] })).models;
}

/**
 * Services' and models' health for one page (the catalog list shows both kinds): every
 * service is judged once, whether it is listed itself or reached through a model.
 */
export async function getObjectHealth(
  prisma: Db,
  options: HealthScope & { serviceIds: readonly string[]; modelIds: readonly string[] | "all" },
): Promise<{ services: Map<string, ServiceHealthDetail>; models: Map<string, ModelHealthDetail> }> {
  const models =
    options.modelIds !== "all" && options.modelIds.length === 0
      ? []
      : await prisma.model.findMany({
          where: {
            workspaceId: options.workspaceId,
            ...(options.modelIds === "all" ? {} : { id: { in: [...new Set(options.modelIds)] } }),
          },
          select: { id: true, name: true, services: { select: { featureServiceId: true } } },
          orderBy: { name: "asc" },
        });
  const services = await getServiceHealth(prisma, {
    ...options,
    serviceIds: [
      ...options.serviceIds,
      ...models.flatMap((model) => model.services.map((link) => link.featureServiceId)),
    ],
  });
  const result = new Map<string, ModelHealthDetail>();
  for (const model of models) {
    const reached = model.services
      .map((link) => services.get(link.featureServiceId))
      .filter((service): service is ServiceHealthDetail => service !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    const health = modelHealth(
      reached.map(({ id, name, state, reasons }) => ({ id, name, health: { state, reasons } })),
    );
    result.set(model.id, { id: model.id, name: model.name, ...health, services: reached });
  }
  return { services, models: result };
}

/** The models that are at risk or failing, worst first, for the home page. */
export async function listModelsAtRisk(prisma: Db, options: HealthScope): Promise<ModelHealthDetail[]> {
  const models = await getModelHealth(prisma, { ...options, modelIds: "all" });
  return [...models.values()]
    .filter((model) => model.state === "at_risk" || model.state === "failing")
    .sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === "failing" ? -1 : 1));
}

/**
 * The lineage overlay's health with the services' and models' own health added (what they
 * serve, reached through lineage), so their nodes show "at risk" or "failing" with the reasons.
 */
export async function withServiceAndModelHealth(
  prisma: Db,
  health: Record<string, NodeHealth>,
  options: HealthScope & { nodes: readonly Pick<LineageNode, "id" | "kind" | "objectId">[] },
): Promise<Record<string, NodeHealth>> {
  const ids = (kind: NodeKind) => options.nodes.filter((node) => node.kind === kind).map((node) => node.objectId);
  const serviceIds = ids("feature_service");
  const modelIds = ids("model");
  if (serviceIds.length === 0 && modelIds.length === 0) return health;
  const judged = await getObjectHealth(prisma, { ...options, serviceIds, modelIds });
  const result = { ...health };
  for (const [kind, map] of [
    ["feature_service", judged.services],
    ["model", judged.models],
  ] as const) {
    for (const [id, found] of map) {
      const key = nodeId(kind, id);
      const { status: _status, ...parts } = result[key] ?? { status: "unknown" };
      result[key] = withOverall({
        ...parts,
        served: { state: found.state, reasons: found.reasons.map((reason) => reason.message) },
      });
    }
  }
  return result;
}
