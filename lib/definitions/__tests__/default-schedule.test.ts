import { describe, expect, it } from "vitest";
import { scheduleForKind } from "@/lib/definitions/default-schedule";

describe("scheduleForKind", () => {
  it("gives a new stream view its smallest window, or 1h, instead of the batch default of a day", () => {
    expect(scheduleForKind("stream", "1d", ["1h", "5m", "1d"])).toBe("5m");
    expect(scheduleForKind("stream", "1d", [])).toBe("1h");
    expect(scheduleForKind("stream", undefined, ["15m"])).toBe("15m");
  });

  it("keeps a schedule the author typed, goes back to a day for batch and drops it for on-demand", () => {
    expect(scheduleForKind("stream", "30m", ["5m"])).toBe("30m");
    expect(scheduleForKind("batch", "5m", [])).toBe("5m");
    expect(scheduleForKind("batch", "1h", [])).toBe("1d");
    expect(scheduleForKind("on_demand", "1d", [])).toBeUndefined();
  });
});
