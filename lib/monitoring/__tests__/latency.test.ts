import { describe, expect, it } from "vitest";
import {
  combineLatency,
  overBudget,
  percentileFromHistogram,
  rollupBuckets,
  type LatencyBucket,
} from "@/lib/monitoring/latency";

const start = new Date("2024-03-01T10:00:00Z");
const minute = (index: number) => new Date(start.getTime() + index * 60_000);

function bucket(overrides: Partial<LatencyBucket>): LatencyBucket {
  return {
    bucketStart: start,
    bucketSeconds: 60,
    requestCount: 100,
    errorCount: 0,
    p50: 10,
    p95: 20,
    p99: 30,
    ...overrides,
  };
}

describe("percentileFromHistogram", () => {
  const edges = [0, 10, 20, 40];
  const counts = [10, 20, 10];

  it("interpolates linearly inside the bin the quantile falls in", () => {
    // 40 requests: the 20th sits halfway through the 20 in [10, 20).
    expect(percentileFromHistogram(edges, counts, 0.5)).toBeCloseTo(15, 12);
    // The 38th is 8 of the 10 in [20, 40).
    expect(percentileFromHistogram(edges, counts, 0.95)).toBeCloseTo(36, 12);
    expect(percentileFromHistogram(edges, counts, 0)).toBe(0);
    expect(percentileFromHistogram(edges, counts, 1)).toBe(40);
  });

  it("skips empty bins and answers the lower edge of an open last bin", () => {
    expect(percentileFromHistogram([0, 10, 20, 30], [0, 0, 4], 0.5)).toBeCloseTo(25, 12);
    expect(percentileFromHistogram([0, 10, Number.POSITIVE_INFINITY], [1, 9], 0.99)).toBe(10);
  });

  it("is null for an empty histogram and rejects bad input", () => {
    expect(percentileFromHistogram(edges, [0, 0, 0], 0.5)).toBeNull();
    expect(() => percentileFromHistogram(edges, counts, 1.5)).toThrow(/quantile/);
    expect(() => percentileFromHistogram([0, 10], counts, 0.5)).toThrow(/one more edge/);
    expect(() => percentileFromHistogram([0, 20, 10, 40], counts, 0.5)).toThrow(/increasing/);
    expect(() => percentileFromHistogram(edges, [1, -1, 1], 0.5)).toThrow(RangeError);
  });
});

describe("combineLatency", () => {
  const edgesMs = [0, 5, 10, 20, 50];

  it("reads exact percentiles from merged histograms", () => {
    // Reported percentiles are deliberately wrong: with histograms they must be ignored.
    const summary = combineLatency([
      bucket({
        requestCount: 100,
        errorCount: 2,
        p99: 999,
        histogram: { edgesMs, counts: [50, 30, 15, 5] },
      }),
      bucket({
        requestCount: 100,
        errorCount: 6,
        p99: 999,
        histogram: { edgesMs, counts: [0, 10, 40, 50] },
      }),
    ]);
    // Merged counts [50, 40, 55, 55] over 200 requests.
    // p50: the 100th request is the 10th of 55 in [10, 20).
    expect(summary.p50).toBeCloseTo(10 + (10 / 55) * 10, 12);
    // p95: the 190th is the 45th of 55 in [20, 50).
    expect(summary.p95).toBeCloseTo(20 + (45 / 55) * 30, 12);
    // p99: the 198th is the 53rd of 55 in [20, 50).
    expect(summary.p99).toBeCloseTo(20 + (53 / 55) * 30, 12);
    expect(summary).toMatchObject({
      requestCount: 200,
      errorCount: 8,
      errorRate: 0.04,
      isApproximate: false,
    });
  });

  it("averages reported percentiles by request count and flags it when histograms are missing", () => {
    const summary = combineLatency([
      bucket({ requestCount: 100, p50: 10, p95: 20, p99: 40 }),
      bucket({ requestCount: 300, p50: 14, p95: 24, p99: 80 }),
      bucket({ requestCount: 0, p50: 0, p95: 0, p99: 0 }),
    ]);
    expect(summary.p50).toBeCloseTo(13, 12);
    expect(summary.p95).toBeCloseTo(23, 12);
    expect(summary.p99).toBeCloseTo(70, 12);
    expect(summary.isApproximate).toBe(true);
  });

  it("falls back to the approximation when only some buckets have a histogram or edges differ", () => {
    const withHistogram = bucket({ histogram: { edgesMs, counts: [50, 30, 15, 5] } });
    expect(combineLatency([withHistogram, bucket({})]).isApproximate).toBe(true);
    const otherEdges = bucket({
      histogram: { edgesMs: [0, 5, 10, 25, 50], counts: [50, 30, 15, 5] },
    });
    expect(combineLatency([withHistogram, otherEdges]).isApproximate).toBe(true);
  });

  it("reports a single bucket's percentiles as they are", () => {
    expect(combineLatency([bucket({ p99: 42 })])).toMatchObject({ p99: 42, isApproximate: false });
  });

  it("has no percentiles or error rate without requests", () => {
    expect(combineLatency([])).toEqual({
      requestCount: 0,
      errorCount: 0,
      errorRate: null,
      p50: null,
      p95: null,
      p99: null,
      isApproximate: false,
    });
  });

  it("rejects negative counts", () => {
    expect(() => combineLatency([bucket({ requestCount: -1 })])).toThrow(/requestCount/);
  });
});

