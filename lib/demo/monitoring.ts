import { latest, type DemoCatalog, type DemoEnvName } from "@/lib/demo/catalog";
import { parseDuration } from "@/lib/duration";
import type { FeatureViewDefinition } from "@/lib/definitions/schema";
import { gaussian, mulberry32, seedFrom } from "@/lib/demo/random";

/*
 * 30 days of monitoring history for the demo catalog, as a pure function of the catalog and
 * `now`: materialization runs, per-minute serving metrics and daily feature profiles, with a
 * few deliberate problems for the UI to find (stale views, a slow service, drift and skew).
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 30;

/** Views whose pipelines broke: their newest watermark is far older than twice the schedule. */
export const STALE_VIEWS = ["merchant_risk_stats", "driver_rating_stats", "category_affinity"] as const;
/** The service whose p99 breaks its budget over the last days. */
export const SLOW_SERVICE = "eta_realtime";
export const SLOW_SERVICE_SINCE_DAYS = 3;
/** Online distributions shift away from training over the last week. */
export const DRIFTING_FEATURES = [
  "txn_amount_vs_avg:txn_amount_vs_avg",
  "login_activity:login_count_15m",
  "user_profile:preferred_channel",
] as const;
/** Online values disagree with offline ones for the same window (training/serving skew). */
export const SKEWED_FEATURE = "driver_trip_stats:driver_avg_trip_duration_min_30d";
export const SKEW_SINCE_DAYS = 12;
/** A resolved error-rate incident. */
export const ERROR_INCIDENT = { service: "dynamic_pricing_v2", daysAgo: 9, minutes: 42, errorRate: 0.046 } as const;

// ---------------------------------------------------------------- materialization runs

export interface DemoRun {
  view: string;
  env: DemoEnvName;
  status: "success" | "failed" | "running";
  startedAt: number;
  endedAt: number | null;
  rowsWritten: number | null;
  watermark: number | null;
  computeSeconds: number | null;
  cost: number | null;
}

const STREAM_CHECKPOINT_SECONDS = 900;

const ENTITY_ROWS: Record<string, number> = {
  user: 4_200_000,
  merchant: 185_000,
  card: 6_400_000,
  driver: 96_000,
  product: 1_250_000,
  region: 340,
};

const COST_PER_SECOND: Record<string, number> = {
  snowflake: 0.0011,
  bigquery: 0.0008,
  postgres: 0.0002,
  s3_parquet: 0.0005,
  kafka: 0.0003,
  kinesis: 0.0003,
  pubsub: 0.0003,
};

function breakage(view: string, now: number): ((scheduledAt: number) => "skip" | "fail" | null) | null {
  switch (view) {
    // A warehouse permission change: every run for ~3.5 days failed.
    case "merchant_risk_stats":
      return (at) => (at >= now - 3.6 * DAY_MS ? "fail" : null);
    // The Airflow DAG was paused during a migration 44 hours ago and never resumed.
    case "driver_rating_stats":
      return (at) => (at >= now - 44 * HOUR_MS ? "skip" : null);
    // An upstream schema change broke the job five days ago.
    case "category_affinity":
      return (at) => (at >= now - 5.2 * DAY_MS ? "fail" : null);
    default:
      return null;
  }
}

