import { DRIFTING_FEATURES, SKEW_SINCE_DAYS, SKEWED_FEATURE } from "@/lib/demo/incidents";
import type { DemoProfile } from "@/lib/demo/profiles";

/* Value distributions of the demo features and the histogram maths that turns them into profiles. */

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

export function numericShares(distribution: NumericDistribution, edges: number[], muShift: number): number[] {
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

export function summarize(
  edges: number[],
  counts: number[],
): Pick<DemoProfile, "mean" | "std" | "min" | "max" | "quantiles"> {
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
export function driftShift(ref: string, daysAgo: number, source: "offline" | "online"): number {
  if (source === "online" && (DRIFTING_FEATURES as readonly string[]).includes(ref) && daysAgo < 7) {
    return 0.35 + (0.6 * (6 - daysAgo)) / 6;
  }
  if (source === "online" && ref === SKEWED_FEATURE && daysAgo < SKEW_SINCE_DAYS) return 0.75;
  return 0;
}

export function categoricalShares(distribution: CategoricalDistribution, shift: number): number[] {
  const total = distribution.weights.reduce((sum, value) => sum + value, 0);
  const base = distribution.weights.map((weight) => weight / total);
  if (shift === 0) return base;
  // Drift moves mass onto the second category (a new iOS release, for preferred_channel).
  const target = base.map((_, index) => (index === 1 ? 0.7 : 0.3 / (base.length - 1)));
  const lambda = Math.min(0.8, shift * 0.7);
  return base.map((share, index) => (1 - lambda) * share + lambda * target[index]!);
}

export function round(value: number, digits: number): number {
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