describe("rollupBuckets", () => {
  const minutes = Array.from({ length: 120 }, (_, i) =>
    bucket({ bucketStart: minute(i), requestCount: i + 1, errorCount: i % 3, p99: 20 + (i % 7) }),
  );

  it("rolls 120 minute buckets into 2 hours and preserves the totals", () => {
    const hours = rollupBuckets(minutes, 3600);
    expect(hours.map((hour) => hour.bucketStart.toISOString())).toEqual([
      "2024-03-01T10:00:00.000Z",
      "2024-03-01T11:00:00.000Z",
    ]);
    expect(hours.every((hour) => hour.bucketSeconds === 3600)).toBe(true);
    const total = (buckets: LatencyBucket[], field: "requestCount" | "errorCount") =>
      buckets.reduce((sum, b) => sum + b[field], 0);
    expect(hours.map((hour) => hour.requestCount)).toEqual([1830, 5430]);
    expect(total(hours, "requestCount")).toBe(total(minutes, "requestCount"));
    expect(total(hours, "errorCount")).toBe(total(minutes, "errorCount"));
    expect(hours.every((hour) => hour.isApproximate)).toBe(true);
  });

  it("gives the same day from hourly rollups as from the raw minutes, still flagged approximate", () => {
    const [day] = rollupBuckets(rollupBuckets(minutes, 3600), 86_400);
    const direct = combineLatency(minutes);
    expect(day?.bucketStart.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(day?.p99).toBeCloseTo(direct.p99 ?? Number.NaN, 9);
    expect(day?.isApproximate).toBe(true);
  });

  it("keeps merged histograms so rollups stay exact", () => {
    const edgesMs = [0, 10, 20];
    const withHistograms = [0, 1, 60].map((i) =>
      bucket({ bucketStart: minute(i), histogram: { edgesMs, counts: [i + 1, 1] } }),
    );
    const hours = rollupBuckets(withHistograms, 3600);
    expect(hours[0]?.histogram).toEqual({ edgesMs, counts: [3, 2] });
    expect(hours[0]?.isApproximate).toBe(false);
    // 5 requests: the 2.5th is the 2.5th of 3 in [0, 10).
    expect(hours[0]?.p50).toBeCloseTo((2.5 / 3) * 10, 12);
    expect(hours[1]?.histogram).toEqual({ edgesMs, counts: [61, 1] });
  });

  it("carries a rollup's approximate flag even when it is alone in its group", () => {
    const approximateHour = bucket({ bucketSeconds: 3600, isApproximate: true });
    expect(rollupBuckets([approximateHour], 86_400)[0]?.isApproximate).toBe(true);
  });

  it("rejects buckets that do not fit the target size", () => {
    expect(() => rollupBuckets([bucket({ bucketSeconds: 3600 })], 60)).toThrow(/cannot be rolled up/);
    expect(() => rollupBuckets([bucket({ bucketSeconds: 7 })], 3600)).toThrow(RangeError);
    expect(() => rollupBuckets(minutes, 0)).toThrow(/positive/);
  });
});

describe("overBudget", () => {
  it("is true only when p99 exceeds the budget", () => {
    expect(overBudget(51, 50)).toBe(true);
    expect(overBudget(50, 50)).toBe(false);
    expect(overBudget(null, 50)).toBe(false);
  });
});
