import { describe, expect, it } from "vitest";
import { splitByState, summaryState, worstWindow } from "@/lib/monitoring/summary";

const firing = (severity: "warning" | "critical") => ({
  id: "a1",
  severity,
  startedAt: "2026-12-05T10:00:00.000Z",
  message: "p99 over budget",
});

describe("summaryState", () => {
  it("is never green while an alert on the object fires, even when the range's figure is under the limit", () => {
    expect(summaryState({ value: 30, limit: 50, worst: 40, firing: firing("critical") })).toEqual({
      tone: "bad",
      label: "Critical alert firing",
    });
    expect(summaryState({ value: 30, limit: 50, worst: 40, firing: firing("warning") }).tone).toBe("warn");
  });

  it("warns when the range is under the limit but its worst window is over it", () => {
    expect(summaryState({ value: 30, limit: 50, worst: 80, firing: null })).toEqual({
      tone: "warn",
      label: "Over the limit in its worst window",
    });
  });

  it("is bad over the limit, good within it, and neutral without data or without a limit", () => {
    expect(summaryState({ value: 60, limit: 50, worst: 90, firing: null }).tone).toBe("bad");
    expect(summaryState({ value: 30, limit: 50, worst: 50, firing: null }).tone).toBe("good");
    expect(summaryState({ value: null, limit: 50, worst: null, firing: null }).label).toBe("No data in this range");
    expect(summaryState({ value: 30, limit: null, worst: 30, firing: null }).label).toBe("No limit set");
  });
});

describe("worstWindow", () => {
  it("returns the highest point and its time, skipping points without a value", () => {
    const points = [
      { at: "t1", p99: 20 },
      { at: "t2", p99: null },
      { at: "t3", p99: 95 },
      { at: "t4", p99: 95 },
    ];
    expect(worstWindow(points, (point) => point.p99)).toEqual({ at: "t3", value: 95 });
    expect(worstWindow([{ at: "t1", p99: null }], (point) => point.p99)).toBeNull();
  });
});

describe("splitByState", () => {
  it("draws each step in the series of its state and closes it at the next point", () => {
    const points = [
      { t: 1, hours: 1 },
      { t: 2, hours: 3 },
      { t: 3, hours: 4 },
      { t: 4, hours: 0.5 },
      { t: 5, hours: null },
    ];
    expect(splitByState(points, 2)).toEqual([
      { t: 1, fresh: 1, stale: null },
      { t: 2, fresh: 3, stale: 3 },
      { t: 3, fresh: null, stale: 4 },
      { t: 4, fresh: 0.5, stale: 0.5 },
      { t: 5, fresh: null, stale: null },
    ]);
  });

  it("keeps everything fresh when there is no SLA", () => {
    expect(splitByState([{ t: 1, hours: 9 }], null)).toEqual([{ t: 1, fresh: 9, stale: null }]);
  });
});