export function generateRuns(catalog: DemoCatalog, now: Date): DemoRun[] {
  const nowMs = now.getTime();
  const platformOf = new Map(catalog.dataSources.map((source) => [source.name, latest(source).platform]));
  const runs: DemoRun[] = [];
  const plans: { env: DemoEnvName; batchDays: number; streamDays: number }[] = [
    { env: "prod", batchDays: HISTORY_DAYS, streamDays: HISTORY_DAYS },
    { env: "staging", batchDays: 3, streamDays: 1 },
  ];
  for (const plan of plans) {
    for (const object of catalog.featureViews) {
      const version = object.active[plan.env];
      if (version === null) continue;
      const view = object.versions[version - 1]!.definition;
      if (view.kind === "on_demand") continue;
      const isStream = view.kind === "stream";
      const period = isStream ? STREAM_CHECKPOINT_SECONDS : parseDuration(view.schedule ?? "1d")!;
      if (plan.env === "staging" && !isStream && period < 3600) continue;
      const random = mulberry32(seedFrom(`${plan.env}:${view.name}:runs`));
      const periodMs = period * 1000;
      // Daily jobs start at a per-view time in the early hours, hourly ones a few minutes past.
      const offsetMs = isStream ? 0 : Math.floor((random() * Math.min(periodMs / 4, 3 * HOUR_MS)) / 300_000) * 300_000;
      const from = nowMs - (isStream ? plan.streamDays : plan.batchDays) * DAY_MS;
      const broken = plan.env === "prod" ? breakage(view.name, nowMs) : null;
      const rowsBase = rowsPerRun(view, period);
      const rate = COST_PER_SECOND[platformOf.get(view.sources[0] ?? "") ?? ""] ?? 0.0005;
      const first = Math.floor((nowMs - offsetMs) / periodMs) * periodMs + offsetMs;
      for (let at = first; at >= from; at -= periodMs) {
        const fate = broken?.(at) ?? null;
        if (fate === "skip") continue;
        let startedAt: number;
        let durationMs: number;
        if (isStream) {
          startedAt = at;
          durationMs = periodMs - Math.floor(5_000 + random() * 25_000);
        } else {
          startedAt = at + Math.floor(random() * Math.min(0.05 * periodMs, 300_000));
          durationMs = Math.floor(batchDurationSeconds(period, random) * 1000);
        }
        if (startedAt > nowMs) continue;
        const endedAt = startedAt + durationMs;
        const workers = isStream ? 4 : period >= DAY_MS / 1000 ? 16 : 4;
        if (endedAt > nowMs) {
          runs.push({
            view: view.name,
            env: plan.env,
            status: "running",
            startedAt,
            endedAt: null,
            rowsWritten: null,
            watermark: null,
            computeSeconds: null,
            cost: null,
          });
          continue;
        }
        const failed = fate === "fail" || random() < (isStream ? 0.003 : 0.025);
        const computeSeconds = round((durationMs / 1000) * workers * (failed ? 0.4 : 1) * (0.9 + 0.2 * random()), 1);
        const cost = round(computeSeconds * rate, 4);
        if (failed) {
          runs.push({
            view: view.name,
            env: plan.env,
            status: "failed",
            startedAt,
            endedAt: startedAt + Math.floor(durationMs * 0.4),
            rowsWritten: null,
            watermark: null,
            computeSeconds,
            cost,
          });
          continue;
        }
        const lagMs = isStream ? 20_000 + random() * 70_000 : 120_000 + random() * 480_000;
        runs.push({
          view: view.name,
          env: plan.env,
          status: "success",
          startedAt,
          endedAt,
          rowsWritten: Math.max(1, Math.round(rowsBase * (0.85 + 0.3 * random()) * diurnal(startedAt, 0.5))),
          watermark: Math.floor(endedAt - lagMs),
          computeSeconds,
          cost,
        });
      }
    }
  }
  return runs.sort((left, right) => left.startedAt - right.startedAt);
}

function rowsPerRun(view: FeatureViewDefinition, periodSeconds: number): number {
  const entities = view.entities.map((name) => ENTITY_ROWS[name] ?? 100_000);
  let rows = entities.reduce((product, value) => product * Math.min(value, 3_000), 1);
  if (entities.length === 1) rows = entities[0]!;
  // Short schedules only rewrite the entities that changed since the last run.
  if (periodSeconds < 86_400) rows *= Math.max(0.02, periodSeconds / 86_400);
  return Math.max(rows, 50);
}

