import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RuleKind } from "@/lib/generated/prisma/enums";
import type { StatisticName } from "@/lib/monitoring/stats";
import { objectNames } from "@/lib/data/alerts/names";
import { resolveRuleObject, ruleObjectKind } from "./rule-objects";

export const DEFAULT_RULES = [
  {
    name: "Feature view freshness within SLA",
    kind: "freshness",
    objectKind: "feature_view",
    statistic: null,
    threshold: null,
  },
  {
    name: "Serving p99 within latency budget",
    kind: "latency_p99",
    objectKind: "feature_service",
    statistic: null,
    threshold: null,
  },
  {
    name: "Serving error rate below 1%",
    kind: "error_rate",
    objectKind: "feature_service",
    statistic: null,
    threshold: 0.01,
  },
  { name: "Feature drift or skew (PSI)", kind: "statistic", objectKind: "feature", statistic: "psi", threshold: null },
] as const;

export async function listRules(prisma: Db, options: { workspaceId: string }) {
  const rules = await prisma.alertRule.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      objectKind: true,
      objectId: true,
      statistic: true,
      threshold: true,
      enabled: true,
      createdAt: true,
    },
  });
  const open = await prisma.alert.groupBy({
    by: ["ruleId"],
    where: { workspaceId: options.workspaceId, endedAt: null },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((row) => [row.ruleId, row._count._all]));
  const names = await objectNames(
    prisma,
    options.workspaceId,
    rules.flatMap((rule) =>
      rule.objectId ? [{ objectKind: ruleObjectKind(rule.kind), objectId: rule.objectId }] : [],
    ),
  );
  return rules.map((rule) => ({
    ...rule,
    objectName: rule.objectId ? (names.get(`${ruleObjectKind(rule.kind)}:${rule.objectId}`) ?? null) : null,
    createdAt: rule.createdAt.toISOString(),
    openAlerts: openBy.get(rule.id) ?? 0,
  }));
}

export async function createRule(
  prisma: Db,
  input: {
    workspaceId: string;
    name: string;
    kind: RuleKind;
    /** The object's name (a feature as `view:feature`); empty: every object of the kind. */
    object?: string;
    statistic?: StatisticName;
    threshold?: number;
  },
  actor: Actor,
) {
  const objectKind = ruleObjectKind(input.kind);
  return prisma.$transaction(async (tx) => {
    const objectId = input.object ? await resolveRuleObject(tx, input.workspaceId, objectKind, input.object) : null;
    const rule = await tx.alertRule.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        kind: input.kind,
        objectKind,
        objectId,
        statistic: input.kind === "statistic" ? (input.statistic ?? "psi") : null,
        threshold: input.threshold ?? null,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "rule.create",
      objectKind: "rule",
      objectId: rule.id,
      objectName: rule.name,
      after: input,
    });
    return rule;
  });
}

export async function setRuleEnabled(
  prisma: Db,
  input: { workspaceId: string; ruleId: string; enabled: boolean },
  actor: Actor,
) {
  await prisma.$transaction(async (tx) => {
    const rule = await tx.alertRule.findFirst({
      where: { id: input.ruleId, workspaceId: input.workspaceId },
      select: { id: true, name: true, enabled: true },
    });
    if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
    await tx.alertRule.update({ where: { id: rule.id }, data: { enabled: input.enabled } });
    // A disabled rule's alerts end now: nothing watches their condition any more.
    if (!input.enabled)
      await tx.alert.updateMany({
        where: { ruleId: rule.id, endedAt: null },
        data: { endedAt: new Date(), resolution: "rule_disabled" },
      });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: input.enabled ? "rule.enable" : "rule.disable",
      objectKind: "rule",
      objectId: rule.id,
      objectName: rule.name,
      before: { enabled: rule.enabled },
      after: { enabled: input.enabled },
    });
  });
}

/** Edits a rule's name, object, statistic and threshold (its kind stays: it decides what it watches). */
export async function updateRule(
  prisma: Db,
  input: {
    workspaceId: string;
    ruleId: string;
    name: string;
    object?: string;
    statistic?: StatisticName;
    threshold?: number;
  },
  actor: Actor,
) {
  return prisma.$transaction(async (tx) => {
    const rule = await tx.alertRule.findFirst({ where: { id: input.ruleId, workspaceId: input.workspaceId } });
    if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
    const objectKind = ruleObjectKind(rule.kind);
    const objectId = input.object ? await resolveRuleObject(tx, input.workspaceId, objectKind, input.object) : null;
    const after = {
      name: input.name,
      objectId,
      statistic: rule.kind === "statistic" ? (input.statistic ?? "psi") : null,
      threshold: input.threshold ?? null,
    };
    await tx.alertRule.update({ where: { id: rule.id }, data: after });
    // A rule that now watches something else ends the alerts of what it no longer watches.
    if (objectId && objectId !== rule.objectId)
      await tx.alert.updateMany({
        where: { ruleId: rule.id, endedAt: null, objectId: { not: objectId } },
        data: { endedAt: new Date(), resolution: "rule_disabled" },
      });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "rule.update",
      objectKind: "rule",
      objectId: rule.id,
      objectName: input.name,
      before: { name: rule.name, objectId: rule.objectId, statistic: rule.statistic, threshold: rule.threshold },
      after,
    });
    return { id: rule.id, name: input.name };
  });
}

export async function getRule(prisma: Db, options: { workspaceId: string; ruleId: string }) {
  const rule = (await listRules(prisma, options)).find((candidate) => candidate.id === options.ruleId);
  if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
  return rule;
}
