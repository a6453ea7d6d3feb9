import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  DEFAULT_ERROR_RATE,
  DEFAULT_MONITORS,
  listFeatureStatistics,
  listServiceLatency,
  listViewFreshness,
} from "@/lib/data/monitoring";
import { formatDuration } from "@/lib/duration";
import type { AlertSeverity, MonitorKind, ObjectKind } from "@/lib/generated/prisma/enums";
import { STATISTICS, type StatisticName } from "@/lib/monitoring/stats";
import { DEFAULT_THRESHOLDS } from "@/lib/monitoring/thresholds";

/** Open = still firing (not ended) and nobody has acknowledged it yet. */
const OPEN = { endedAt: null, acknowledgedAt: null } as const;

export interface OpenAlertBadge {
  count: number;
  /** The worst severity among the object's open alerts. */
  severity: AlertSeverity;
  alertIds: string[];
}

/** `"<object_kind>:<object_id>"`, the key of getOpenAlertsByObject's map. */
export function alertObjectKey(objectKind: ObjectKind | string, objectId: string): string {
  return `${objectKind}:${objectId}`;
}

/**
 * Open alerts per object, for badges in the catalog and on lineage nodes. Keyed by
 * `"<object_kind>:<object_id>"`; without an environment, alerts of every environment count.
 */
export async function getOpenAlertsByObject(
  prisma: Db,
  options: { workspaceId: string; environmentId?: string },
): Promise<Map<string, OpenAlertBadge>> {
  const rows = await prisma.alert.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(options.environmentId ? { environmentId: options.environmentId } : {}),
      ...OPEN,
    },
    select: { id: true, objectKind: true, objectId: true, severity: true },
    orderBy: { startedAt: "desc" },
  });
  const badges = new Map<string, OpenAlertBadge>();
  for (const row of rows) {
    const key = alertObjectKey(row.objectKind, row.objectId);
    const badge = badges.get(key);
    if (!badge) {
      badges.set(key, { count: 1, severity: row.severity, alertIds: [row.id] });
      continue;
    }
    badge.count += 1;
    badge.alertIds.push(row.id);
    if (row.severity === "critical") badge.severity = "critical";
  }
  return badges;
}

/** "firing": not ended, acknowledged or not. */
export type AlertState = "open" | "acknowledged" | "firing" | "resolved" | "all";

export interface AlertListItem {
  id: string;
  monitorId: string;
  monitorName: string;
  kind: string;
  objectKind: ObjectKind;
  objectId: string;
  objectName: string | null;
  environmentId: string;
  environmentName: string;
  severity: AlertSeverity;
  message: string;
  value: number | null;
  threshold: number | null;
  startedAt: string;
  endedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/**
 * Alerts of a workspace, newest first. `open`: firing and unacknowledged; `acknowledged`:
 * firing but acknowledged; `resolved`: ended.
 */
export async function listAlerts(
  prisma: Db,
  options: {
    workspaceId: string;
    environmentId?: string;
    state?: AlertState;
    objectKind?: ObjectKind;
    objectId?: string;
    since?: Date;
    limit?: number;
  },
): Promise<AlertListItem[]> {
  const state = options.state ?? "open";
  const stateWhere =
    state === "open"
      ? OPEN
      : state === "acknowledged"
        ? { endedAt: null, acknowledgedAt: { not: null } }
        : state === "firing"
          ? { endedAt: null }
          : state === "resolved"
            ? { endedAt: { not: null } }
            : {};
  const rows = await prisma.alert.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(options.environmentId ? { environmentId: options.environmentId } : {}),
      ...(options.objectKind ? { objectKind: options.objectKind } : {}),
      ...(options.objectId ? { objectId: options.objectId } : {}),
      ...(options.since ? { OR: [{ endedAt: null }, { endedAt: { gte: options.since } }] } : {}),
      ...stateWhere,
    },
    select: {
      id: true,
      monitorId: true,
      objectKind: true,
      objectId: true,
      environmentId: true,
      severity: true,
      message: true,
      value: true,
      threshold: true,
      startedAt: true,
      endedAt: true,
      acknowledgedAt: true,
      acknowledgedById: true,
      monitor: { select: { name: true, kind: true } },
    },
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: Math.min(options.limit ?? 200, 1000),
  });
  const [names, environments, users] = await Promise.all([
    objectNames(prisma, options.workspaceId, rows),
    prisma.environment.findMany({ where: { workspaceId: options.workspaceId }, select: { id: true, name: true } }),
    userNames(
      prisma,
      rows.map((row) => row.acknowledgedById).filter((id): id is string => id !== null),
    ),
  ]);
  const environmentName = new Map(environments.map((env) => [env.id, env.name]));
  return rows.map((row) => ({
    id: row.id,
    monitorId: row.monitorId,
    monitorName: row.monitor.name,
    kind: row.monitor.kind,
    objectKind: row.objectKind,
    objectId: row.objectId,
    objectName: names.get(alertObjectKey(row.objectKind, row.objectId)) ?? null,
    environmentId: row.environmentId,
    environmentName: environmentName.get(row.environmentId) ?? "",
    severity: row.severity,
    message: row.message,
    value: row.value,
    threshold: row.threshold,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedById ? (users.get(row.acknowledgedById) ?? null) : null,
  }));
}

