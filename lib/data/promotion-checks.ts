import "server-only";
import type { Db, Prisma } from "@/lib/db";
import type { DefinitionKind } from "@/lib/definitions/schema";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { canonicalDefinition } from "@/lib/definitions/diff";
import { freshnessSlaSeconds, stalenessSeries } from "@/lib/monitoring/freshness";
import { compareProfiles, type Profile, type StatisticValues } from "@/lib/monitoring/stats";
import { resolveThresholds, scoreStatistics } from "@/lib/monitoring/thresholds";
import {
  CHECK_LABELS,
  evaluateChecks,
  type CheckResult,
  type DefinitionRef,
  type FeatureScore,
  type HealthInput,
  type RequestedItem,
  type ViewFreshness,
} from "@/lib/promotions/checks";

/*
 * Loads what the promotion checks need (definitions active in the target, the source
 * environment's runs and profiles), evaluates them with lib/promotions/checks and stores the
 * results. Works on the client or inside a transaction.
 */

export type Client = Db | Prisma.TransactionClient;

export interface ActiveDefinition extends DefinitionRef {
  versionId: string;
  versionNumber: number;
}

/** Every definition active in an environment, with its version. */
export async function loadActiveDefinitions(client: Client, environmentId: string): Promise<ActiveDefinition[]> {
  const active = await client.activeVersion.findMany({
    where: { environmentId, objectKind: { not: "feature" } },
    select: { objectKind: true, objectId: true, versionId: true },
  });
  const versions = await client.definitionVersion.findMany({
    where: { id: { in: active.map((row) => row.versionId) } },
    select: { id: true, objectKind: true, objectId: true, objectName: true, number: true, definition: true },
  });
  return versions
    .filter((version) => version.objectKind !== "feature")
    .map((version) => ({
      kind: version.objectKind as DefinitionKind,
      objectId: version.objectId,
      name: version.objectName,
      definition: version.definition,
      versionId: version.id,
      versionNumber: version.number,
    }));
}

const DAY_MS = 86_400_000;
const STEP_SECONDS = 300;

async function viewFreshness(
  client: Client,
  view: RequestedItem,
  environmentId: string,
  now: Date,
): Promise<ViewFreshness | null> {
  const definition = canonicalDefinition("feature_view", view.definition) as FeatureViewDefinition;
  let slaSeconds: number | null;
  try {
    slaSeconds = freshnessSlaSeconds({
      kind: definition.kind ?? "batch",
      scheduleSeconds: definition.schedule,
      slideIntervalSeconds: definition.slideInterval,
      freshnessSlaSeconds: definition.freshnessSla,
    });
  } catch {
    slaSeconds = null; // an unparseable duration is reported by the validity check
  }
  if (slaSeconds === null) return null;
  const from = new Date(now.getTime() - DAY_MS);
  const select = { status: true, endedAt: true, watermark: true } as const;
  // The newest run that landed before the window sets the staleness at its start.
  const [before, during] = await Promise.all([
    client.materializationRun.findFirst({
      where: {
        featureViewId: view.objectId,
        environmentId,
        status: "success",
        endedAt: { lte: from },
        watermark: { not: null },
      },
      orderBy: { watermark: "desc" },
      select,
    }),
    client.materializationRun.findMany({
      where: { featureViewId: view.objectId, environmentId, endedAt: { gt: from, lte: now } },
      select,
    }),
  ]);
  const runs = [...(before ? [before] : []), ...during];
  const series = stalenessSeries(runs, from, now, STEP_SECONDS);
  let max: number | null = null;
  for (const point of series) {
    if (point.stalenessSeconds !== null && (max === null || point.stalenessSeconds > max)) max = point.stalenessSeconds;
  }
  return { view: view.name, slaSeconds, maxStalenessSeconds: max, runCount: runs.length };
}

type ProfileRow = {
  featureId: string;
  windowStart: Date;
  windowEnd: Date;
  binEdges: number[];
  categories: string[];
  counts: number[];
  savedDatasetId: string | null;
  source: "offline" | "online";
};

function toProfile(row: ProfileRow): Profile {
  return row.binEdges.length > 0
    ? { kind: "numeric", binEdges: row.binEdges, counts: row.counts }
    : { kind: "categorical", categories: row.categories, counts: row.counts };
}

function score(
  expected: ProfileRow,
  actual: ProfileRow,
  overrides: { statistic: string; warn: number; alert: number }[],
) {
  try {
    const profile = toProfile(actual);
    const values = compareProfiles(toProfile(expected), profile);
    const thresholds = resolveThresholds(overrides, profile.kind);
    const kept: StatisticValues = {};
    for (const [name, value] of Object.entries(values) as Array<[keyof StatisticValues, number]>) {
      if (thresholds[name]) kept[name] = value;
    }
    return { values: kept, worst: scoreStatistics(kept, thresholds).worst };
  } catch {
    return null; // incomparable bins: nothing to say
  }
}

