import { describe, expect, it } from "vitest";
import { modelHealth, serviceHealth, worstHealthState, type ServiceSignals } from "@/lib/monitoring/health";

const HOUR = 3600;

function service(overrides: Partial<ServiceSignals> = {}): ServiceSignals {
  return { id: "svc", name: "fraud_scoring", views: [], features: [], ...overrides };
}

const traffic = (p99Ms: number, errorCount = 0, requestCount = 1000) => ({
  p99Ms,
  budgetMs: 50,
  requestCount,
  errorCount,
});

describe("serviceHealth", () => {
  it("is no data when nothing is measured, not healthy", () => {
    const health = serviceHealth(
      service({
        views: [
          { id: "v", name: "user_profile", freshness: { status: "unknown", stalenessSeconds: null, slaSeconds: 7200 } },
        ],
        features: [{ id: "f", name: "avg", viewName: "user_profile" }],
      }),
    );
    expect(health).toEqual({ state: "no_data", reasons: [] });
  });

  it("is healthy when every measured signal is within its limit", () => {
    const health = serviceHealth(
      service({
        latency: traffic(30, 2),
        views: [
          {
            id: "v",
            name: "user_profile",
            freshness: { status: "fresh", stalenessSeconds: HOUR, slaSeconds: 2 * HOUR },
          },
        ],
        features: [
          { id: "f", name: "avg", viewName: "user_profile", drift: { status: "warn", psi: 0.15, alertLevel: 0.25 } },
        ],
      }),
    );
    expect(health).toEqual({ state: "healthy", reasons: [] });
  });

  it("is at risk when a served view is stale, naming the view, the signal and its monitoring page", () => {
    const health = serviceHealth(
      service({
        latency: traffic(30),
        views: [
          {
            id: "v1",
            name: "user_profile",
            freshness: { status: "stale", stalenessSeconds: 3 * HOUR, slaSeconds: 2 * HOUR },
          },
        ],
      }),
    );
    expect(health.state).toBe("at_risk");
    expect(health.reasons).toEqual([
      {
        state: "at_risk",
        signal: "freshness",
        object: { kind: "feature_view", id: "v1", name: "user_profile" },
        message: "user_profile is stale: 3 h old, SLA 2 h",
        href: "/monitoring/freshness/v1",
      },
    ]);
  });

  it("follows the severity rule: failing past twice the SLA, 1.5 x the budget, 3 x the error limit", () => {
    const stale = (staleness: number) =>
      serviceHealth(
        service({
          views: [
            { id: "v", name: "v", freshness: { status: "stale", stalenessSeconds: staleness, slaSeconds: HOUR } },
          ],
        }),
      ).state;
    expect(stale(1.5 * HOUR)).toBe("at_risk");
    expect(stale(2 * HOUR)).toBe("failing");

    expect(serviceHealth(service({ latency: traffic(60) })).state).toBe("at_risk");
    expect(serviceHealth(service({ latency: traffic(75) })).state).toBe("failing");

    expect(serviceHealth(service({ latency: traffic(10, 20) })).state).toBe("at_risk");
    expect(serviceHealth(service({ latency: traffic(10, 30) })).state).toBe("failing");
    expect(serviceHealth(service({ latency: traffic(10, 20) })).reasons[0]).toMatchObject({
      signal: "error_rate",
      message: "fraud_scoring: 2.0% of requests failed (limit 1%)",
      href: "/monitoring/services/svc",
    });
  });

  it("judges drift and skew against the feature's alert level", () => {
    const drift = (psi: number) =>
      serviceHealth(
        service({
          features: [
            { id: "f1", name: "avg", viewName: "user_profile", drift: { status: "alert", psi, alertLevel: 0.2 } },
          ],
        }),
      );
    expect(drift(0.1).state).toBe("healthy");
    expect(drift(0.25).state).toBe("at_risk");
    expect(drift(0.31).state).toBe("failing");
    expect(drift(0.25).reasons[0]).toMatchObject({
      signal: "drift",
      object: { kind: "feature", id: "f1", name: "user_profile:avg" },
      href: "/monitoring/features/f1",
    });
  });

  it("makes a firing alert on a served feature at least at risk, and a critical one failing", () => {
    const withAlert = (severity: "warning" | "critical") =>
      serviceHealth(
        service({
          latency: traffic(10),
          features: [{ id: "f1", name: "avg", viewName: "user_profile", alerts: { count: 2, severity } }],
        }),
      );
    expect(withAlert("warning").state).toBe("at_risk");
    expect(withAlert("warning").reasons[0]).toMatchObject({
      signal: "alert",
      message: "user_profile:avg: 2 open warning alerts",
    });
    expect(withAlert("critical").state).toBe("failing");
    // An alert alone is something known: at risk, not "no data".
    expect(serviceHealth(service({ alerts: { count: 1, severity: "warning" } })).state).toBe("at_risk");
  });

  it("lists the worst reasons first", () => {
    const health = serviceHealth(
      service({
        latency: traffic(60),
        views: [{ id: "v", name: "v", freshness: { status: "stale", stalenessSeconds: 5 * HOUR, slaSeconds: HOUR } }],
      }),
    );
    expect(health.reasons.map((r) => [r.signal, r.state])).toEqual([
      ["freshness", "failing"],
      ["latency", "at_risk"],
    ]);
  });
});

describe("modelHealth", () => {
  const healthy = { state: "healthy" as const, reasons: [] };
  const none = { state: "no_data" as const, reasons: [] };

  it("is the worst of its services, each reason naming the service it came through", () => {
    const slow = serviceHealth(service({ id: "s2", name: "ranking", latency: traffic(60) }));
    const health = modelHealth([
      { id: "s1", name: "fraud_scoring", health: healthy },
      { id: "s2", name: "ranking", health: slow },
    ]);
    expect(health.state).toBe("at_risk");
    expect(health.reasons[0]).toMatchObject({ signal: "latency", service: { id: "s2", name: "ranking" } });
  });

  it("is no data without services or when none is measured, healthy when one is", () => {
    expect(modelHealth([]).state).toBe("no_data");
    expect(modelHealth([{ id: "s", name: "s", health: none }]).state).toBe("no_data");
    expect(
      modelHealth([
        { id: "s", name: "s", health: none },
        { id: "t", name: "t", health: healthy },
      ]).state,
    ).toBe("healthy");
  });
});

describe("worstHealthState", () => {
  it("ranks failing over at risk over healthy over no data", () => {
    expect(worstHealthState([])).toBe("no_data");
    expect(worstHealthState(["healthy", "no_data"])).toBe("healthy");
    expect(worstHealthState(["at_risk", "failing", "healthy"])).toBe("failing");
  });
});
