import { latest, type DemoCatalog, type DemoEnvName } from "@/lib/demo/catalog";
import { gaussian, mulberry32, seedFrom } from "@/lib/demo/random";
import { DAY_MS, HISTORY_DAYS } from "@/lib/demo/incidents";
import { ENTITY_ROWS } from "@/lib/demo/runs";
import { SERVICE_PROFILES } from "@/lib/demo/serving";
import {
  binEdgesFor,
  categoricalShares,
  distributionFor,
  driftShift,
  numericShares,
  summarize,
} from "@/lib/demo/distributions";

/* Daily feature profiles (offline, online, training) for the demo history, drift and skew included. */

export interface DemoProfile {
  /** "view:feature" */
  feature: string;
  env: DemoEnvName;
  source: "offline" | "online";
  windowStart: number;
  windowEnd: number;
  binEdges: number[];
  categories: string[];
  counts: number[];
  count: number;
  nullCount: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  quantiles: Record<string, number> | null;
  /** Name of the saved dataset whose training profile this is. */
  savedDataset?: string;
}

export interface ProfileFeature {
  ref: string;
  valueType: string;
  /** Entities of the view, to size offline counts. */
  entities: string[];
  /** Requests per day of the services serving it, to size online counts. */
  dailyRequests: number;
}

/** The features the demo services serve, with what is needed to size their profiles. */
export function profiledFeatures(catalog: DemoCatalog): ProfileFeature[] {
  const views = new Map(catalog.featureViews.map((object) => [object.name, latest(object)]));
  const byRef = new Map<string, ProfileFeature>();
  for (const object of catalog.featureServices) {
    const rpm = SERVICE_PROFILES[object.name]?.rpm ?? 500;
    for (const ref of latest(object).features) {
      const [viewName, featureName] = ref.split(":") as [string, string];
      const view = views.get(viewName);
      const feature = view?.features.find((candidate) => candidate.name === featureName);
      if (!view || !feature || !distributionFor(feature.name, feature.valueType)) continue;
      const existing = byRef.get(ref);
      if (existing) existing.dailyRequests += Math.round(rpm * 1440 * 0.62);
      else
        byRef.set(ref, {
          ref,
          valueType: feature.valueType,
          entities: view.entities,
          dailyRequests: Math.round(rpm * 1440 * 0.62),
        });
    }
  }
  return [...byRef.values()];
}

function buildProfile(
  feature: ProfileFeature,
  base: Omit<
    DemoProfile,
    "binEdges" | "categories" | "counts" | "nullCount" | "mean" | "std" | "min" | "max" | "quantiles"
  >,
  shift: number,
  random: () => number,
  noise: number,
): DemoProfile {
  const name = feature.ref.split(":")[1]!;
  const distribution = distributionFor(name, feature.valueType)!;
  const nullShare = name.startsWith("days_since") ? 0.07 : base.source === "online" ? 0.004 : 0.011;
  const nonNull = Math.round(base.count * (1 - nullShare));
  const jitter = (share: number) => share * (1 + noise * gaussian(random));
  if (distribution.kind === "categorical") {
    const shares = categoricalShares(distribution, shift).map((share) => Math.max(0, jitter(share)));
    const sum = shares.reduce((total, value) => total + value, 0);
    const counts = shares.map((share) => Math.round((share / sum) * nonNull));
    return {
      ...base,
      binEdges: [],
      categories: [...distribution.categories],
      counts,
      nullCount: base.count - nonNull,
      mean: null,
      std: null,
      min: null,
      max: null,
      quantiles: null,
    };
  }
  const edges = binEdgesFor(distribution);
  const muNoise = noise > 0 ? 0.03 * gaussian(random) : 0;
  const shares = numericShares(distribution, edges, shift + muNoise).map((share) => Math.max(0, jitter(share)));
  const sum = shares.reduce((total, value) => total + value, 0);
  const counts = shares.map((share) => Math.round((share / sum) * nonNull));
  return {
    ...base,
    binEdges: edges,
    categories: [],
    counts,
    nullCount: base.count - nonNull,
    ...summarize(edges, counts),
  };
}

/**
 * Daily offline and online profiles of every served feature in prod over the last 30 full UTC
 * days, plus training baselines for each saved dataset's window.
 */
export function generateProfiles(catalog: DemoCatalog, now: Date): DemoProfile[] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const features = profiledFeatures(catalog);
  const profiles: DemoProfile[] = [];
  for (const feature of features) {
    const random = mulberry32(seedFrom(`${feature.ref}:profiles`));
    const offlineRows = feature.entities.reduce((rows, entity) => Math.max(rows, ENTITY_ROWS[entity] ?? 100_000), 0);
    for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
      const windowStart = today - (daysAgo + 1) * DAY_MS;
      const windowEnd = windowStart + DAY_MS;
      for (const source of ["offline", "online"] as const) {
        const count =
          source === "offline"
            ? Math.round(offlineRows * (0.97 + 0.06 * random()))
            : Math.max(1, Math.round(feature.dailyRequests * (0.9 + 0.2 * random())));
        profiles.push(
          buildProfile(
            feature,
            { feature: feature.ref, env: "prod", source, windowStart, windowEnd, count },
            driftShift(feature.ref, daysAgo, source),
            random,
            0.015,
          ),
        );
      }
    }
  }
  const byRef = new Map(features.map((feature) => [feature.ref, feature]));
  for (const object of catalog.savedDatasets) {
    const dataset = latest(object);
    const details = catalog.savedDatasetDetails[object.name]!;
    const random = mulberry32(seedFrom(`${object.name}:baseline`));
    for (const ref of dataset.features) {
      const feature = byRef.get(ref);
      if (!feature) continue;
      profiles.push(
        buildProfile(
          feature,
          {
            feature: ref,
            env: "prod",
            source: "offline",
            windowStart: details.startAt.getTime(),
            windowEnd: details.endAt.getTime(),
            count: details.rowCount,
            savedDataset: object.name,
          },
          0,
          random,
          0,
        ),
      );
    }
  }
  return profiles;
}
