import { describe, expect, it } from "vitest";
import {
  compare,
  mergeProfiles,
  methodDescription,
  overlay,
  profileKind,
  safeCompare,
  safeThresholds,
  statusThresholds,
  summarize,
  windowKey,
  type ProfileRow,
} from "@/lib/monitoring/profiles";
import { chiSquarePValue, psi } from "@/lib/monitoring/stats";
import { DEFAULT_THRESHOLDS, resolveThresholds } from "@/lib/monitoring/thresholds";

const start = new Date("2025-01-14T00:00:00Z");
const end = new Date("2025-01-15T00:00:00Z");

function numeric(counts: number[], overrides: Partial<ProfileRow> = {}): ProfileRow {
  return {
    id: "p",
    featureId: "f",
    source: "online",
    windowStart: start,
    windowEnd: end,
    binEdges: counts.map((_, i) => i * 10).concat(counts.length * 10),
    categories: [],
    counts,
    count: BigInt(counts.reduce((sum, value) => sum + value, 0)),
    nullCount: 0n,
    mean: 12.5,
    std: 3,
    min: 0,
    max: 40,
    savedDatasetId: null,
    ...overrides,
  };
}

function categorical(categories: string[], counts: number[], overrides: Partial<ProfileRow> = {}): ProfileRow {
  return { ...numeric(counts, overrides), binEdges: [], categories, mean: null, std: null, ...overrides };
}

describe("profileKind", () => {
  it("is numeric when the profile has bin edges, categorical otherwise", () => {
    expect(profileKind(numeric([1, 2]))).toBe("numeric");
    expect(profileKind(categorical(["a"], [1]))).toBe("categorical");
  });
});

describe("mergeProfiles", () => {
  it("returns null for no profiles", () => {
    expect(mergeProfiles([])).toBeNull();
  });

  it("sums the bins and row counts of numeric profiles with the same edges, dropping moments", () => {
    const merged = mergeProfiles([numeric([1, 2, 3], { nullCount: 2n }), numeric([10, 20, 30], { nullCount: 1n })]);
    expect(merged?.counts).toEqual([11, 22, 33]);
    expect(merged?.count).toBe(66n);
    expect(merged?.nullCount).toBe(3n);
    expect(merged?.binEdges).toEqual([0, 10, 20, 30]);
    expect(merged).toMatchObject({ mean: null, std: null, min: null, max: null, savedDatasetId: null });
  });

  it("refuses numeric profiles whose bin edges differ", () => {
    expect(mergeProfiles([numeric([1, 2]), numeric([1, 2], { binEdges: [0, 5, 20] })])).toBeNull();
  });

  it("refuses to merge a numeric profile with a categorical one", () => {
    expect(mergeProfiles([numeric([1, 2]), categorical(["a", "b"], [1, 2])])).toBeNull();
  });

  it("aligns categorical profiles by name, keeping categories only one side has", () => {
    const merged = mergeProfiles([categorical(["a", "b"], [1, 2]), categorical(["b", "c"], [5, 7])]);
    expect(merged?.categories).toEqual(["a", "b", "c"]);
    expect(merged?.counts).toEqual([1, 7, 7]);
    expect(merged?.count).toBe(15n);
  });
});

describe("compare", () => {
  const thresholds = resolveThresholds([], "numeric");

  it("scores identical profiles as ok with zero distance and an aligned overlay", () => {
    const result = compare(
      "skew",
      "offline",
      numeric([10, 30, 60]),
      numeric([10, 30, 60]),
      thresholds,
      new Set(),
      new Map(),
    );
    expect(result.error).toBeNull();
    expect(result.values.psi).toBe(0);
    expect(result.values.jsDistance).toBe(0);
    expect(result.worst).toBe("ok");
    expect(result.overlay).toEqual([
      { label: "[0, 10)", expected: 0.1, actual: 0.1 },
      { label: "[10, 20)", expected: 0.3, actual: 0.3 },
      { label: "[20, 30)", expected: 0.6, actual: 0.6 },
    ]);
  });

  it("grades a shifted distribution by its PSI against the thresholds", () => {
    const expected = [400, 300, 200, 100];
    const actual = [100, 200, 300, 400];
    const result = compare("drift", "training", numeric(expected), numeric(actual), thresholds, new Set(), new Map());
    expect(result.values.psi).toBeCloseTo(psi(expected, actual), 12);
    expect(result.values.psi).toBeGreaterThan(DEFAULT_THRESHOLDS.psi.alert);
    expect(result.statuses.psi).toBe("alert");
    expect(result.worst).toBe("alert");
    expect(result.kind).toBe("drift");
    expect(result.reference).toBe("training");
  });

  it("reports why profiles with different bins cannot be compared instead of throwing", () => {
    const result = compare(
      "skew",
      "offline",
      numeric([1, 2]),
      numeric([1, 2], { binEdges: [0, 5, 20] }),
      thresholds,
      new Set(),
      new Map(),
    );
    expect(result.error).toBe("numeric profiles must share the same bin edges");
    expect(result.values).toEqual({});
    expect(result.worst).toBe("ok");
    expect(result.overlay).toEqual([]);
  });

  it("shows the chi-square status but counts it in the worst only when the owner set a threshold", () => {
    // Many rows, a small shift: the p-value is tiny while PSI stays far below its warn bound.
    const expected = categorical(["a", "b"], [500_000, 500_000]);
    const actual = categorical(["a", "b"], [505_000, 495_000]);
    const categoricalThresholds = resolveThresholds([], "categorical");
    expect(chiSquarePValue([500_000, 500_000], [505_000, 495_000])).toBeLessThan(0.01);

    const byDefault = compare("skew", "offline", expected, actual, categoricalThresholds, new Set(), new Map());
    expect(byDefault.statuses.chi2PValue).toBe("alert");
    expect(byDefault.statuses.psi).toBe("ok");
    expect(byDefault.worst).toBe("ok");

    const withOverride = compare(
      "skew",
      "offline",
      expected,
      actual,
      categoricalThresholds,
      new Set(["chi2PValue"]),
      new Map(),
    );
    expect(withOverride.worst).toBe("alert");
  });
});