/** Acknowledges an open alert: its badge disappears, the alert stays until its condition ends. */
export async function acknowledgeAlert(
  prisma: Db,
  input: { workspaceId: string; alertId: string },
  actor: Actor,
): Promise<{ id: string; acknowledgedAt: string }> {
  return prisma.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({
      where: { id: input.alertId, workspaceId: input.workspaceId },
      select: { id: true, objectKind: true, objectId: true, message: true, acknowledgedAt: true, endedAt: true },
    });
    if (!alert) throw new AppError("not_found", "No such alert in this workspace.");
    // Acknowledging twice is a no-op, so a double click or a retried request is harmless.
    if (alert.acknowledgedAt) return { id: alert.id, acknowledgedAt: alert.acknowledgedAt.toISOString() };
    const acknowledgedAt = new Date();
    await tx.alert.update({
      where: { id: alert.id },
      data: { acknowledgedAt, acknowledgedById: actor.userId ?? null },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "alert.acknowledge",
      objectKind: alert.objectKind,
      objectId: alert.objectId,
      before: { alertId: alert.id, message: alert.message, acknowledgedAt: null },
      after: { alertId: alert.id, acknowledgedAt: acknowledgedAt.toISOString() },
    });
    return { id: alert.id, acknowledgedAt: acknowledgedAt.toISOString() };
  });
}

