import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StatisticName } from "@/lib/monitoring/stats";

export const DEFAULT_MONITORS = [
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

export async function listMonitors(prisma: Db, options: { workspaceId: string }) {
  const monitors = await prisma.monitor.findMany({
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
    by: ["monitorId"],
    where: { workspaceId: options.workspaceId, endedAt: null },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((row) => [row.monitorId, row._count._all]));
  return monitors.map((monitor) => ({
    ...monitor,
    createdAt: monitor.createdAt.toISOString(),
    openAlerts: openBy.get(monitor.id) ?? 0,
  }));
}

export async function createMonitor(
  prisma: Db,
  input: {
    workspaceId: string;
    name: string;
    kind: "freshness" | "latency_p99" | "error_rate" | "statistic";
    objectId?: string;
    statistic?: StatisticName;
    threshold?: number;
  },
  actor: Actor,
) {
  const objectKind =
    input.kind === "freshness" ? "feature_view" : input.kind === "statistic" ? "feature" : "feature_service";
  return prisma.$transaction(async (tx) => {
    if (input.objectId) {
      const exists =
        objectKind === "feature_view"
          ? await tx.featureView.count({ where: { id: input.objectId, workspaceId: input.workspaceId } })
          : objectKind === "feature"
            ? await tx.feature.count({ where: { id: input.objectId, workspaceId: input.workspaceId } })
            : await tx.featureService.count({ where: { id: input.objectId, workspaceId: input.workspaceId } });
      if (!exists)
        throw new AppError("unprocessable", "objectId: no such object in this workspace", {
          fields: [{ path: "objectId", message: "Unknown object" }],
        });
    }
    const monitor = await tx.monitor.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        kind: input.kind,
        objectKind,
        objectId: input.objectId ?? null,
        statistic: input.kind === "statistic" ? (input.statistic ?? "psi") : null,
        threshold: input.threshold ?? null,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "monitor.create",
      objectKind: "monitor",
      objectId: monitor.id,
      objectName: monitor.name,
      after: input,
    });
    return monitor;
  });
}

export async function setMonitorEnabled(
  prisma: Db,
  input: { workspaceId: string; monitorId: string; enabled: boolean },
  actor: Actor,
) {
  await prisma.$transaction(async (tx) => {
    const monitor = await tx.monitor.findFirst({
      where: { id: input.monitorId, workspaceId: input.workspaceId },
      select: { id: true, name: true, enabled: true },
    });
    if (!monitor) throw new AppError("not_found", "No such rule in this workspace.");
    await tx.monitor.update({ where: { id: monitor.id }, data: { enabled: input.enabled } });
    // A disabled rule's alerts end now: nothing watches their condition any more.
    if (!input.enabled)
      await tx.alert.updateMany({ where: { monitorId: monitor.id, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: input.enabled ? "monitor.enable" : "monitor.disable",
      objectKind: "monitor",
      objectId: monitor.id,
      objectName: monitor.name,
      before: { enabled: monitor.enabled },
      after: { enabled: input.enabled },
    });
  });
}