describe("safeCompare", () => {
  it("returns the statistics of comparable profiles and null otherwise", () => {
    expect(safeCompare(numeric([1, 1]), numeric([1, 1]))?.psi).toBe(0);
    expect(safeCompare(numeric([1, 1]), categorical(["a"], [1]))).toBeNull();
  });
});

describe("thresholds for a comparison", () => {
  it("falls back to the defaults when a stored override no longer validates", () => {
    expect(safeThresholds([{ statistic: "psi", warn: 0.5, alert: 0.1 }], "numeric")).toEqual(
      resolveThresholds([], "numeric"),
    );
    expect(safeThresholds([{ statistic: "psi", warn: 0.2, alert: 0.4 }], "numeric").psi).toEqual({
      warn: 0.2,
      alert: 0.4,
    });
  });

  it("leaves the chi-square p-value out of the status thresholds unless overridden", () => {
    const all = resolveThresholds([], "categorical");
    expect(statusThresholds(all, new Set()).chi2PValue).toBeUndefined();
    expect(statusThresholds(all, new Set()).psi).toEqual(all.psi);
    expect(statusThresholds(all, new Set(["chi2PValue"])).chi2PValue).toEqual(all.chi2PValue);
  });
});

describe("summarize and overlay", () => {
  it("labels numeric bins by their edges and turns counts into shares", () => {
    const summary = summarize(
      numeric([1, 3], { binEdges: [0, 2.5, 1 / 3 + 10], savedDatasetId: "d1" }),
      new Map([["d1", "training-2025"]]),
    );
    expect(summary.labels).toEqual(["[0, 2.5)", "[2.5, 10.33)"]);
    expect(summary.shares).toEqual([0.25, 0.75]);
    expect(summary.count).toBe(4);
    expect(summary.savedDatasetName).toBe("training-2025");
    expect(summary.windowStart).toBe(start.toISOString());
  });

  it("gives an all-zero profile zero shares rather than NaN", () => {
    expect(summarize(numeric([0, 0]), new Map()).shares).toEqual([0, 0]);
  });

  it("overlays categorical profiles on the union of their categories, a missing one at 0", () => {
    const expected = summarize(categorical(["a", "b"], [1, 3]), new Map());
    const actual = summarize(categorical(["b", "c"], [1, 1]), new Map());
    expect(overlay(expected, actual)).toEqual([
      { label: "a", expected: 0.25, actual: 0 },
      { label: "b", expected: 0.75, actual: 0.5 },
      { label: "c", expected: 0, actual: 0.5 },
    ]);
  });
});

describe("methodDescription", () => {
  it("names the bins or the categories the statistics were computed on", () => {
    expect(methodDescription(null, null)).toBe("No online profile yet.");
    expect(methodDescription("numeric", numeric([1, 2, 3]))).toMatch(/^Numeric: 3 shared bins from 0 to 30;/);
    expect(methodDescription("categorical", categorical(["a", "b"], [1, 2]))).toMatch(/^Categorical: 2 categories/);
  });
});

describe("windowKey", () => {
  it("is equal for the same window and differs when either end moves", () => {
    const key = windowKey({ windowStart: start, windowEnd: end });
    expect(windowKey({ windowStart: new Date(start), windowEnd: new Date(end) })).toBe(key);
    expect(windowKey({ windowStart: start, windowEnd: new Date(end.getTime() + 1) })).not.toBe(key);
  });
});
