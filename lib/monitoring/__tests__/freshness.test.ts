import { describe, expect, it } from "vitest";
import { parseDuration } from "@/lib/duration";
import {
  costPerDay,
  freshnessSlaSeconds,
  freshnessStatus,
  stalenessSeconds,
  stalenessSeries,
  type MaterializationRunTiming,
} from "@/lib/monitoring/freshness";

const at = (time: string) => new Date(`2024-03-01T${time}:00Z`);

describe("stalenessSeconds", () => {
  it("is the age of the watermark", () => {
    expect(stalenessSeconds(at("10:00"), at("09:58"))).toBe(120);
  });

  it("is null for a view never materialised", () => {
    expect(stalenessSeconds(at("10:00"), null)).toBeNull();
  });

  it("counts a watermark ahead of now as 0", () => {
    expect(stalenessSeconds(at("10:00"), at("10:05"))).toBe(0);
  });
});

describe("freshnessSlaSeconds", () => {
  it("defaults to twice the schedule for batch views", () => {
    expect(freshnessSlaSeconds({ kind: "batch", scheduleSeconds: parseDuration("1d") })).toBe(parseDuration("2d"));
    expect(freshnessSlaSeconds({ kind: "batch", scheduleSeconds: "1d" })).toBe(172_800);
  });

  it("uses twice the slide interval for stream views", () => {
    expect(freshnessSlaSeconds({ kind: "stream", slideIntervalSeconds: "5m", scheduleSeconds: 3600 })).toBe(600);
    expect(freshnessSlaSeconds({ kind: "stream", scheduleSeconds: 3600 })).toBe(7200);
  });

  it("lets an explicit SLA win", () => {
    expect(freshnessSlaSeconds({ kind: "batch", scheduleSeconds: 86_400, freshnessSlaSeconds: 3600 })).toBe(3600);
    expect(freshnessSlaSeconds({ kind: "stream", slideIntervalSeconds: 300, freshnessSlaSeconds: "1h" })).toBe(3600);
  });

  it("gives on-demand views and views without a schedule no SLA", () => {
    expect(freshnessSlaSeconds({ kind: "on_demand", freshnessSlaSeconds: 3600 })).toBeNull();
    expect(freshnessSlaSeconds({ kind: "batch", scheduleSeconds: null })).toBeNull();
  });

  it("rejects durations that do not parse or are not positive", () => {
    expect(() => freshnessSlaSeconds({ kind: "batch", scheduleSeconds: "daily" })).toThrow(/schedule/);
    expect(() => freshnessSlaSeconds({ kind: "batch", freshnessSlaSeconds: 0 })).toThrow(RangeError);
  });
});

describe("freshnessStatus", () => {
  it("is stale only beyond the SLA", () => {
    expect(freshnessStatus(100, 200)).toBe("fresh");
    expect(freshnessStatus(200, 200)).toBe("fresh");
    expect(freshnessStatus(201, 200)).toBe("stale");
  });

  it("is unknown without a staleness or an SLA", () => {
    expect(freshnessStatus(null, 200)).toBe("unknown");
    expect(freshnessStatus(100, null)).toBe("unknown");
  });
});

describe("stalenessSeries", () => {
  // Listed out of order on purpose; only successful, ended runs with a watermark count.
  const runs: MaterializationRunTiming[] = [
    { status: "success", watermark: at("01:00"), endedAt: at("01:45") },
    { status: "failed", watermark: at("01:30"), endedAt: at("01:10") },
    { status: "success", watermark: at("00:00"), endedAt: at("00:30") },
    { status: "running", watermark: null, endedAt: null },
    // A backfill ending later with an older watermark must not make the view look fresher.
    { status: "success", watermark: at("00:15"), endedAt: at("02:00") },
  ];

  it("measures each step against the newest watermark landed by then", () => {
    const series = stalenessSeries(runs, at("00:00"), at("02:30"), 1800);
    expect(series.map((point) => point.at.toISOString().slice(11, 16))).toEqual([
      "00:00",
      "00:30",
      "01:00",
      "01:30",
      "02:00",
      "02:30",
    ]);
    expect(series.map((point) => point.stalenessSeconds)).toEqual([null, 1800, 3600, 5400, 3600, 5400]);
  });

  it("rejects a non-positive step, a reversed range and too many points", () => {
    expect(() => stalenessSeries(runs, at("00:00"), at("01:00"), 0)).toThrow(/step/);
    expect(() => stalenessSeries(runs, at("01:00"), at("00:00"), 60)).toThrow(/start before/);
    expect(() => stalenessSeries(runs, at("00:00"), new Date("2025-03-01T00:00:00Z"), 1)).toThrow(/at most/);
  });
});

describe("costPerDay", () => {
  it("sums cost and compute seconds per UTC day of the run's start", () => {
    const days = costPerDay([
      { startedAt: new Date("2024-03-02T00:10:00Z"), cost: 2, computeSeconds: 50 },
      { startedAt: new Date("2024-03-01T23:30:00Z"), cost: 1.5, computeSeconds: 100 },
      { startedAt: new Date("2024-03-01T01:00:00Z"), cost: null, computeSeconds: 20 },
      { startedAt: new Date("2024-03-02T12:00:00Z"), cost: 0.25, computeSeconds: null },
    ]);
    expect(days).toEqual([
      { day: "2024-03-01", cost: 1.5, computeSeconds: 120, runCount: 2 },
      { day: "2024-03-02", cost: 2.25, computeSeconds: 50, runCount: 2 },
    ]);
  });

  it("is empty without runs", () => {
    expect(costPerDay([])).toEqual([]);
  });
});