async function viewScores(client: Client, views: readonly RequestedItem[], environmentId: string) {
  const skew: FeatureScore[] = [];
  const drift: FeatureScore[] = [];
  if (views.length === 0) return { skew, drift };
  const wanted = new Map<string, Set<string>>();
  for (const view of views) {
    const definition = canonicalDefinition("feature_view", view.definition) as FeatureViewDefinition;
    wanted.set(view.objectId, new Set((definition.features ?? []).map((feature) => feature.name)));
  }
  const features = (
    await client.feature.findMany({
      where: { featureViewId: { in: [...wanted.keys()] } },
      select: { id: true, name: true, featureViewId: true },
    })
  ).filter((feature) => wanted.get(feature.featureViewId)?.has(feature.name));
  if (features.length === 0) return { skew, drift };
  const featureIds = features.map((feature) => feature.id);
  const select = {
    featureId: true,
    windowStart: true,
    windowEnd: true,
    binEdges: true,
    categories: true,
    counts: true,
    savedDatasetId: true,
    source: true,
  } as const;
  const [current, baselines, overrides] = await Promise.all([
    client.featureProfile.findMany({
      where: { featureId: { in: featureIds }, environmentId, savedDatasetId: null },
      orderBy: { windowStart: "desc" },
      select,
    }),
    client.featureProfile.findMany({
      where: { featureId: { in: featureIds }, savedDatasetId: { not: null } },
      orderBy: { windowStart: "desc" },
      select,
    }),
    client.statisticThreshold.findMany({ where: { featureId: { in: featureIds } } }),
  ]);
  const viewName = new Map(views.map((view) => [view.objectId, view.name]));
  for (const feature of features) {
    const own = current.filter((row) => row.featureId === feature.id);
    const online = own.find((row) => row.source === "online");
    if (!online) continue;
    const thresholds = overrides.filter((row) => row.featureId === feature.id);
    const offline = own.find(
      (row) =>
        row.source === "offline" &&
        row.windowStart.getTime() === online.windowStart.getTime() &&
        row.windowEnd.getTime() === online.windowEnd.getTime(),
    );
    const view = viewName.get(feature.featureViewId) ?? "";
    if (offline) {
      const result = score(offline, online, thresholds);
      if (result) skew.push({ view, feature: feature.name, ...result });
    }
    const baseline = baselines.find((row) => row.featureId === feature.id);
    if (baseline) {
      const result = score(baseline, online, thresholds);
      if (result) drift.push({ view, feature: feature.name, ...result });
    }
  }
  return { skew, drift };
}

export async function loadHealth(
  client: Client,
  input: { items: readonly RequestedItem[]; source: { id: string; name: string }; blockOnHealth: boolean; now: Date },
): Promise<HealthInput> {
  const views = input.items.filter((item) => item.kind === "feature_view");
  const freshness = (
    await Promise.all(views.map((view) => viewFreshness(client, view, input.source.id, input.now)))
  ).filter((entry): entry is ViewFreshness => entry !== null);
  const { skew, drift } = await viewScores(client, views, input.source.id);
  return { sourceName: input.source.name, blockOnHealth: input.blockOnHealth, freshness, skew, drift };
}

export interface CheckRun {
  items: RequestedItem[];
  target: ActiveDefinition[];
  results: CheckResult[];
}

/**
 * Runs every check of a request: the requested versions against what is active in the target,
 * and the source environment's health.
 */
export async function runPromotionChecks(
  client: Client,
  input: {
    items: ReadonlyArray<{ kind: DefinitionKind; objectId: string; versionId: string }>;
    source: { id: string; name: string };
    target: { id: string; name: string; blockOnHealth: boolean };
    now?: Date;
  },
): Promise<CheckRun> {
  const now = input.now ?? new Date();
  const target = await loadActiveDefinitions(client, input.target.id);
  const versions = await client.definitionVersion.findMany({
    where: { id: { in: input.items.map((item) => item.versionId) } },
    select: { id: true, objectName: true, definition: true },
  });
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const activeByObject = new Map(target.map((ref) => [`${ref.kind}:${ref.objectId}`, ref]));
  const items: RequestedItem[] = input.items.map((item) => {
    const version = versionById.get(item.versionId);
    return {
      kind: item.kind,
      objectId: item.objectId,
      name: version?.objectName ?? item.objectId,
      definition: version?.definition ?? {},
      before: activeByObject.get(`${item.kind}:${item.objectId}`) ?? null,
    };
  });
  const health = await loadHealth(client, {
    items,
    source: input.source,
    blockOnHealth: input.target.blockOnHealth,
    now,
  });
  const results = evaluateChecks({ items, target, targetName: input.target.name, health });
  return { items, target, results };
}

/** Replaces a request's stored check results. */
export async function storeChecks(tx: Prisma.TransactionClient, requestId: string, results: readonly CheckResult[]) {
  await tx.promotionCheck.deleteMany({ where: { requestId } });
  await tx.promotionCheck.createMany({
    data: results.map((result) => ({
      requestId,
      name: result.name,
      status: result.status,
      blocking: result.blocking,
      message: result.message,
      details: result.details as unknown as Prisma.InputJsonValue,
    })),
  });
}

export function checkLabel(name: string): string {
  return (CHECK_LABELS as Record<string, string>)[name] ?? name;
}
