import { upperRegularizedGamma } from "@/lib/monitoring/gamma";

/**
 * Drift and skew statistics on binned profiles, exactly as defined in docs/statistics.md. Every function
 * takes the expected (baseline / offline) counts first and the actual (current / online)
 * counts second, and throws a RangeError on input that cannot be compared (callers map it to
 * a 422).
 */

export type ProfileKind = "numeric" | "categorical";

export type NumericProfile = { kind: "numeric"; binEdges: number[]; counts: number[] };
export type CategoricalProfile = { kind: "categorical"; categories: string[]; counts: number[] };
export type Profile = NumericProfile | CategoricalProfile;

/** Statistic names as stored (thresholds, monitors) and as keyed in the reference fixture. */
export type StatisticName = "psi" | "ks" | "jsDistance" | "wasserstein" | "linf" | "chi2PValue";

export type StatisticInfo = {
  name: StatisticName;
  label: string;
  appliesTo: readonly ProfileKind[];
  /** False for the chi-square p-value: a small p is the alarming direction. */
  isHigherWorse: boolean;
  description: string;
};

export const STATISTICS: Readonly<Record<StatisticName, StatisticInfo>> = {
  psi: {
    name: "psi",
    label: "PSI",
    appliesTo: ["numeric", "categorical"],
    isHigherWorse: true,
    description: "Population stability index over the shared bins; an empty bin counts as a 0.0001 share.",
  },
  ks: {
    name: "ks",
    label: "KS (binned)",
    appliesTo: ["numeric"],
    isHigherWorse: true,
    description: "Largest gap between the two cumulative distributions, compared at the bin edges.",
  },
  jsDistance: {
    name: "jsDistance",
    label: "Jensen-Shannon distance",
    appliesTo: ["numeric", "categorical"],
    isHigherWorse: true,
    description: "Square root of the Jensen-Shannon divergence of the bin shares (base-2 logs, 0 to 1).",
  },
  wasserstein: {
    name: "wasserstein",
    label: "Wasserstein-1",
    appliesTo: ["numeric"],
    isHigherWorse: true,
    description: "Earth mover's distance with each bin's mass at its centre, in the feature's own units.",
  },
  linf: {
    name: "linf",
    label: "L-infinity",
    appliesTo: ["numeric", "categorical"],
    isHigherWorse: true,
    description: "Largest difference between the two shares of any one bin or category.",
  },
  chi2PValue: {
    name: "chi2PValue",
    label: "Chi-square p-value",
    appliesTo: ["categorical"],
    isHigherWorse: false,
    description:
      "Pearson chi-square test of independence on the category counts, no continuity correction; low means different.",
  },
};

export const STATISTIC_NAMES = Object.keys(STATISTICS) as StatisticName[];

export function isStatisticName(value: string): value is StatisticName {
  return Object.hasOwn(STATISTICS, value);
}

/** Shares of exactly 0 become this in PSI, which would otherwise be infinite. */
const PSI_EMPTY_SHARE = 1e-4;

export function psi(expected: number[], actual: number[]): number {
  return psiOfShares(...proportions(expected, actual));
}

function psiOfShares(e: number[], a: number[]): number {
  let total = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = e[i]! === 0 ? PSI_EMPTY_SHARE : e[i]!;
    const ai = a[i]! === 0 ? PSI_EMPTY_SHARE : a[i]!;
    total += (ai - ei) * Math.log(ai / ei);
  }
  return total;
}

export function ksBinned(expected: number[], actual: number[]): number {
  return ksOfShares(...proportions(expected, actual));
}

function ksOfShares(e: number[], a: number[]): number {
  let cumulativeExpected = 0;
  let cumulativeActual = 0;
  let largest = 0;
  for (let i = 0; i < e.length; i++) {
    cumulativeExpected += e[i]!;
    cumulativeActual += a[i]!;
    largest = Math.max(largest, Math.abs(cumulativeExpected - cumulativeActual));
  }
  return largest;
}

export function jsDistance(expected: number[], actual: number[]): number {
  return jsDistanceOfShares(...proportions(expected, actual));
}

function jsDistanceOfShares(e: number[], a: number[]): number {
  let divergence = 0;
  for (let i = 0; i < e.length; i++) {
    const mean = (e[i]! + a[i]!) / 2;
    divergence += (klTerm(e[i]!, mean) + klTerm(a[i]!, mean)) / 2;
  }
  // Rounding can leave a divergence of -1e-17 for identical inputs; sqrt of that is NaN.
  return Math.sqrt(Math.max(0, divergence));
}

export function wasserstein(expected: number[], actual: number[], binEdges: number[]): number {
  const [e, a] = proportions(expected, actual);
  assertBinEdges(binEdges, e.length);
  return wassersteinOfShares(e, a, binEdges);
}

function wassersteinOfShares(e: number[], a: number[], binEdges: number[]): number {
  // In one dimension W1 is the area between the two CDFs; between consecutive bin centres the
  // CDFs are flat, so the area is a sum of rectangles.
  let cumulativeGap = 0;
  let distance = 0;
  for (let i = 0; i < e.length - 1; i++) {
    cumulativeGap += e[i]! - a[i]!;
    const centreGap = (binEdges[i + 2]! - binEdges[i]!) / 2;
    distance += Math.abs(cumulativeGap) * centreGap;
  }
  return distance;
}

export function linf(expected: number[], actual: number[]): number {
  return linfOfShares(...proportions(expected, actual));
}

function linfOfShares(e: number[], a: number[]): number {
  let largest = 0;
  for (let i = 0; i < e.length; i++) largest = Math.max(largest, Math.abs(a[i]! - e[i]!));
  return largest;
}

export function chiSquarePValue(expected: number[], actual: number[]): number {
  assertCounts(expected, actual);
  return chiSquarePValueOfCounts(expected, actual);
}

