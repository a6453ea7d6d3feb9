import "server-only";
import { findObjectRow } from "@/lib/data/object-rows";
import { alertObjectKey, getOpenAlertsByObject } from "@/lib/data/alerts";
import { recordAudit, type Actor } from "@/lib/data/audit";
import { getCurrentDefinition, saveDefinition } from "@/lib/data/definitions";
import type { Db } from "@/lib/db";
import type { FeatureServiceDefinition } from "@/lib/definitions/schema";
import { AppError } from "@/lib/errors";
import type { ObjectKind } from "@/lib/generated/prisma/enums";
import { buildLineageGraph } from "@/lib/lineage/build";
import { neighborhood } from "@/lib/lineage/traverse";
import { nodeId, type LineageGraph } from "@/lib/lineage/types";
import { freshnessSlaSeconds, freshnessStatus, stalenessSeconds, stalenessSeries } from "@/lib/monitoring/freshness";
import { jsDistance, psi } from "@/lib/monitoring/stats";
import { resolveThresholds, statusFor, type DriftStatus } from "@/lib/monitoring/thresholds";
import type { CatalogKind } from "@/lib/search/types";

/**
 * Object pages of the catalog: one loader per kind returning what its page shows, always
 * scoped to the workspace (an id of another workspace is "not found"), plus the "add features
 * to a service" write, which saves a new service version through lib/data/definitions.
 */

