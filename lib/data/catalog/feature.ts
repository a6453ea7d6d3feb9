import "server-only";
import type { Db } from "@/lib/db";
import { buildLineageGraph } from "@/lib/lineage/build";
import { neighborhood } from "@/lib/lineage/traverse";
import { nodeId, type LineageGraph } from "@/lib/lineage/types";
import { getVersionInfo, header, teamById } from "./header";
import type { FeatureHealth } from "./health";
import { featureUsage, type UsageInfo } from "./usage";
import { VIEW_SELECT, healthViewOf, sourcesByIds, viewSummary } from "./view-summary";

/** A feature's page: what the registry holds, and its health in the environment (object-detail.ts). */
export type FeatureDetail = Omit<FeatureRegistryDetail, "healthView"> & { health: FeatureHealth };

/** Everything of a feature's page that only writes change (no clock, no environment). */
export async function getFeatureRegistryDetail(prisma: Db, options: { workspaceId: string; id: string }) {
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
  const [team, sources, usage, versions] = await Promise.all([
    teamById(prisma, workspaceId, view.teamId),
    sourcesByIds(
      prisma,
      workspaceId,
      view.sources.map((s) => s.dataSourceId),
    ),
    featureUsage(prisma, workspaceId, [feature.id]),
    getVersionInfo(prisma, { workspaceId, kind: "feature_view", objectId: view.id }),
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
    lineage,
    healthView: healthViewOf(view),
  };
}
export type FeatureRegistryDetail = NonNullable<Awaited<ReturnType<typeof getFeatureRegistryDetail>>>;

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