function batchDurationSeconds(period: number, random: () => number): number {
  if (period >= 86_400) return 480 + random() * 1_500;
  if (period >= 21_600) return 240 + random() * 600;
  if (period >= 3_600) return 60 + random() * 240;
  return 40 + random() * 160;
}

/** Traffic shape over the UTC day, peaking in the evening: between 1 - depth and 1. */
function diurnal(atMs: number, depth: number): number {
  const hour = (atMs % DAY_MS) / HOUR_MS;
  return 1 - depth * (0.5 + 0.5 * Math.cos((2 * Math.PI * (hour - 18)) / 24));
}

// ---------------------------------------------------------------- serving metrics

interface ServiceProfile {
  rpm: number;
  p50: number;
  p95x: number;
  p99x: number;
  errorRate: number;
}

const SERVICE_PROFILES: Record<string, ServiceProfile> = {
  fraud_scoring_v3: { rpm: 900, p50: 9, p95x: 2.1, p99x: 1.55, errorRate: 0.0008 },
  account_takeover_v1: { rpm: 1400, p50: 6, p95x: 2.0, p99x: 1.6, errorRate: 0.0005 },
  eta_realtime: { rpm: 2600, p50: 6, p95x: 2.0, p99x: 1.6, errorRate: 0.0012 },
  eta_dispatch: { rpm: 700, p50: 14, p95x: 2.2, p99x: 1.6, errorRate: 0.001 },
  dynamic_pricing_v2: { rpm: 2200, p50: 7, p95x: 2.0, p99x: 1.7, errorRate: 0.0009 },
  growth_churn_scoring: { rpm: 60, p50: 45, p95x: 2.0, p99x: 1.5, errorRate: 0.002 },
  recs_homefeed_v4: { rpm: 5200, p50: 12, p95x: 2.0, p99x: 1.65, errorRate: 0.0015 },
  recs_similar_items: { rpm: 1800, p50: 8, p95x: 2.1, p99x: 1.6, errorRate: 0.0007 },
};

export interface ServingSeries {
  service: string;
  env: DemoEnvName;
  /** Start of the first one-minute bucket (ms since epoch). */
  startMs: number;
  requests: number[];
  errors: number[];
  p50: number[];
  p95: number[];
  p99: number[];
}

export function servingWindow(now: Date, days: number): { startMs: number; minutes: number } {
  const lastMinute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  const minutes = days * 24 * 60;
  return { startMs: lastMinute - (minutes - 1) * MINUTE_MS, minutes };
}

