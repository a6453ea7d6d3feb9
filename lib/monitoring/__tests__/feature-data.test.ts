import { describe, expect, it } from "vitest";
import { featureData, histogramBars, nullRate, statisticTrend } from "@/lib/monitoring/feature-data";
import type { ProfileRow } from "@/lib/monitoring/profiles";

function profile(day: number, overrides: Partial<ProfileRow> = {}): ProfileRow {
  return {
    id: `p${day}`,
    featureId: "f",
    source: "online",
    windowStart: new Date(Date.UTC(2026, 0, day)),
    windowEnd: new Date(Date.UTC(2026, 0, day + 1)),
    binEdges: [0, 10, 20, 30],
    categories: [],
    counts: [1, 2, 1],
    count: 5n,
    nullCount: 1n,
    mean: 12,
    std: 5,
    min: 1,
    max: 29,
    savedDatasetId: null,
    ...overrides,
  };
}

describe("histogramBars", () => {
  it("labels numeric bins half-open, the last one closed, with shares of the non-null values", () => {
    expect(histogramBars({ binEdges: [0, 0.5, 1], categories: [], counts: [3, 1] })).toEqual([
      { label: "[0, 0.5)", count: 3, share: 0.75 },
      { label: "[0.5, 1]", count: 1, share: 0.25 },
    ]);
  });

  it("orders categories by count and folds the long tail into Other", () => {
    const categories = ["a", "b", "c", "d", "e"];
    const bars = histogramBars({ binEdges: [], categories, counts: [1, 5, 2, 1, 1] }, 3);
    expect(bars.map((bar) => [bar.label, bar.count])).toEqual([
      ["b", 5],
      ["c", 2],
      ["Other (3)", 3],
    ]);
    expect(bars.reduce((sum, bar) => sum + bar.share, 0)).toBeCloseTo(1);
  });

  it("keeps every category when they fit, and gives zero shares for an all-zero profile", () => {
    const bars = histogramBars({ binEdges: [], categories: ["x", "y"], counts: [0, 0] }, 3);
    expect(bars).toEqual([
      { label: "x", count: 0, share: 0 },
      { label: "y", count: 0, share: 0 },
    ]);
  });
});

describe("nullRate", () => {
  it("is nulls over all rows, and unknown for an empty window", () => {
    expect(nullRate({ count: 200n, nullCount: 50n })).toBe(0.25);
    expect(nullRate({ count: 0n, nullCount: 0n })).toBeNull();
  });
});

describe("statisticTrend", () => {
  it("gives the change of the latest value from the one before", () => {
    expect(statisticTrend([1, 4, 3])).toEqual({ latest: 3, previous: 4, change: -1, series: [1, 4, 3] });
  });

  it("has no change with one value or a missing one", () => {
    expect(statisticTrend([2]).change).toBeNull();
    expect(statisticTrend([2, null]).change).toBeNull();
    expect(statisticTrend([]).latest).toBeNull();
  });
});

describe("featureData", () => {
  it("is null without profiles", () => {
    expect(featureData([])).toBeNull();
  });

  it("draws the newest profile and orders the trend oldest first whatever the input order", () => {
    const data = featureData([
      profile(3, { counts: [0, 0, 4], mean: 25, min: 21, max: 29, nullCount: 0n, count: 4n }),
      profile(1),
      profile(2, { mean: 14, nullCount: 2n, count: 10n }),
    ])!;
    expect(data.windowEnd).toBe("2026-01-04T00:00:00.000Z");
    expect(data.histogram.map((bar) => bar.count)).toEqual([0, 0, 4]);
    expect(data.count).toBe(4);
    expect(data.windows).toHaveLength(3);
    expect(data.trend.mean).toEqual({ latest: 25, previous: 14, change: 11, series: [12, 14, 25] });
    expect(data.trend.nullRate.series).toEqual([0.2, 0.2, 0]);
    expect(data.trend.min.latest).toBe(21);
    expect(data.trend.max.change).toBe(0);
  });

  it("reports a categorical feature as such, without numeric statistics", () => {
    const data = featureData([
      profile(1, { binEdges: [], categories: ["web", "ios"], counts: [3, 7], mean: null, min: null, max: null }),
    ])!;
    expect(data.kind).toBe("categorical");
    expect(data.histogram[0]).toEqual({ label: "ios", count: 7, share: 0.7 });
    expect(data.trend.mean.latest).toBeNull();
  });
});
