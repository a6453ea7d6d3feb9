import { describe, expect, it } from "vitest";
import { healthBadge, overallHealth, withOverall } from "@/lib/lineage/health";

describe("overallHealth", () => {
  it("is the worst of the parts, unknown when nothing is measured", () => {
    expect(overallHealth({})).toBe("unknown");
    expect(overallHealth({ freshness: { status: "fresh", stalenessSeconds: 10, slaSeconds: 60 } })).toBe("ok");
    expect(
      overallHealth({
        freshness: { status: "fresh", stalenessSeconds: 10, slaSeconds: 60 },
        skew: { status: "warn", psi: 0.12 },
      }),
    ).toBe("warn");
    expect(
      overallHealth({ latency: { p99Ms: 80, budgetMs: 50, isOverBudget: true }, drift: { status: "ok", psi: 0 } }),
    ).toBe("bad");
    expect(overallHealth({ alerts: { count: 1, severity: "warning" } })).toBe("warn");
    expect(overallHealth({ alerts: { count: 2, severity: "critical" } })).toBe("bad");
    expect(overallHealth({ latency: { p99Ms: null, budgetMs: 50, isOverBudget: false } })).toBe("unknown");
  });
});

describe("healthBadge", () => {
  it("names the most pressing problem and counts the rest", () => {
    const health = withOverall({
      freshness: { status: "stale", stalenessSeconds: 3 * 86_400, slaSeconds: 7_200 },
      drift: { status: "alert", psi: 0.31, featureCount: 2 },
      alerts: { count: 1, severity: "critical" },
    });
    expect(health.status).toBe("bad");
    const badge = healthBadge(health)!;
    expect(badge.label).toBe("stale 3 d +2");
    expect(badge.description).toBe(
      "Stale: newest data is 3 d old, SLA 2 h; Drift alert in 2 features: PSI 0.31; 1 open critical alert",
    );
  });

  it("is null when all is well or unknown", () => {
    expect(healthBadge(undefined)).toBeNull();
    expect(
      healthBadge(withOverall({ freshness: { status: "fresh", stalenessSeconds: 1, slaSeconds: 60 } })),
    ).toBeNull();
    expect(healthBadge(withOverall({ latency: { p99Ms: 20, budgetMs: 50, isOverBudget: false } }))).toBeNull();
  });

  it("shows p99 over budget", () => {
    expect(healthBadge(withOverall({ latency: { p99Ms: 73.4, budgetMs: 50, isOverBudget: true } }))?.label).toBe(
      "p99 73ms",
    );
  });
});

describe("served health of services and models", () => {
  it("decides the node's status and badge, reasons in the description", () => {
    const health = withOverall({
      latency: { p99Ms: 80, budgetMs: 50, isOverBudget: true },
      served: {
        state: "at_risk",
        reasons: ["fraud_scoring: p99 80 ms over the 50 ms budget", "user_profile is stale"],
      },
    });
    expect(health.status).toBe("warn");
    expect(healthBadge(health)).toEqual({
      label: "at risk · 2",
      description: "At risk: fraud_scoring: p99 80 ms over the 50 ms budget; user_profile is stale",
    });
    expect(overallHealth({ served: { state: "failing", reasons: ["x"] } })).toBe("bad");
    expect(overallHealth({ served: { state: "healthy", reasons: [] } })).toBe("ok");
    expect(overallHealth({ served: { state: "no_data", reasons: [] } })).toBe("unknown");
    expect(healthBadge(withOverall({ served: { state: "healthy", reasons: [] } }))).toBeNull();
  });
});