function chiSquarePValueOfCounts(expected: number[], actual: number[]): number {
  const columns: Array<[number, number]> = [];
  for (let i = 0; i < expected.length; i++) {
    if (expected[i]! + actual[i]! > 0) columns.push([expected[i]!, actual[i]!]);
  }
  if (columns.length < 2) return 1;
  const expectedTotal = sum(expected);
  const actualTotal = sum(actual);
  const grandTotal = expectedTotal + actualTotal;
  let statistic = 0;
  for (const [observedExpected, observedActual] of columns) {
    const columnTotal = observedExpected + observedActual;
    const fittedExpected = (expectedTotal * columnTotal) / grandTotal;
    const fittedActual = (actualTotal * columnTotal) / grandTotal;
    statistic += (observedExpected - fittedExpected) ** 2 / fittedExpected;
    statistic += (observedActual - fittedActual) ** 2 / fittedActual;
  }
  const degreesOfFreedom = columns.length - 1;
  return upperRegularizedGamma(degreesOfFreedom / 2, statistic / 2);
}

export type StatisticValues = Partial<Record<StatisticName, number>>;

/**
 * Every statistic that applies to the two profiles' kind. Numeric profiles must share their
 * bin edges; categorical profiles are aligned by category name (expected's order first, then
 * categories only the actual side has), a missing category counting 0 on its side.
 */
export function compareProfiles(expected: Profile, actual: Profile): StatisticValues {
  if (expected.kind === "numeric" && actual.kind === "numeric") {
    assertBinEdges(expected.binEdges, expected.counts.length, "expected");
    assertBinEdges(actual.binEdges, actual.counts.length, "actual");
    if (!sameNumbers(expected.binEdges, actual.binEdges)) {
      throw new RangeError("numeric profiles must share the same bin edges");
    }
    // Validated and turned into shares once: the same arithmetic as each statistic on its own.
    const [e, a] = proportions(expected.counts, actual.counts);
    return {
      psi: psiOfShares(e, a),
      ks: ksOfShares(e, a),
      jsDistance: jsDistanceOfShares(e, a),
      wasserstein: wassersteinOfShares(e, a, expected.binEdges),
      linf: linfOfShares(e, a),
    };
  }
  if (expected.kind === "categorical" && actual.kind === "categorical") {
    const [counts, actualCounts] = alignCategories(expected, actual);
    const [e, a] = proportions(counts, actualCounts);
    return {
      psi: psiOfShares(e, a),
      jsDistance: jsDistanceOfShares(e, a),
      linf: linfOfShares(e, a),
      chi2PValue: chiSquarePValueOfCounts(counts, actualCounts),
    };
  }
  throw new RangeError(`cannot compare a ${expected.kind} profile with a ${actual.kind} profile`);
}

function alignCategories(expected: CategoricalProfile, actual: CategoricalProfile): [number[], number[]] {
  const expectedCounts = countsByCategory(expected, "expected");
  const actualCounts = countsByCategory(actual, "actual");
  const categories = [...new Set([...expectedCounts.keys(), ...actualCounts.keys()])];
  return [
    categories.map((category) => expectedCounts.get(category) ?? 0),
    categories.map((category) => actualCounts.get(category) ?? 0),
  ];
}

function countsByCategory(profile: CategoricalProfile, side: string): Map<string, number> {
  if (profile.categories.length !== profile.counts.length) {
    throw new RangeError(
      `${side} profile has ${profile.categories.length} categories but ${profile.counts.length} counts`,
    );
  }
  const counts = new Map<string, number>();
  profile.categories.forEach((category, i) => {
    if (counts.has(category)) throw new RangeError(`${side} profile lists category "${category}" twice`);
    counts.set(category, profile.counts[i]!);
  });
  return counts;
}

function proportions(expected: number[], actual: number[]): [number[], number[]] {
  assertCounts(expected, actual);
  const expectedTotal = sum(expected);
  const actualTotal = sum(actual);
  return [expected.map((c) => c / expectedTotal), actual.map((c) => c / actualTotal)];
}

function assertCounts(expected: number[], actual: number[]): void {
  if (expected.length !== actual.length) {
    throw new RangeError(
      `expected and actual must have the same number of bins (got ${expected.length} and ${actual.length})`,
    );
  }
  if (expected.length === 0) throw new RangeError("profiles must have at least one bin");
  for (const [side, counts] of [
    ["expected", expected],
    ["actual", actual],
  ] as const) {
    counts.forEach((count, i) => {
      if (!Number.isFinite(count) || count < 0) {
        throw new RangeError(`${side} count at index ${i} must be a finite non-negative number (got ${count})`);
      }
    });
    if (sum(counts) === 0) throw new RangeError(`${side} profile is empty (all counts are 0)`);
  }
}

function assertBinEdges(binEdges: number[], binCount: number, side = "profile"): void {
  if (binEdges.length !== binCount + 1) {
    throw new RangeError(`${side} needs ${binCount + 1} bin edges for ${binCount} bins (got ${binEdges.length})`);
  }
  for (let i = 0; i < binEdges.length; i++) {
    if (!Number.isFinite(binEdges[i]!) || (i > 0 && !(binEdges[i]! > binEdges[i - 1]!))) {
      throw new RangeError(`${side} bin edges must be finite and strictly increasing (index ${i})`);
    }
  }
}

/** One term of KL(p‖m) in bits; a zero share contributes nothing (0 · log 0 = 0). */
function klTerm(p: number, m: number): number {
  return p === 0 ? 0 : p * Math.log2(p / m);
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function sameNumbers(left: number[], right: number[]): boolean {
  return left.length === right.length && left.every((value, i) => value === right[i]);
}
