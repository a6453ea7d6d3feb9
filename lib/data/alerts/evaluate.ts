import "server-only";
import type { Db } from "@/lib/db";
import {
  DEFAULT_ERROR_RATE,
  DEFAULT_RULES,
  listFeatureStatistics,
  listServiceLatency,
  listViewFreshness,
} from "@/lib/data/monitoring";
import { formatDuration } from "@/lib/duration";
import type { RuleKind } from "@/lib/generated/prisma/enums";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";
import { DEFAULT_THRESHOLDS } from "@/lib/monitoring/thresholds";
import { reconcileRuleAlerts, type Violation } from "@/lib/data/alerts/reconcile";

/** Window over which p99 and error rate are judged when rules are evaluated. */
export const EVALUATION_WINDOW_MS = 15 * 60_000;

export interface EvaluationResult {
  evaluated: number;
  opened: number;
  updated: number;
  resolved: number;
}

/**
 * Evaluates the workspace's enabled rules now: opens an alert for each newly violated
 * (rule, object, environment), updates the ones still firing, and ends those whose object is
 * healthy again. Objects without data to judge (no runs, no traffic in the window, no
 * profiles) are left as they are. `only` narrows it to what an ingestion batch touched.
 */
export async function evaluateRules(
  prisma: Db,
  options: {
    workspaceId: string;
    now?: Date;
    environmentIds?: string[];
    only?: { kind: "feature_view" | "feature_service" | "feature"; ids: string[] };
    /** Only rules of these kinds (the scheduler evaluates each kind on its own interval). */
    kinds?: readonly RuleKind[];
  },
): Promise<EvaluationResult> {
  const now = options.now ?? new Date();
  const findMonitors = () =>
    prisma.alertRule.findMany({
      where: {
        workspaceId: options.workspaceId,
        enabled: true,
        ...(options.only ? { kind: { in: [...KINDS_FOR[options.only.kind]] } } : {}),
        ...(options.kinds ? { kind: { in: [...options.kinds] } } : {}),
      },
      select: { id: true, name: true, kind: true, objectId: true, statistic: true, threshold: true },
    });
  // Independent reads go out together: evaluation runs after every ingested batch.
  const [found, environments] = await Promise.all([
    findMonitors(),
    prisma.environment.findMany({
      where: {
        workspaceId: options.workspaceId,
        ...(options.environmentIds ? { id: { in: options.environmentIds } } : {}),
      },
      select: { id: true, name: true },
    }),
  ]);
  // A workspace gets its default rules on its first evaluation (not a query on every batch).
  let rules = found;
  if (rules.length === 0) {
    await ensureDefaultRules(prisma, options.workspaceId);
    rules = await findMonitors();
  }
  const result: EvaluationResult = { evaluated: 0, opened: 0, updated: 0, resolved: 0 };
  if (rules.length === 0 || environments.length === 0) return result;
  const onlyIds = options.only?.ids;
  // A rule muted for an object skips it (its alerts ended when it was muted).
  const mutes = await prisma.ruleMute.findMany({
    where: { ruleId: { in: rules.map((m) => m.id) }, OR: [{ until: null }, { until: { gt: now } }] },
    select: { ruleId: true, objectId: true },
  });
  const muted = new Set(mutes.map((mute) => `${mute.ruleId}:${mute.objectId}`));

  const kinds = new Set(rules.map((rule) => rule.kind));
  for (const environment of environments) {
    const scope = { workspaceId: options.workspaceId, environmentId: environment.id };
    const [views, services, features, openNow] = await Promise.all([
      kinds.has("freshness") ? listViewFreshness(prisma, { ...scope, now, featureViewIds: onlyIds }) : [],
      kinds.has("latency_p99") || kinds.has("error_rate")
        ? listServiceLatency(prisma, {
            ...scope,
            from: new Date(now.getTime() - EVALUATION_WINDOW_MS),
            to: now,
            serviceIds: onlyIds,
            now,
          })
        : [],
      kinds.has("statistic") ? listStatisticsInChunks(prisma, scope, onlyIds) : [],
      // Open alerts up front, so a rule whose alerts need no change costs no transaction.
      prisma.alert.findMany({
        where: {
          workspaceId: options.workspaceId,
          environmentId: environment.id,
          endedAt: null,
          ruleId: { in: rules.map((m) => m.id) },
        },
        select: { ruleId: true, objectId: true, severity: true, value: true },
      }),
    ]);
    const featureOverrides = kinds.has("statistic")
      ? // The workspace's overrides (few) rather than an IN list of every profiled feature.
        await prisma.$queryRaw<{ featureId: string; statistic: string; alert: number }[]>`
          SELECT t.feature_id AS "featureId", t.statistic, t.alert
            FROM statistic_threshold t JOIN feature f ON f.id = t.feature_id
           WHERE f.workspace_id = ${options.workspaceId}`
      : [];

    for (const rule of rules) {
      const judged: string[] = [];
      const violations: Violation[] = [];
      const applies = (id: string) => (!rule.objectId || rule.objectId === id) && !muted.has(`${rule.id}:${id}`);
      if (rule.kind === "freshness") {
        for (const view of views) {
          if (!applies(view.id) || view.status === "unknown" || view.slaSeconds === null) continue;
          judged.push(view.id);
          const limit = view.slaSeconds * (rule.threshold ?? 1);
          if (view.stalenessSeconds !== null && view.stalenessSeconds > limit) {
            violations.push({
              objectKind: "feature_view",
              objectId: view.id,
              environmentId: environment.id,
              severity: view.stalenessSeconds > 2 * limit ? "critical" : "warning",
              message: `${view.name} is ${formatDuration(roundTo(view.stalenessSeconds, 60))} stale (SLA ${formatDuration(limit)})`,
              value: Math.round(view.stalenessSeconds),
              threshold: limit,
            });
          }
        }
      } else if (rule.kind === "latency_p99" || rule.kind === "error_rate") {
        for (const service of services) {
          if (!applies(service.id) || service.requestCount === 0) continue;
          judged.push(service.id);
          if (rule.kind === "latency_p99" && service.p99Ms !== null) {
            const limit = rule.threshold ?? service.budgetMs;
            if (limit !== null && service.p99Ms > limit) {
              violations.push({
                objectKind: "feature_service",
                objectId: service.id,
                environmentId: environment.id,
                severity: service.p99Ms >= 1.5 * limit ? "critical" : "warning",
                message: `${service.name} p99 is ${service.p99Ms.toFixed(1)} ms over the last 15 minutes (budget ${limit} ms)`,
                value: round(service.p99Ms, 1),
                threshold: limit,
              });
            }
          }
          if (rule.kind === "error_rate" && service.errorRate !== null) {
            const limit = rule.threshold ?? DEFAULT_ERROR_RATE;
            if (service.errorRate > limit) {
              violations.push({
                objectKind: "feature_service",
                objectId: service.id,
                environmentId: environment.id,
                severity: service.errorRate >= 3 * limit ? "critical" : "warning",
                message: `${service.name} error rate ${(service.errorRate * 100).toFixed(2)}% over the last 15 minutes (threshold ${(limit * 100).toFixed(2)}%)`,
                value: round(service.errorRate, 5),
                threshold: limit,
              });
            }
          }
        }
      } else if (rule.kind === "statistic") {
        const statistic = (rule.statistic ?? "psi") as StatisticName;
        if (!STATISTICS[statistic]) continue;
        for (const feature of features) {
          if (!applies(feature.featureId)) continue;
          const override = featureOverrides.find(
            (row) => row.featureId === feature.featureId && row.statistic === statistic,
          );
          const limit =
            override?.alert ??
            rule.threshold ??
            DEFAULT_THRESHOLDS[statistic as keyof typeof DEFAULT_THRESHOLDS]?.alert;
          const candidates = [
            { label: "drift from its baseline", value: feature.drift?.values[statistic] },
            { label: "training/serving skew", value: feature.skew?.values[statistic] },
          ].filter((candidate): candidate is { label: string; value: number } => candidate.value !== undefined);
          if (candidates.length === 0 || limit === undefined) continue;
          judged.push(feature.featureId);
          const isHigherWorse = STATISTICS[statistic].isHigherWorse;
          const worst = candidates.reduce((a, b) => ((isHigherWorse ? b.value > a.value : b.value < a.value) ? b : a));
          const isViolated = isHigherWorse ? worst.value >= limit : worst.value < limit;
          if (!isViolated) continue;
          violations.push({
            objectKind: "feature",
            objectId: feature.featureId,
            environmentId: environment.id,
            severity: (isHigherWorse ? worst.value >= 1.5 * limit : worst.value < limit / 10) ? "critical" : "warning",
            message: `${feature.featureView.name}:${feature.name} ${worst.label}: ${STATISTICS[statistic].label} ${worst.value.toFixed(3)} (alert ${isHigherWorse ? "at" : "below"} ${limit})`,
            value: round(worst.value, 4),
            threshold: limit,
          });
        }
      }
      result.evaluated += judged.length;
      const open = new Map(openNow.filter((alert) => alert.ruleId === rule.id).map((alert) => [alert.objectId, alert]));
      const violated = new Set(violations.map((violation) => violation.objectId));
      const isUnchanged =
        violations.every((violation) => {
          const existing = open.get(violation.objectId);
          return existing && existing.severity === violation.severity && existing.value === violation.value;
        }) && judged.every((id) => !open.has(id) || violated.has(id));
      if (isUnchanged) continue;
      const counts = await reconcileRuleAlerts(prisma, {
        workspaceId: options.workspaceId,
        ruleId: rule.id,
        environmentId: environment.id,
        judged,
        violations,
        now,
      });
      result.opened += counts.opened;
      result.updated += counts.updated;
      result.resolved += counts.resolved;
    }
  }
  return result;
}