export interface ObjectHeader {
  kind: CatalogKind;
  id: string;
  name: string;
  description: string;
  owner: string;
  team: { id: string; slug: string; name: string } | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ActiveVersionInfo {
  environment: string;
  position: number;
  versionNumber: number | null;
  activatedAt: string | null;
  /** The environment runs an older version than the dev head. */
  isBehind: boolean;
}

export interface VersionInfo {
  /** The kind and id that versions are kept under (a feature is versioned with its view). */
  versionKind: ObjectKind;
  versionObjectId: string;
  headNumber: number | null;
  active: ActiveVersionInfo[];
}

type TeamRow = { id: string; slug: string; name: string } | null;

async function teamById(prisma: Db, workspaceId: string, teamId: string | null): Promise<TeamRow> {
  if (!teamId) return null;
  return prisma.team.findFirst({ where: { id: teamId, workspaceId }, select: { id: true, slug: true, name: true } });
}

function header(
  kind: CatalogKind,
  row: {
    id: string;
    name: string;
    description: string;
    owner: string;
    tags: string[];
    createdAt: Date;
    updatedAt: Date;
  },
  team: TeamRow,
): ObjectHeader {
  return {
    kind,
    id: row.id,
    name: row.name,
    description: row.description,
    owner: row.owner,
    team,
    tags: row.tags ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getVersionInfo(
  prisma: Db,
  options: { workspaceId: string; kind: ObjectKind; objectId: string },
): Promise<VersionInfo> {
  const [head, environments, active] = await Promise.all([
    prisma.definitionVersion.findFirst({
      where: { workspaceId: options.workspaceId, objectKind: options.kind, objectId: options.objectId },
      orderBy: { number: "desc" },
      select: { number: true },
    }),
    prisma.environment.findMany({
      where: { workspaceId: options.workspaceId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, position: true },
    }),
    prisma.activeVersion.findMany({
      where: { objectKind: options.kind, objectId: options.objectId },
      select: { environmentId: true, versionId: true, activatedAt: true },
    }),
  ]);
  const versions = active.length
    ? await prisma.definitionVersion.findMany({
        where: { id: { in: active.map((a) => a.versionId) }, workspaceId: options.workspaceId },
        select: { id: true, number: true },
      })
    : [];
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  return {
    versionKind: options.kind,
    versionObjectId: options.objectId,
    headNumber: head?.number ?? null,
    active: environments.map((env) => {
      const pin = active.find((a) => a.environmentId === env.id);
      const number = pin ? (numberOf.get(pin.versionId) ?? null) : null;
      return {
        environment: env.name,
        position: env.position,
        versionNumber: number,
        activatedAt: pin ? pin.activatedAt.toISOString() : null,
        isBehind: number !== null && head !== null && number < head.number,
      };
    }),
  };
}

// ---------------------------------------------------------------- usage

export interface UsageInfo {
  services: { id: string; name: string; latencyBudgetMs: number | null }[];
  models: { id: string; name: string; version: string; serviceId: string }[];
}

async function featureUsage(prisma: Db, workspaceId: string, featureIds: string[]): Promise<UsageInfo> {
  const links = await prisma.featureServiceFeature.findMany({
    where: { featureId: { in: featureIds }, featureService: { workspaceId } },
    select: { featureService: { select: { id: true, name: true, latencyBudgetMs: true } } },
  });
  const services = [...new Map(links.map((l) => [l.featureService.id, l.featureService])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const modelLinks = services.length
    ? await prisma.modelFeatureService.findMany({
        where: { featureServiceId: { in: services.map((s) => s.id) }, model: { workspaceId } },
        select: { featureServiceId: true, model: { select: { id: true, name: true, version: true } } },
      })
    : [];
  const models = [
    ...new Map(modelLinks.map((l) => [l.model.id, { ...l.model, serviceId: l.featureServiceId }])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return { services, models };
}

// ---------------------------------------------------------------- health

export interface SeriesPoint {
  at: string;
  value: number | null;
}

export interface FeatureHealth {
  environment: string;
  freshness: {
    status: "fresh" | "stale" | "unknown";
    stalenessSeconds: number | null;
    slaSeconds: number | null;
    series: SeriesPoint[];
  } | null;
  skew: { statistic: "jsDistance"; latest: number | null; status: DriftStatus | null; series: SeriesPoint[] };
  drift: {
    statistic: "psi";
    latest: number | null;
    status: DriftStatus | null;
    comparedWith: "baseline" | null;
    series: SeriesPoint[];
  };
  alerts: { count: number; severity: "warning" | "critical" } | null;
}

const HEALTH_WINDOW_DAYS = 7;

async function viewFreshnessDetail(
  prisma: Db,
  view: {
    id: string;
    kind: "batch" | "stream" | "on_demand";
    scheduleSeconds: number | null;
    slideIntervalSeconds: number | null;
    freshnessSlaSeconds: number | null;
  },
  environmentId: string,
  now: Date,
): Promise<FeatureHealth["freshness"]> {
  if (view.kind === "on_demand") return null;
  const from = new Date(now.getTime() - HEALTH_WINDOW_DAYS * 86_400_000);
  const runs = await prisma.materializationRun.findMany({
    where: { featureViewId: view.id, environmentId, startedAt: { gte: new Date(from.getTime() - 30 * 86_400_000) } },
    orderBy: { startedAt: "asc" },
    select: { status: true, endedAt: true, watermark: true },
    take: 20_000,
  });
  const sla = freshnessSlaSeconds(view);
  const series = stalenessSeries(runs, from, now, 3 * 3600);
  const latest = runs.filter((r) => r.status === "success" && r.watermark).at(-1);
  const staleness = stalenessSeconds(now, latest?.watermark ?? null);
  return {
    status: freshnessStatus(staleness, sla),
    stalenessSeconds: staleness,
    slaSeconds: sla,
    series: series.map((p) => ({ at: p.at.toISOString(), value: p.stalenessSeconds })),
  };
}

async function featureHealth(
  prisma: Db,
  options: {
    workspaceId: string;
    featureId: string;
    view: Parameters<typeof viewFreshnessDetail>[1];
    environment: { id: string; name: string };
    now: Date;
  },
): Promise<FeatureHealth> {
  const { workspaceId, featureId, environment, now } = options;
  const [freshness, profiles, baseline, overrides, alerts] = await Promise.all([
    viewFreshnessDetail(prisma, options.view, environment.id, now),
    prisma.featureProfile.findMany({
      where: { workspaceId, featureId, environmentId: environment.id, savedDatasetId: null },
      orderBy: { windowStart: "desc" },
      take: 60,
      select: { source: true, windowStart: true, windowEnd: true, counts: true },
    }),
    prisma.featureProfile.findFirst({
      where: { workspaceId, featureId, savedDatasetId: { not: null } },
      orderBy: { windowStart: "desc" },
      select: { counts: true },
    }),
    prisma.statisticThreshold.findMany({ where: { featureId }, select: { statistic: true, warn: true, alert: true } }),
    getOpenAlertsByObject(prisma, { workspaceId, environmentId: environment.id }),
  ]);
  let thresholds;
  try {
    thresholds = resolveThresholds(overrides);
  } catch {
    thresholds = resolveThresholds();
  }
  const online = profiles.filter((p) => p.source === "online").reverse();
  const offlineByWindow = new Map(
    profiles
      .filter((p) => p.source === "offline")
      .map((p) => [`${p.windowStart.getTime()}-${p.windowEnd.getTime()}`, p.counts]),
  );
  const comparable = (a: number[] | undefined | null, b: number[]) =>
    Boolean(a && a.length === b.length && a.length > 0);
  const skewSeries: SeriesPoint[] = online.map((p) => {
    const offline = offlineByWindow.get(`${p.windowStart.getTime()}-${p.windowEnd.getTime()}`);
    return {
      at: p.windowEnd.toISOString(),
      value: comparable(offline, p.counts) ? jsDistance(offline!, p.counts) : null,
    };
  });
  const driftSeries: SeriesPoint[] = online.map((p) => ({
    at: p.windowEnd.toISOString(),
    value: comparable(baseline?.counts, p.counts) ? psi(baseline!.counts, p.counts) : null,
  }));
  const lastValue = (series: SeriesPoint[]) => [...series].reverse().find((p) => p.value !== null)?.value ?? null;
  const skewLatest = lastValue(skewSeries);
  const driftLatest = lastValue(driftSeries);
  const keys = [alertObjectKey("feature", featureId), alertObjectKey("feature_view", options.view.id)];
  const badges = keys.map((key) => alerts.get(key)).filter((b) => b !== undefined);
  return {
    environment: environment.name,
    freshness,
    skew: {
      statistic: "jsDistance",
      latest: skewLatest,
      status: skewLatest === null ? null : statusFor("jsDistance", skewLatest, thresholds),
      series: skewSeries,
    },
    drift: {
      statistic: "psi",
      latest: driftLatest,
      status: driftLatest === null ? null : statusFor("psi", driftLatest, thresholds),
      comparedWith: baseline ? "baseline" : null,
      series: driftSeries,
    },
    alerts: badges.length
      ? {
          count: badges.reduce((sum, b) => sum + b.count, 0),
          severity: badges.some((b) => b.severity === "critical") ? "critical" : "warning",
        }
      : null,
  };
}

// ---------------------------------------------------------------- kinds

const VIEW_SELECT = {
  id: true,
  name: true,
  kind: true,
  description: true,
  owner: true,
  teamId: true,
  tags: true,
  transformation: true,
  transformationLanguage: true,
  schedule: true,
  scheduleSeconds: true,
  ttlSeconds: true,
  slideInterval: true,
  slideIntervalSeconds: true,
  freshnessSlaSeconds: true,
  online: true,
  offline: true,
  createdAt: true,
  updatedAt: true,
  entities: {
    select: {
      entity: {
        select: {
          id: true,
          name: true,
          joinKeys: { select: { name: true, valueType: true }, orderBy: { position: "asc" } },
        },
      },
    },
  },
  sources: { select: { dataSourceId: true } },
  inputs: { select: { inputFeatureView: { select: { id: true, name: true, kind: true } } } },
  aggregations: {
    select: { function: true, column: true, windows: true, slideInterval: true },
    orderBy: { position: "asc" },
  },
} as const;

async function sourcesByIds(prisma: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return prisma.dataSource.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, name: true, kind: true, platform: true, location: true },
    orderBy: { name: "asc" },
  });
}

function viewSummary(view: {
  id: string;
  name: string;
  kind: "batch" | "stream" | "on_demand";
  transformation: string;
  transformationLanguage: string;
  schedule: string | null;
  ttlSeconds: number | null;
  slideInterval: string | null;
  online: boolean;
  offline: boolean;
  entities: { entity: { id: string; name: string; joinKeys: { name: string; valueType: string }[] } }[];
  inputs: { inputFeatureView: { id: string; name: string; kind: string } }[];
  aggregations: { function: string; column: string; windows: string[]; slideInterval: string | null }[];
}) {
  return {
    id: view.id,
    name: view.name,
    kind: view.kind,
    transformation: view.transformation,
    transformationLanguage: view.transformationLanguage,
    schedule: view.schedule,
    ttlSeconds: view.ttlSeconds,
    slideInterval: view.slideInterval,
    online: view.online,
    offline: view.offline,
    entities: view.entities.map((e) => e.entity),
    inputs: view.inputs.map((i) => i.inputFeatureView),
    aggregations: view.aggregations,
  };
}

export async function getFeatureDetail(
  prisma: Db,
  options: { workspaceId: string; id: string; environment: { id: string; name: string }; now?: Date },
) {
  const { workspaceId, id } = options;
  const feature = await prisma.feature.findFirst({
    where: { id, workspaceId },
    select: {
      id: true,
      name: true,
      valueType: true,
      description: true,
      owner: true,
      tags: true,
      createdAt: true,
      updatedAt: true,
      featureView: { select: VIEW_SELECT },
      sourceColumns: {
        select: {
          column: { select: { id: true, name: true, type: true, dataSource: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!feature) return null;
  const view = feature.featureView;
  const [team, sources, usage, versions, health] = await Promise.all([
    teamById(prisma, workspaceId, view.teamId),
    sourcesByIds(
      prisma,
      workspaceId,
      view.sources.map((s) => s.dataSourceId),
    ),
    featureUsage(prisma, workspaceId, [feature.id]),
    getVersionInfo(prisma, { workspaceId, kind: "feature_view", objectId: view.id }),
    featureHealth(prisma, {
      workspaceId,
      featureId: feature.id,
      view,
      environment: options.environment,
      now: options.now ?? new Date(),
    }),
  ]);
  const sourceColumns = feature.sourceColumns.map((s) => ({
    id: s.column.id,
    name: s.column.name,
    type: s.column.type,
    source: s.column.dataSource,
  }));
  const lineage = featureLineagePreview({
    feature: { id: feature.id, name: feature.name, viewId: view.id },
    view: { id: view.id, name: view.name, kind: view.kind },
    sources,
    sourceColumns,
    usage,
  });
  return {
    ...header(
      "feature",
      {
        ...feature,
        owner: feature.owner || view.owner,
        tags: [...new Set([...(feature.tags ?? []), ...(view.tags ?? [])])],
      },
      team,
    ),
    valueType: feature.valueType,
    view: viewSummary(view),
    sources,
    sourceColumns,
    usage,
    versions,
    health,
    lineage,
  };
}
export type FeatureDetail = NonNullable<Awaited<ReturnType<typeof getFeatureDetail>>>;

/** One hop up and down around the feature, through lib/lineage's neighbourhood. */
function featureLineagePreview(input: {
  feature: { id: string; name: string; viewId: string };
  view: { id: string; name: string; kind: "batch" | "stream" | "on_demand" };
  sources: { id: string; name: string; kind: "batch" | "stream" | "request" }[];
  sourceColumns: { id: string; name: string; source: { id: string; name: string } }[];
  usage: UsageInfo;
}): LineageGraph {
  const columnSources = input.sourceColumns.map((c) => c.source);
  const graph = buildLineageGraph({
    dataSources: [
      ...new Map(
        [...input.sources, ...columnSources.map((s) => ({ ...s, kind: "batch" as const }))].map((s) => [s.id, s]),
      ).values(),
    ],
    dataSourceColumns: input.sourceColumns.map((c) => ({ id: c.id, dataSourceId: c.source.id, name: c.name })),
    entities: [],
    featureViews: [input.view],
    featureViewSources: input.sources.map((s) => ({ featureViewId: input.view.id, dataSourceId: s.id })),
    featureViewEntities: [],
    featureViewInputs: [],
    features: [{ id: input.feature.id, featureViewId: input.view.id, name: input.feature.name }],
    featureSourceColumns: input.sourceColumns.map((c) => ({ featureId: input.feature.id, columnId: c.id })),
    featureServices: input.usage.services.map((s) => ({ id: s.id, name: s.name })),
    featureServiceFeatures: input.usage.services.map((s) => ({ featureServiceId: s.id, featureId: input.feature.id })),
    models: input.usage.models.map((m) => ({ id: m.id, name: m.name })),
    modelFeatureServices: input.usage.models.map((m) => ({ modelId: m.id, featureServiceId: m.serviceId })),
    savedDatasets: [],
  });
  return neighborhood(graph, nodeId("feature", input.feature.id), { up: 1, down: 1, maxNodes: 40 });
}

export async function getFeatureViewDetail(
  prisma: Db,
  options: { workspaceId: string; id: string; environment: { id: string; name: string }; now?: Date },
) {
  const { workspaceId, id } = options;
  const view = await prisma.featureView.findFirst({
    where: { id, workspaceId },
    select: {
      ...VIEW_SELECT,
      features: {
        select: { id: true, name: true, valueType: true, description: true },
        orderBy: { position: "asc" },
        take: 1000,
      },
      consumers: { select: { featureView: { select: { id: true, name: true, kind: true } } } },
    },
  });
  if (!view) return null;
  const featureIds = view.features.map((f) => f.id);
  const [team, sources, usage, versions, freshness, usageCounts] = await Promise.all([
    teamById(prisma, workspaceId, view.teamId),
    sourcesByIds(
      prisma,
      workspaceId,
      view.sources.map((s) => s.dataSourceId),
    ),
    featureUsage(prisma, workspaceId, featureIds),
    getVersionInfo(prisma, { workspaceId, kind: "feature_view", objectId: view.id }),
    viewFreshnessDetail(prisma, view, options.environment.id, options.now ?? new Date()),
    prisma.$queryRawUnsafe<{ object_id: string; usage_count: number }[]>(
      `SELECT object_id, usage_count FROM search_document WHERE object_kind = 'feature' AND parent_id = $1 AND workspace_id = $2`,
      view.id,
      workspaceId,
    ),
  ]);
  const usageOf = new Map(usageCounts.map((row) => [row.object_id, Number(row.usage_count)]));
  return {
    ...header("feature_view", view, team),
    view: viewSummary(view),
    freshnessSlaSeconds: freshnessSlaSeconds(view),
    sources,
    features: view.features.map((f) => ({ ...f, usageCount: usageOf.get(f.id) ?? 0 })),
    consumers: view.consumers.map((c) => c.featureView),
    usage,
    versions,
    freshness: freshness ? { ...freshness, environment: options.environment.name } : null,
  };
}

export async function getDataSourceDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const source = await prisma.dataSource.findFirst({
    where: { id: options.id, workspaceId: options.workspaceId },
    select: {
      id: true,
      name: true,
      kind: true,
      platform: true,
      location: true,
      eventTimestampColumn: true,
      batchSourceId: true,
      description: true,
      owner: true,
      teamId: true,
      tags: true,
      options: true,
      createdAt: true,
      updatedAt: true,
      columns: { select: { id: true, name: true, type: true, description: true }, orderBy: { position: "asc" } },
    },
  });
  if (!source) return null;
  const [team, links, batchSource, backfills, versions] = await Promise.all([
    teamById(prisma, options.workspaceId, source.teamId),
    prisma.featureViewSource.findMany({
      where: { dataSourceId: source.id, featureView: { workspaceId: options.workspaceId } },
      select: { featureView: { select: { id: true, name: true, kind: true, owner: true } } },
      take: 500,
    }),
    source.batchSourceId
      ? prisma.dataSource.findFirst({
          where: { id: source.batchSourceId, workspaceId: options.workspaceId },
          select: { id: true, name: true },
        })
      : null,
    prisma.dataSource.findMany({
      where: { workspaceId: options.workspaceId, batchSourceId: source.id },
      select: { id: true, name: true },
    }),
    getVersionInfo(prisma, { workspaceId: options.workspaceId, kind: "data_source", objectId: source.id }),
  ]);
  return {
    ...header("data_source", source, team),
    sourceKind: source.kind,
    platform: source.platform,
    location: source.location,
    eventTimestampColumn: source.eventTimestampColumn,
    options: source.options as Record<string, unknown>,
    columns: source.columns,
    batchSource,
    backfills,
    downstreamViews: links.map((l) => l.featureView).sort((a, b) => a.name.localeCompare(b.name)),
    versions,
  };
}

export async function getEntityDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const entity = await prisma.entity.findFirst({
    where: { id: options.id, workspaceId: options.workspaceId },
    select: {
      id: true,
      name: true,
      description: true,
      owner: true,
      teamId: true,
      tags: true,
      createdAt: true,
      updatedAt: true,
      joinKeys: { select: { name: true, valueType: true }, orderBy: { position: "asc" } },
      views: { select: { featureView: { select: { id: true, name: true, kind: true, owner: true } } }, take: 500 },
    },
  });
  if (!entity) return null;
  const [team, versions] = await Promise.all([
    teamById(prisma, options.workspaceId, entity.teamId),
    getVersionInfo(prisma, { workspaceId: options.workspaceId, kind: "entity", objectId: entity.id }),
  ]);
  return {
    ...header("entity", entity, team),
    joinKeys: entity.joinKeys,
    views: entity.views.map((v) => v.featureView).sort((a, b) => a.name.localeCompare(b.name)),
    versions,
  };
}

export async function getFeatureServiceDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const service = await prisma.featureService.findFirst({
    where: { id: options.id, workspaceId: options.workspaceId },
    select: {
      id: true,
      name: true,
      description: true,
      owner: true,
      teamId: true,
      tags: true,
      latencyBudgetMs: true,
      createdAt: true,
      updatedAt: true,
      features: {
        select: {
          feature: {
            select: { id: true, name: true, valueType: true, featureView: { select: { id: true, name: true } } },
          },
        },
      },
      models: { select: { model: { select: { id: true, name: true, version: true, endpoint: true } } } },
    },
  });
  if (!service) return null;
  const [team, datasets, versions] = await Promise.all([
    teamById(prisma, options.workspaceId, service.teamId),
    prisma.savedDataset.findMany({
      where: { workspaceId: options.workspaceId, featureServiceId: service.id },
      select: { id: true, name: true },
    }),
    getVersionInfo(prisma, { workspaceId: options.workspaceId, kind: "feature_service", objectId: service.id }),
  ]);
  const byView = new Map<
    string,
    { view: { id: string; name: string }; features: { id: string; name: string; valueType: string }[] }
  >();
  for (const { feature } of service.features) {
    const group = byView.get(feature.featureView.id) ?? { view: feature.featureView, features: [] };
    group.features.push({ id: feature.id, name: feature.name, valueType: feature.valueType });
    byView.set(feature.featureView.id, group);
  }
  const groups = [...byView.values()].sort((a, b) => a.view.name.localeCompare(b.view.name));
  for (const group of groups) group.features.sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...header("feature_service", service, team),
    latencyBudgetMs: service.latencyBudgetMs,
    featureGroups: groups,
    featureCount: service.features.length,
    models: service.models.map((m) => m.model).sort((a, b) => a.name.localeCompare(b.name)),
    savedDatasets: datasets,
    versions,
  };
}

export async function getModelDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const model = await prisma.model.findFirst({
    where: { id: options.id, workspaceId: options.workspaceId },
    select: {
      id: true,
      name: true,
      version: true,
      description: true,
      owner: true,
      teamId: true,
      tags: true,
      endpoint: true,
      trainingDatasetId: true,
      createdAt: true,
      updatedAt: true,
      services: { select: { featureService: { select: { id: true, name: true, latencyBudgetMs: true } } } },
    },
  });
  if (!model) return null;
  const [team, dataset, versions] = await Promise.all([
    teamById(prisma, options.workspaceId, model.teamId),
    model.trainingDatasetId
      ? prisma.savedDataset.findFirst({
          where: { id: model.trainingDatasetId, workspaceId: options.workspaceId },
          select: { id: true, name: true, storage: true },
        })
      : null,
    getVersionInfo(prisma, { workspaceId: options.workspaceId, kind: "model", objectId: model.id }),
  ]);
  return {
    ...header("model", model, team),
    version: model.version,
    endpoint: model.endpoint,
    services: model.services.map((s) => s.featureService).sort((a, b) => a.name.localeCompare(b.name)),
    trainingDataset: dataset,
    versions,
  };
}

export async function getSavedDatasetDetail(prisma: Db, options: { workspaceId: string; id: string }) {
  const dataset = await prisma.savedDataset.findFirst({
    where: { id: options.id, workspaceId: options.workspaceId },
    select: {
      id: true,
      name: true,
      description: true,
      owner: true,
      teamId: true,
      tags: true,
      storage: true,
      featureServiceId: true,
      featureRefs: true,
      rowCount: true,
      startAt: true,
      endAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!dataset) return null;
  const [team, service, models, versions] = await Promise.all([
    teamById(prisma, options.workspaceId, dataset.teamId),
    dataset.featureServiceId
      ? prisma.featureService.findFirst({
          where: { id: dataset.featureServiceId, workspaceId: options.workspaceId },
          select: { id: true, name: true },
        })
      : null,
    prisma.model.findMany({
      where: { workspaceId: options.workspaceId, trainingDatasetId: dataset.id },
      select: { id: true, name: true, version: true },
    }),
    getVersionInfo(prisma, { workspaceId: options.workspaceId, kind: "saved_dataset", objectId: dataset.id }),
  ]);
  return {
    ...header("saved_dataset", dataset, team),
    storage: dataset.storage,
    featureService: service,
    featureRefs: dataset.featureRefs,
    rowCount: dataset.rowCount === null ? null : Number(dataset.rowCount),
    startAt: dataset.startAt?.toISOString() ?? null,
    endAt: dataset.endAt?.toISOString() ?? null,
    trainedModels: models,
    versions,
  };
}

/** The header of any object (name, kind, workspace check): for comments, stars and audit. */
export async function getObjectHeader(prisma: Db, options: { workspaceId: string; kind: CatalogKind; id: string }) {
  return findObjectRow(prisma, options.workspaceId, options.kind, { id: options.id });
}

export async function requireObjectHeader(prisma: Db, options: { workspaceId: string; kind: CatalogKind; id: string }) {
  const found = await getObjectHeader(prisma, options);
  if (!found)
    throw new AppError("not_found", `No ${options.kind.replace("_", " ")} "${options.id}" in this workspace.`);
  return found;
}

// ---------------------------------------------------------------- add to feature service

/** Teams an object can be given to (the ownership form), by name. */
export async function listTeamOptions(prisma: Db, workspaceId: string) {
  return prisma.team.findMany({ where: { workspaceId }, select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export async function listFeatureServiceOptions(prisma: Db, workspaceId: string) {
  return prisma.featureService.findMany({
    where: { workspaceId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 2000,
  });
}

export interface AddToServiceResult {
  serviceId: string;
  serviceName: string;
  created: boolean;
  added: string[];
  alreadyPresent: string[];
  versionNumber: number;
}

/**
 * Adds features to a feature service (or creates one in dev) as a new version of the service,
 * through saveDefinition: versioned, audited and conflict-checked like any other edit.
 */
export async function addFeaturesToService(
  prisma: Db,
  input: {
    workspaceId: string;
    featureIds: string[];
    serviceId?: string;
    newServiceName?: string;
    message?: string;
    owner?: string;
  },
  actor: Actor,
): Promise<AddToServiceResult> {
  const features = await prisma.feature.findMany({
    where: { workspaceId: input.workspaceId, id: { in: input.featureIds } },
    select: { id: true, name: true, featureView: { select: { name: true } } },
  });
  if (features.length !== new Set(input.featureIds).size) {
    throw new AppError("not_found", "Some of the chosen features do not exist in this workspace.");
  }
  const refs = features.map((f) => `${f.featureView.name}:${f.name}`);
  if (input.newServiceName) {
    const definition: Partial<FeatureServiceDefinition> & { name: string } = {
      name: input.newServiceName,
      features: [...new Set(refs)].sort(),
      owner: input.owner ?? "",
    };
    const saved = await saveDefinition(
      prisma,
      {
        workspaceId: input.workspaceId,
        kind: "feature_service",
        definition,
        baseVersionNumber: null,
        message:
          input.message || `Create ${input.newServiceName} with ${refs.length} feature${refs.length === 1 ? "" : "s"}`,
      },
      actor,
    );
    return {
      serviceId: saved.objectId,
      serviceName: saved.name,
      created: true,
      added: refs,
      alreadyPresent: [],
      versionNumber: saved.version.number,
    };
  }
  const current = await getCurrentDefinition(prisma, {
    workspaceId: input.workspaceId,
    kind: "feature_service",
    objectId: input.serviceId!,
  });
  if (!current) throw new AppError("not_found", "No such feature service in this workspace.");
  const definition = current.definition as FeatureServiceDefinition;
  const existing = new Set(definition.features);
  // "view:*" already serves every feature of the view.
  const isServed = (ref: string) => existing.has(ref) || existing.has(`${ref.slice(0, ref.indexOf(":"))}:*`);
  const added = [...new Set(refs)].filter((ref) => !isServed(ref));
  const alreadyPresent = refs.filter(isServed);
  if (added.length === 0) {
    return {
      serviceId: current.objectId,
      serviceName: current.name,
      created: false,
      added,
      alreadyPresent,
      versionNumber: current.version.number,
    };
  }
  const saved = await saveDefinition(
    prisma,
    {
      workspaceId: input.workspaceId,
      kind: "feature_service",
      objectId: current.objectId,
      definition: { ...definition, features: [...definition.features, ...added] },
      baseVersionNumber: current.version.number,
      message: input.message || `Add ${added.join(", ")}`.slice(0, 500),
    },
    actor,
  );
  return {
    serviceId: saved.objectId,
    serviceName: saved.name,
    created: false,
    added,
    alreadyPresent,
    versionNumber: saved.version.number,
  };
}

// ---------------------------------------------------------------- owners and teams

/**
 * Changes an object's owner and team. Definition kinds get a new version (owner and team are
 * part of the definition); a feature's owner is a registry field of its own (its team is its
 * view's), so it is updated in place and audited.
 */
export async function updateOwnership(
  prisma: Db,
  input: { workspaceId: string; kind: CatalogKind; id: string; owner: string; team: string },
  actor: Actor,
): Promise<{ versionNumber: number | null }> {
  const teamRow = input.team
    ? await prisma.team.findFirst({ where: { workspaceId: input.workspaceId, slug: input.team }, select: { id: true } })
    : null;
  if (input.team && !teamRow)
    throw new AppError("unprocessable", `No team "${input.team}" in this workspace.`, {
      fields: [{ path: "team", message: "unknown team" }],
    });
  if (input.kind === "feature") {
    return prisma.$transaction(async (tx) => {
      const feature = await tx.feature.findFirst({
        where: { id: input.id, workspaceId: input.workspaceId },
        select: { id: true, name: true, owner: true },
      });
      if (!feature) throw new AppError("not_found", "No such feature in this workspace.");
      await tx.feature.update({ where: { id: feature.id }, data: { owner: input.owner } });
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: "feature.owner.change",
        objectKind: "feature",
        objectId: feature.id,
        objectName: feature.name,
        before: { owner: feature.owner },
        after: { owner: input.owner },
      });
      return { versionNumber: null };
    });
  }
  const current = await getCurrentDefinition(prisma, {
    workspaceId: input.workspaceId,
    kind: input.kind,
    objectId: input.id,
  });
  if (!current) throw new AppError("not_found", "No such object in this workspace.");
  const definition: Record<string, unknown> = {
    ...(current.definition as unknown as Record<string, unknown>),
    owner: input.owner,
  };
  if (input.team) definition.team = input.team;
  else delete definition.team;
  const saved = await saveDefinition(
    prisma,
    {
      workspaceId: input.workspaceId,
      kind: input.kind,
      objectId: current.objectId,
      definition,
      baseVersionNumber: current.version.number,
      message: `Owner ${input.owner || "(none)"}, team ${input.team || "(none)"}`,
    },
    actor,
  );
  return { versionNumber: saved.version.number };
}

/** The page data of any kind, or null when the object is not in the workspace. */
export async function getObjectDetail(
  prisma: Db,
  options: {
    workspaceId: string;
    kind: CatalogKind;
    id: string;
    environment: { id: string; name: string };
    now?: Date;
  },
) {
  switch (options.kind) {
    case "feature":
      return getFeatureDetail(prisma, options);
    case "feature_view":
      return getFeatureViewDetail(prisma, options);
    case "data_source":
      return getDataSourceDetail(prisma, options);
    case "entity":
      return getEntityDetail(prisma, options);
    case "feature_service":
      return getFeatureServiceDetail(prisma, options);
    case "model":
      return getModelDetail(prisma, options);
    case "saved_dataset":
      return getSavedDatasetDetail(prisma, options);
  }
}
