import { latest, type DemoCatalog } from "@/lib/demo/catalog";
import {
  DRIFTING_FEATURES,
  ERROR_INCIDENT,
  SKEWED_FEATURE,
  SLOW_SERVICE,
  SLOW_SERVICE_SINCE_DAYS,
  STALE_VIEWS,
  type DemoProfile,
  type DemoRun,
  type ServingSeries,
} from "@/lib/demo/monitoring";
import { formatDuration } from "@/lib/duration";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ObjectKind } from "@/lib/generated/prisma/enums";
import { freshnessSlaSeconds } from "@/lib/monitoring/freshness";
import { jsDistance, psi } from "@/lib/monitoring/stats";
import { newId, type LoadedIds } from "@/lib/demo/ids";

/* The demo's alert rules and the alerts its monitoring history would have raised. */

export function buildRulesAndAlerts(
  catalog: DemoCatalog,
  ids: LoadedIds,
  context: { now: Date; runs: DemoRun[]; prodSeries: ServingSeries[]; profiles: DemoProfile[] },
  options: { ackUserId: string },
): { rules: Prisma.AlertRuleCreateManyInput[]; alerts: Prisma.AlertCreateManyInput[] } {
  const { now, runs, prodSeries, profiles } = context;
  const nowMs = now.getTime();
  const workspaceId = ids.workspaceId;
  const prod = ids.envIds.prod;
  const ruleCreatedAt = new Date(nowMs - 60 * 86_400_000);
  const rule = (
    name: string,
    kind: Prisma.AlertRuleCreateManyInput["kind"],
    objectKind: ObjectKind,
    extra: Partial<Prisma.AlertRuleCreateManyInput> = {},
  ) => ({
    id: newId(),
    workspaceId,
    name,
    kind,
    objectKind,
    objectId: null,
    enabled: true,
    createdAt: ruleCreatedAt,
    ...extra,
  });
  const freshness = rule("Feature view freshness within SLA", "freshness", "feature_view");
  const latency = rule("Serving p99 within latency budget", "latency_p99", "feature_service");
  const errors = rule("Serving error rate below 1%", "error_rate", "feature_service", { threshold: 0.01 });
  const drift = rule("Feature drift against the training profile (PSI)", "statistic", "feature", {
    statistic: "psi",
    threshold: 0.25,
  });
  const skew = rule("Training/serving skew (Jensen-Shannon distance)", "statistic", "feature", {
    statistic: "jsDistance",
    threshold: 0.2,
  });
  const alerts: Prisma.AlertCreateManyInput[] = [];

  // Stale views: staleness of the newest successful watermark against the SLA.
  for (const name of STALE_VIEWS) {
    const view = latest(catalog.featureViews.find((object) => object.name === name)!);
    const sla = freshnessSlaSeconds({
      kind: view.kind,
      scheduleSeconds: view.schedule,
      slideIntervalSeconds: view.slideInterval,
      freshnessSlaSeconds: view.freshnessSla,
    })!;
    const watermark = Math.max(
      ...runs
        .filter((run) => run.view === name && run.env === "prod" && run.status === "success")
        .map((run) => run.watermark!),
    );
    const staleness = (nowMs - watermark) / 1000;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: freshness.id,
      objectKind: "feature_view",
      objectId: ids.viewIds.get(name)!,
      environmentId: prod,
      severity: name === "merchant_risk_stats" ? "critical" : "warning",
      message: `${name} is ${formatDuration(Math.round(staleness / 3600) * 3600)} stale (SLA ${formatDuration(sla)})`,
      value: Math.round(staleness),
      threshold: sla,
      startedAt: new Date(watermark + sla * 1000),
      ...(name === "driver_rating_stats"
        ? { acknowledgedAt: new Date(nowMs - 5 * 3_600_000), acknowledgedById: options.ackUserId }
        : {}),
    });
  }

  // The slow service: p99 of the last 24 hours (request-weighted) against its budget.
  const slow = prodSeries.find((series) => series.service === SLOW_SERVICE);
  const slowService = catalog.featureServices.find((object) => object.name === SLOW_SERVICE);
  if (slow && slowService) {
    const budget = latest(slowService).latencyBudgetMs;
    const from = slow.requests.length - 1440;
    let weighted = 0;
    let requests = 0;
    let crossedAt: number | null = null;
    for (let i = 0; i < slow.requests.length; i++) {
      if (i >= from) {
        weighted += slow.p99[i]! * slow.requests[i]!;
        requests += slow.requests[i]!;
      }
    }
    // First hour after the regression began whose mean p99 broke the budget.
    const regression = nowMs - SLOW_SERVICE_SINCE_DAYS * 86_400_000;
    for (
      let start = Math.max(0, Math.floor((regression - slow.startMs) / 60_000));
      start + 60 <= slow.requests.length && crossedAt === null;
      start += 60
    ) {
      let w = 0;
      let r = 0;
      for (let i = start; i < start + 60; i++) {
        w += slow.p99[i]! * slow.requests[i]!;
        r += slow.requests[i]!;
      }
      if (r > 0 && w / r > budget!) crossedAt = slow.startMs + (start + 60) * 60_000;
    }
    const p99 = Math.round((weighted / Math.max(requests, 1)) * 10) / 10;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: latency.id,
      objectKind: "feature_service",
      objectId: ids.serviceIds.get(SLOW_SERVICE)!,
      environmentId: prod,
      severity: "critical",
      message: `${SLOW_SERVICE} p99 is ${p99} ms over the last 24 hours (budget ${budget} ms)`,
      value: p99,
      threshold: budget,
      startedAt: new Date(crossedAt ?? regression),
    });
  }

  // A resolved error-rate incident.
  const incidentStart = Math.floor((nowMs - ERROR_INCIDENT.daysAgo * 86_400_000) / 60_000) * 60_000;
  alerts.push({
    id: newId(),
    workspaceId,
    ruleId: errors.id,
    objectKind: "feature_service",
    objectId: ids.serviceIds.get(ERROR_INCIDENT.service)!,
    environmentId: prod,
    severity: "critical",
    message: `${ERROR_INCIDENT.service} error rate ${(ERROR_INCIDENT.errorRate * 100).toFixed(1)}% (threshold 1%): online store timeouts`,
    value: ERROR_INCIDENT.errorRate,
    threshold: 0.01,
    startedAt: new Date(incidentStart),
    endedAt: new Date(incidentStart + ERROR_INCIDENT.minutes * 60_000),
    resolution: "cleared",
    acknowledgedAt: new Date(incidentStart + 6 * 60_000),
    acknowledgedById: options.ackUserId,
  });

  // Drift: the latest online day against the fraud model's training baseline.
  const daily = (ref: string, source: "offline" | "online") =>
    profiles
      .filter((profile) => profile.feature === ref && profile.source === source && !profile.savedDataset)
      .sort((a, b) => a.windowStart - b.windowStart);
  for (const ref of DRIFTING_FEATURES) {
    const baseline = profiles.find(
      (profile) => profile.feature === ref && profile.savedDataset === "fraud_detector_v3_training",
    );
    const online = daily(ref, "online");
    const current = online[online.length - 1];
    if (!baseline || !current) continue;
    const value = psi(baseline.counts, current.counts);
    const firstBreach = online.find((profile) => psi(baseline.counts, profile.counts) > 0.25) ?? current;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: drift.id,
      objectKind: "feature",
      objectId: ids.featureIds.get(ref)!,
      environmentId: prod,
      severity: ref.endsWith("preferred_channel") ? "warning" : "critical",
      message: `${ref} drifted from the fraud_detector v3 training profile: PSI ${value.toFixed(2)} (alert above 0.25)`,
      value: Math.round(value * 1e4) / 1e4,
      threshold: 0.25,
      startedAt: new Date(firstBreach.windowEnd),
    });
  }

  // Skew: offline against online of the same (latest) day.
  const offline = daily(SKEWED_FEATURE, "offline");
  const online = daily(SKEWED_FEATURE, "online");
  const lastOffline = offline[offline.length - 1];
  const lastOnline = online[online.length - 1];
  if (lastOffline && lastOnline) {
    const value = jsDistance(lastOffline.counts, lastOnline.counts);
    const firstBreach =
      online.find((profile, index) => jsDistance(offline[index]!.counts, profile.counts) > 0.2) ?? lastOnline;
    alerts.push({
      id: newId(),
      workspaceId,
      ruleId: skew.id,
      objectKind: "feature",
      objectId: ids.featureIds.get(SKEWED_FEATURE)!,
      environmentId: prod,
      severity: "warning",
      message: `${SKEWED_FEATURE}: online values disagree with offline ones (JS distance ${value.toFixed(2)}, alert above 0.2)`,
      value: Math.round(value * 1e4) / 1e4,
      threshold: 0.2,
      startedAt: new Date(firstBreach.windowEnd),
    });
  }
  return { rules: [freshness, latency, errors, drift, skew], alerts };
}