/** Features per statistics read: bounded queries (PostgreSQL's parameter limit) on 50,000 features. */
const STATISTICS_CHUNK = 2_000;

async function listStatisticsInChunks(
  prisma: Db,
  scope: { workspaceId: string; environmentId: string },
  featureIds: string[] | undefined,
) {
  const ids =
    featureIds ??
    (
      await prisma.feature.findMany({
        where: { workspaceId: scope.workspaceId },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    ).map((feature) => feature.id);
  const rows: Awaited<ReturnType<typeof listFeatureStatistics>> = [];
  for (let start = 0; start < ids.length; start += STATISTICS_CHUNK) {
    rows.push(
      ...(await listFeatureStatistics(prisma, { ...scope, featureIds: ids.slice(start, start + STATISTICS_CHUNK) })),
    );
  }
  return rows;
}

const KINDS_FOR = {
  feature_view: ["freshness"],
  feature_service: ["latency_p99", "error_rate"],
  feature: ["statistic"],
} as const satisfies Record<string, RuleKind[]>;

/** A workspace without any rule gets the four default ones, so ingestion raises alerts out of the box. */
export async function ensureDefaultRules(prisma: Db, workspaceId: string): Promise<void> {
  const count = await prisma.alertRule.count({ where: { workspaceId } });
  if (count > 0) return;
  await prisma.alertRule.createMany({
    data: DEFAULT_RULES.map((rule) => ({
      workspaceId,
      ...rule,
      statistic: rule.statistic,
      threshold: rule.threshold,
    })),
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}