async function userNames(prisma: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Display names of the objects alerts point at, keyed like the badges. */
export async function objectNames(
  prisma: Db,
  workspaceId: string,
  refs: readonly { objectKind: ObjectKind; objectId: string }[],
): Promise<Map<string, string>> {
  const idsOf = (kind: ObjectKind) => [
    ...new Set(refs.filter((ref) => ref.objectKind === kind).map((ref) => ref.objectId)),
  ];
  const names = new Map<string, string>();
  const featureViewIds = idsOf("feature_view");
  const serviceIds = idsOf("feature_service");
  const featureIds = idsOf("feature");
  const modelIds = idsOf("model");
  const [views, services, features, models] = await Promise.all([
    featureViewIds.length
      ? prisma.featureView.findMany({
          where: { workspaceId, id: { in: featureViewIds } },
          select: { id: true, name: true },
        })
      : [],
    serviceIds.length
      ? prisma.featureService.findMany({
          where: { workspaceId, id: { in: serviceIds } },
          select: { id: true, name: true },
        })
      : [],
    featureIds.length
      ? prisma.feature.findMany({
          where: { workspaceId, id: { in: featureIds } },
          select: { id: true, name: true, featureView: { select: { name: true } } },
        })
      : [],
    modelIds.length
      ? prisma.model.findMany({ where: { workspaceId, id: { in: modelIds } }, select: { id: true, name: true } })
      : [],
  ]);
  for (const view of views) names.set(alertObjectKey("feature_view", view.id), view.name);
  for (const service of services) names.set(alertObjectKey("feature_service", service.id), service.name);
  for (const feature of features)
    names.set(alertObjectKey("feature", feature.id), `${feature.featureView.name}:${feature.name}`);
  for (const model of models) names.set(alertObjectKey("model", model.id), model.name);
  return names;
}

// ---------------------------------------------------------------- evaluation

/** Window over which p99 and error rate are judged when rules are evaluated. */
export const EVALUATION_WINDOW_MS = 15 * 60_000;

interface Violation {
  objectKind: ObjectKind;
  objectId: string;
  environmentId: string;
  severity: AlertSeverity;
  message: string;
  value: number;
  threshold: number;
}

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
export async function evaluateMonitors(
  prisma: Db,
  options: {
    workspaceId: string;
    now?: Date;
    environmentIds?: string[];
    only?: { kind: "feature_view" | "feature_service" | "feature"; ids: string[] };
  },
): Promise<EvaluationResult> {
  const now = options.now ?? new Date();
  const findMonitors = () =>
    prisma.monitor.findMany({
      where: {
        workspaceId: options.workspaceId,
        enabled: true,
        ...(options.only ? { kind: { in: KINDS_FOR[options.only.kind] } } : {}),
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
  let monitors = found;
  if (monitors.length === 0) {
    await ensureDefaultMonitors(prisma, options.workspaceId);
    monitors = await findMonitors();
  }
  const result: EvaluationResult = { evaluated: 0, opened: 0, updated: 0, resolved: 0 };
  if (monitors.length === 0 || environments.length === 0) return result;
  const onlyIds = options.only?.ids;

  const kinds = new Set(monitors.map((monitor) => monitor.kind));
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
      kinds.has("statistic") ? listFeatureStatistics(prisma, { ...scope, featureIds: onlyIds }) : [],
      // Open alerts up front, so a rule whose alerts need no change costs no transaction.
      prisma.alert.findMany({
        where: {
          workspaceId: options.workspaceId,
          environmentId: environment.id,
          endedAt: null,
          monitorId: { in: monitors.map((m) => m.id) },
        },
        select: { monitorId: true, objectId: true, severity: true, value: true },
      }),
    ]);
    const featureOverrides = kinds.has("statistic")
      ? await prisma.statisticThreshold.findMany({
          where: { featureId: { in: features.map((feature) => feature.featureId) } },
          select: { featureId: true, statistic: true, alert: true },
        })
      : [];

    for (const monitor of monitors) {
      const judged: string[] = [];
      const violations: Violation[] = [];
      const applies = (id: string) => !monitor.objectId || monitor.objectId === id;
      if (monitor.kind === "freshness") {
        for (const view of views) {
          if (!applies(view.id) || view.status === "unknown" || view.slaSeconds === null) continue;
          judged.push(view.id);
          const limit = view.slaSeconds * (monitor.threshold ?? 1);
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
      } else if (monitor.kind === "latency_p99" || monitor.kind === "error_rate") {
        for (const service of services) {
          if (!applies(service.id) || service.requestCount === 0) continue;
          judged.push(service.id);
          if (monitor.kind === "latency_p99" && service.p99Ms !== null) {
            const limit = monitor.threshold ?? service.budgetMs;
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
          if (monitor.kind === "error_rate" && service.errorRate !== null) {
            const limit = monitor.threshold ?? DEFAULT_ERROR_RATE;
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
      } else if (monitor.kind === "statistic") {
        const statistic = (monitor.statistic ?? "psi") as StatisticName;
        if (!STATISTICS[statistic]) continue;
        for (const feature of features) {
          if (!applies(feature.featureId)) continue;
          const override = featureOverrides.find(
            (row) => row.featureId === feature.featureId && row.statistic === statistic,
          );
          const limit =
            override?.alert ??
            monitor.threshold ??
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
      const open = new Map(
        openNow.filter((alert) => alert.monitorId === monitor.id).map((alert) => [alert.objectId, alert]),
      );
      const violated = new Set(violations.map((violation) => violation.objectId));
      const isUnchanged =
        violations.every((violation) => {
          const existing = open.get(violation.objectId);
          return existing && existing.severity === violation.severity && existing.value === violation.value;
        }) && judged.every((id) => !open.has(id) || violated.has(id));
      if (isUnchanged) continue;
      const counts = await reconcile(prisma, {
        workspaceId: options.workspaceId,
        monitorId: monitor.id,
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

const KINDS_FOR = {
  feature_view: ["freshness"],
  feature_service: ["latency_p99", "error_rate"],
  feature: ["statistic"],
} as const satisfies Record<string, MonitorKind[]>;

async function reconcile(
  prisma: Db,
  input: {
    workspaceId: string;
    monitorId: string;
    environmentId: string;
    judged: string[];
    violations: Violation[];
    now: Date;
  },
): Promise<{ opened: number; updated: number; resolved: number }> {
  if (input.judged.length === 0) return { opened: 0, updated: 0, resolved: 0 };
  return prisma.$transaction(async (tx) => {
    // Two ingestion requests evaluating the same rule at once must not both open an alert.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alert:${input.monitorId}:${input.environmentId}`}))`;
    const open = await tx.alert.findMany({
      where: {
        monitorId: input.monitorId,
        environmentId: input.environmentId,
        endedAt: null,
        objectId: { in: input.judged },
      },
      select: { id: true, objectId: true, severity: true, value: true },
    });
    const openBy = new Map(open.map((alert) => [alert.objectId, alert]));
    const violated = new Set(input.violations.map((violation) => violation.objectId));
    let opened = 0;
    let updated = 0;
    for (const violation of input.violations) {
      const existing = openBy.get(violation.objectId);
      if (existing) {
        if (existing.severity !== violation.severity || existing.value !== violation.value) {
          await tx.alert.update({
            where: { id: existing.id },
            data: {
              severity: violation.severity,
              value: violation.value,
              threshold: violation.threshold,
              message: violation.message,
            },
          });
          updated++;
        }
        continue;
      }
      await tx.alert.create({
        data: { workspaceId: input.workspaceId, monitorId: input.monitorId, startedAt: input.now, ...violation },
      });
      opened++;
    }
    const healthy = open.filter((alert) => !violated.has(alert.objectId)).map((alert) => alert.id);
    if (healthy.length > 0) await tx.alert.updateMany({ where: { id: { in: healthy } }, data: { endedAt: input.now } });
    return { opened, updated, resolved: healthy.length };
  });
}

/** A workspace without any rule gets the four default ones, so ingestion raises alerts out of the box. */
export async function ensureDefaultMonitors(prisma: Db, workspaceId: string): Promise<void> {
  const count = await prisma.monitor.count({ where: { workspaceId } });
  if (count > 0) return;
  await prisma.monitor.createMany({
    data: DEFAULT_MONITORS.map((monitor) => ({
      workspaceId,
      ...monitor,
      statistic: monitor.statistic,
      threshold: monitor.threshold,
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
