import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  resolveThresholds,
  scoreStatistics,
  statusFor,
  worstStatus,
} from "@/lib/monitoring/thresholds";

describe("statusFor with the default thresholds", () => {
  const defaults = resolveThresholds();

  it("grades PSI by the credit-scoring rule, bounds inclusive", () => {
    expect(statusFor("psi", 0.05, defaults)).toBe("ok");
    expect(statusFor("psi", 0.1, defaults)).toBe("warn");
    expect(statusFor("psi", 0.2, defaults)).toBe("warn");
    expect(statusFor("psi", 0.25, defaults)).toBe("alert");
    expect(statusFor("psi", 3, defaults)).toBe("alert");
  });

  it("grades JS distance, L-infinity and KS by their own bounds", () => {
    expect(statusFor("jsDistance", 0.15, defaults)).toBe("warn");
    expect(statusFor("jsDistance", 0.2, defaults)).toBe("alert");
    expect(statusFor("linf", 0.29, defaults)).toBe("warn");
    expect(statusFor("linf", 0.3, defaults)).toBe("alert");
    expect(statusFor("ks", 0.09, defaults)).toBe("ok");
    expect(statusFor("ks", 0.21, defaults)).toBe("alert");
  });

  it("treats a low chi-square p-value as the bad direction", () => {
    expect(statusFor("chi2PValue", 0.5, defaults)).toBe("ok");
    expect(statusFor("chi2PValue", 0.05, defaults)).toBe("ok");
    expect(statusFor("chi2PValue", 0.03, defaults)).toBe("warn");
    expect(statusFor("chi2PValue", 0.01, defaults)).toBe("warn");
    expect(statusFor("chi2PValue", 0.001, defaults)).toBe("alert");
  });

  it("never alarms on a statistic without a threshold", () => {
    expect("wasserstein" in DEFAULT_THRESHOLDS).toBe(false);
    expect(statusFor("wasserstein", 1e9, defaults)).toBe("ok");
  });

  it("rejects NaN", () => {
    expect(() => statusFor("psi", Number.NaN, defaults)).toThrow(RangeError);
  });
});

describe("resolveThresholds", () => {
  it("lets an owner's override replace a default and leaves the rest", () => {
    const thresholds = resolveThresholds([{ statistic: "psi", warn: 0.2, alert: 0.4 }]);
    expect(thresholds.psi).toEqual({ warn: 0.2, alert: 0.4 });
    expect(thresholds.ks).toEqual(DEFAULT_THRESHOLDS.ks);
    expect(statusFor("psi", 0.25, thresholds)).toBe("warn");
    expect(statusFor("psi", 0.25, resolveThresholds())).toBe("alert");
  });

  it("accepts a threshold for a statistic with no default", () => {
    const thresholds = resolveThresholds([{ statistic: "wasserstein", warn: 5, alert: 10 }]);
    expect(statusFor("wasserstein", 7, thresholds)).toBe("warn");
  });

  it("keeps only the statistics that apply to a kind", () => {
    expect(Object.keys(resolveThresholds([], "categorical")).sort()).toEqual([
      "chi2PValue",
      "jsDistance",
      "linf",
      "psi",
    ]);
    // docs/statistics.md gives the L-infinity default for categorical profiles only.
    expect(Object.keys(resolveThresholds([], "numeric")).sort()).toEqual(["jsDistance", "ks", "psi"]);
    expect(resolveThresholds([{ statistic: "linf", warn: 0.05, alert: 0.1 }], "numeric").linf).toEqual({
      warn: 0.05,
      alert: 0.1,
    });
  });

  it("rejects unknown statistics and bounds in the wrong order", () => {
    expect(() => resolveThresholds([{ statistic: "kl", warn: 0.1, alert: 0.2 }])).toThrow(/unknown statistic "kl"/);
    expect(() => resolveThresholds([{ statistic: "psi", warn: 0.5, alert: 0.2 }])).toThrow(/at most/);
    expect(() => resolveThresholds([{ statistic: "chi2PValue", warn: 0.01, alert: 0.05 }])).toThrow(/at least/);
    expect(() => resolveThresholds([{ statistic: "psi", warn: Number.NaN, alert: 0.2 }])).toThrow(RangeError);
  });

  it("does not mutate the defaults", () => {
    resolveThresholds([{ statistic: "psi", warn: 0.3, alert: 0.5 }], "numeric");
    expect(DEFAULT_THRESHOLDS.psi).toEqual({ warn: 0.1, alert: 0.25 });
    expect(DEFAULT_THRESHOLDS.linf).toEqual({ warn: 0.1, alert: 0.3 });
  });
});

describe("worstStatus", () => {
  it("picks the most severe status, ok for none", () => {
    expect(worstStatus([])).toBe("ok");
    expect(worstStatus(["ok", "warn", "ok"])).toBe("warn");
    expect(worstStatus(["warn", "alert", "ok"])).toBe("alert");
  });
});

describe("scoreStatistics", () => {
  it("grades every computed statistic and reports the worst", () => {
    const result = scoreStatistics({ psi: 0.12, jsDistance: 0.05, chi2PValue: 0.001 }, resolveThresholds());
    expect(result.statuses).toEqual({ psi: "warn", jsDistance: "ok", chi2PValue: "alert" });
    expect(result.worst).toBe("alert");
  });
});
