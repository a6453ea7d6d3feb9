import { describe, expect, it } from "vitest";
import { severityOf } from "@/lib/monitoring/severity";

describe("severityOf", () => {
  it("is a warning up to 1.5 x the limit and critical beyond, for every upper limit", () => {
    expect(severityOf(61, 60)).toBe("warning");
    expect(severityOf(90, 60)).toBe("warning");
    expect(severityOf(90.5, 60)).toBe("critical");
    expect(severityOf(0.02, 0.01)).toBe("critical");
    expect(severityOf(0.3, 0.25)).toBe("warning");
  });

  it("mirrors the rule for a lower bound such as a p-value", () => {
    expect(severityOf(0.04, 0.05, false)).toBe("warning");
    expect(severityOf(0.05 / 1.5, 0.05, false)).toBe("warning");
    expect(severityOf(0.03, 0.05, false)).toBe("critical");
  });
});