export function generateServingSeries(
  catalog: DemoCatalog,
  now: Date,
  env: DemoEnvName,
  days: number,
  services?: readonly string[],
): ServingSeries[] {
  const { startMs, minutes } = servingWindow(now, days);
  const nowMs = now.getTime();
  const slowFrom = nowMs - SLOW_SERVICE_SINCE_DAYS * DAY_MS;
  const incidentFrom = Math.floor((nowMs - ERROR_INCIDENT.daysAgo * DAY_MS) / MINUTE_MS) * MINUTE_MS;
  const incidentTo = incidentFrom + ERROR_INCIDENT.minutes * MINUTE_MS;
  const out: ServingSeries[] = [];
  for (const object of catalog.featureServices) {
    if (services && !services.includes(object.name)) continue;
    if (object.active[env] === null) continue;
    const profile = SERVICE_PROFILES[object.name] ?? { rpm: 500, p50: 10, p95x: 2, p99x: 1.6, errorRate: 0.001 };
    const random = mulberry32(seedFrom(`${env}:${object.name}:serving`));
    const scale = env === "prod" ? 1 : 0.04;
    const series: ServingSeries = {
      service: object.name,
      env,
      startMs,
      requests: [],
      errors: [],
      p50: [],
      p95: [],
      p99: [],
    };
    for (let i = 0; i < minutes; i++) {
      const at = startMs + i * MINUTE_MS;
      const load = diurnal(at, 0.6);
      const expected = profile.rpm * scale * load * (1 + 0.06 * gaussian(random));
      const requests = Math.max(0, Math.round(expected));
      let errorRate = profile.errorRate;
      if (env === "prod" && object.name === ERROR_INCIDENT.service && at >= incidentFrom && at < incidentTo)
        errorRate = ERROR_INCIDENT.errorRate;
      const meanErrors = requests * errorRate;
      const errors = Math.min(requests, Math.max(0, Math.round(meanErrors + Math.sqrt(meanErrors) * gaussian(random))));
      // Latency rises with load; the slow service regressed (a new feature view lookup) and ramps up over 6 hours.
      let slowdown = 1;
      if (env === "prod" && object.name === SLOW_SERVICE && at >= slowFrom)
        slowdown = 1 + 0.75 * Math.min(1, (at - slowFrom) / (6 * HOUR_MS));
      const p50 = profile.p50 * (0.85 + 0.3 * load) * slowdown * Math.exp(0.05 * gaussian(random));
      const p95 = p50 * profile.p95x * Math.exp(0.07 * gaussian(random));
      let p99 = p95 * profile.p99x * Math.exp(0.08 * gaussian(random));
      if (random() < 0.002) p99 *= 2 + random(); // GC pauses and cold caches
      series.requests.push(requests);
      series.errors.push(errors);
      series.p50.push(round(p50, 2));
      series.p95.push(round(p95, 2));
      series.p99.push(round(Math.max(p99, p95), 2));
    }
    out.push(series);
  }
  return out;
}

// ---------------------------------------------------------------- feature profiles

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

type Shape = "normal" | "lognormal" | "log1p" | "logit" | "uniform";
interface NumericDistribution {
  kind: "numeric";
  shape: Shape;
  mu: number;
  sigma: number;
  isInteger: boolean;
}
interface CategoricalDistribution {
  kind: "categorical";
  categories: string[];
  weights: number[];
}
type Distribution = NumericDistribution | CategoricalDistribution;

const CATEGORIES: Record<string, [string[], number[]]> = {
  country: [
    ["US", "GB", "DE", "FR", "BR", "IN", "MX", "other"],
    [38, 12, 9, 7, 10, 9, 6, 9],
  ],
  preferred_channel: [
    ["web", "ios", "android", "pos", "api"],
    [34, 22, 28, 12, 4],
  ],
  rider_preferred_vehicle_type: [
    ["economy", "xl", "premium"],
    [71, 18, 11],
  ],
  lifecycle_stage: [
    ["new", "active", "at_risk", "dormant", "churned"],
    [9, 46, 17, 15, 13],
  ],
  user_ltv_bucket: [
    ["bronze", "silver", "gold", "platinum"],
    [48, 31, 16, 5],
  ],
  user_primary_payment_method: [
    ["card", "wallet", "bnpl"],
    [61, 30, 9],
  ],
  user_top_category: [
    ["electronics", "home", "fashion", "beauty", "sports", "toys", "grocery", "books"],
    [19, 16, 21, 10, 8, 6, 13, 7],
  ],
  product_category: [
    ["electronics", "home", "fashion", "beauty", "sports", "toys", "grocery", "books"],
    [14, 18, 24, 9, 8, 7, 12, 8],
  ],
};

const TRUE_SHARE: Record<string, number> = {
  kyc_verified: 0.78,
  is_large_vs_history: 0.04,
  is_cross_border: 0.12,
  is_paid_plan: 0.23,
  is_declining: 0.14,
  product_in_stock: 0.91,
  is_airport_pickup: 0.06,
  is_peak_hour: 0.31,
  user_category_match: 0.37,
  recently_viewed: 0.09,
};

function numeric(shape: Shape, mu: number, sigma: number, isInteger = false): NumericDistribution {
  return { kind: "numeric", shape, mu, sigma, isInteger };
}

/** A plausible distribution for a feature from its name and type. */
export function distributionFor(name: string, valueType: string): Distribution | null {
  if (valueType.startsWith("array") || valueType.startsWith("embedding") || valueType === "timestamp") return null;
  if (valueType === "bool") {
    const share = TRUE_SHARE[name] ?? 0.2;
    return { kind: "categorical", categories: ["false", "true"], weights: [1 - share, share] };
  }
  if (valueType === "string") {
    const [categories, weights] = CATEGORIES[name] ?? [
      ["a", "b", "c"],
      [50, 30, 20],
    ];
    return { kind: "categorical", categories, weights };
  }
  const isInteger = valueType.startsWith("int");
  if (name === "pickup_hour_of_week") return numeric("uniform", 0, 167, true);
  if (name === "region_price_elasticity_30d") return numeric("normal", -0.8, 0.25);
  if (name === "user_surge_tolerance_gap") return numeric("normal", 0.15, 0.35);
  if (name === "trending_score") return numeric("normal", 0, 0.45);
  if (/(rate|share)/.test(name)) return numeric("logit", name.includes("availab") ? 0.6 : -1.8, 0.9);
  if (/(duration|eta_min|wait_min)/.test(name)) return numeric("lognormal", Math.log(16), 0.45);
  if (/(_vs_|(^|_)(ratio|trend)(_|$))/.test(name)) return numeric("lognormal", 0, 0.55);
  if (/surge/.test(name)) return numeric("lognormal", 0.2, 0.2);
  if (/speed/.test(name)) return numeric("normal", 27, 7);
  if (/_km/.test(name)) return numeric("lognormal", Math.log(6), 0.7);
  if (/dwell/.test(name)) return numeric("lognormal", Math.log(24_000), 0.7);
  if (/(amount|spend|gmv|fare|price|usd|value)/.test(name)) return numeric("lognormal", Math.log(42), 0.9);
  if (/(age_days|tenure)/.test(name)) return numeric("lognormal", Math.log(420), 0.9, true);
  if (/days/.test(name)) return numeric("log1p", Math.log(9), 1, true);
  if (/(_5m|_15m|_1h)$/.test(name)) return numeric("log1p", Math.log(1.6), 0.7, true);
  if (
    /(count|orders|trips|views|viewers|pings|drivers|devices|ips|countries|merchants|products|categories|buyers)/.test(
      name,
    )
  ) {
    return numeric("log1p", Math.log(12), 1, true);
  }
  return numeric("lognormal", Math.log(10), 0.6, isInteger);
}

function forward(shape: Shape, z: number, mu: number, sigma: number): number {
  const x = mu + sigma * z;
  switch (shape) {
    case "normal":
      return x;
    case "lognormal":
      return Math.exp(x);
    case "log1p":
      return Math.max(0, Math.exp(x) - 1);
    case "logit":
      return 1 / (1 + Math.exp(-x));
    case "uniform":
      return mu + (sigma - mu) * normalCdf(z);
  }
}

/** P(X <= x) for a distribution whose shape parameters are (mu, sigma). */
function cdf(shape: Shape, x: number, mu: number, sigma: number): number {
  switch (shape) {
    case "normal":
      return normalCdf((x - mu) / sigma);
    case "lognormal":
      return x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma);
    case "log1p":
      return x < 0 ? 0 : normalCdf((Math.log(x + 1) - mu) / sigma);
    case "logit":
      return x <= 0 ? 0 : x >= 1 ? 1 : normalCdf((Math.log(x / (1 - x)) - mu) / sigma);
    case "uniform":
      return Math.min(1, Math.max(0, (x - mu) / (sigma - mu)));
  }
}

/** 20 shared bins: 21 edges spanning the baseline's 0.1% to 99.9% quantiles. */
export function binEdgesFor(distribution: NumericDistribution): number[] {
  const { shape, mu, sigma } = distribution;
  let lo = shape === "uniform" ? mu : forward(shape, -3.09, mu, sigma);
  let hi = shape === "uniform" ? sigma + 1 : forward(shape, 3.09, mu, sigma);
  if (shape === "logit") [lo, hi] = [0, 1];
  if (shape === "log1p") lo = 0;
  if (distribution.isInteger) [lo, hi] = [Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 20)];
  const edges: number[] = [];
  for (let i = 0; i <= 20; i++) edges.push(round(lo + ((hi - lo) * i) / 20, 4));
  return edges;
}

function numericShares(distribution: NumericDistribution, edges: number[], muShift: number): number[] {
  const { shape, sigma } = distribution;
  const mu = shape === "uniform" ? distribution.mu : distribution.mu + muShift * sigma;
  const shares: number[] = [];
  for (let i = 0; i < 20; i++) {
    const low = i === 0 ? 0 : cdf(shape, edges[i]!, mu, sigma);
    const high = i === 19 ? 1 : cdf(shape, edges[i + 1]!, mu, sigma);
    shares.push(Math.max(0, high - low));
  }
  return shares;
}

function summarize(edges: number[], counts: number[]): Pick<DemoProfile, "mean" | "std" | "min" | "max" | "quantiles"> {
  const total = counts.reduce((sum, value) => sum + value, 0);
  if (total === 0) return { mean: null, std: null, min: null, max: null, quantiles: null };
  let mean = 0;
  for (let i = 0; i < counts.length; i++) mean += ((edges[i]! + edges[i + 1]!) / 2) * counts[i]!;
  mean /= total;
  let variance = 0;
  for (let i = 0; i < counts.length; i++) variance += ((edges[i]! + edges[i + 1]!) / 2 - mean) ** 2 * counts[i]!;
  const quantile = (q: number) => {
    let cumulative = 0;
    for (let i = 0; i < counts.length; i++) {
      const next = cumulative + counts[i]!;
      if (next >= q * total && counts[i]! > 0) {
        const within = (q * total - cumulative) / counts[i]!;
        return round(edges[i]! + within * (edges[i + 1]! - edges[i]!), 4);
      }
      cumulative = next;
    }
    return edges[edges.length - 1]!;
  };
  const firstBin = counts.findIndex((count) => count > 0);
  let lastBin = counts.length - 1;
  while (lastBin > 0 && counts[lastBin] === 0) lastBin--;
  return {
    mean: round(mean, 4),
    std: round(Math.sqrt(variance / total), 4),
    min: edges[Math.max(0, firstBin)]!,
    max: edges[lastBin + 1]!,
    quantiles: {
      p01: quantile(0.01),
      p25: quantile(0.25),
      p50: quantile(0.5),
      p75: quantile(0.75),
      p90: quantile(0.9),
      p99: quantile(0.99),
    },
  };
}

/** How far (in sigmas) the online distribution has moved on a given day (0 = the last full day). */
function driftShift(ref: string, daysAgo: number, source: "offline" | "online"): number {
  if (source === "online" && (DRIFTING_FEATURES as readonly string[]).includes(ref) && daysAgo < 7) {
    return 0.35 + (0.6 * (6 - daysAgo)) / 6;
  }
  if (source === "online" && ref === SKEWED_FEATURE && daysAgo < SKEW_SINCE_DAYS) return 0.75;
  return 0;
}

function categoricalShares(distribution: CategoricalDistribution, shift: number): number[] {
  const total = distribution.weights.reduce((sum, value) => sum + value, 0);
  const base = distribution.weights.map((weight) => weight / total);
  if (shift === 0) return base;
  // Drift moves mass onto the second category (a new iOS release, for preferred_channel).
  const target = base.map((_, index) => (index === 1 ? 0.7 : 0.3 / (base.length - 1)));
  const lambda = Math.min(0.8, shift * 0.7);
  return base.map((share, index) => (1 - lambda) * share + lambda * target[index]!);
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

// ---------------------------------------------------------------- helpers

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
