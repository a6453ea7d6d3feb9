import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ThresholdFormInput } from "@/lib/validations/monitoring";

/** Replaces a feature's threshold overrides (audited); `reset` statistics go back to the defaults. */
export async function saveThresholdOverrides(
  prisma: Db,
  input: ThresholdFormInput & { workspaceId: string },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const feature = await tx.feature.findFirst({
      where: { id: input.featureId, workspaceId: input.workspaceId },
      select: { id: true, name: true, featureView: { select: { name: true } } },
    });
    if (!feature) throw new AppError("not_found", "No such feature in this workspace.");
    const before = await tx.statisticThreshold.findMany({
      where: { featureId: feature.id },
      select: { statistic: true, warn: true, alert: true },
    });
    for (const statistic of input.reset)
      await tx.statisticThreshold.deleteMany({ where: { featureId: feature.id, statistic } });
    for (const threshold of input.thresholds) {
      if (input.reset.includes(threshold.statistic)) continue;
      await tx.statisticThreshold.upsert({
        where: { featureId_statistic: { featureId: feature.id, statistic: threshold.statistic } },
        create: { featureId: feature.id, ...threshold },
        update: { warn: threshold.warn, alert: threshold.alert },
      });
    }
    const after = await tx.statisticThreshold.findMany({
      where: { featureId: feature.id },
      select: { statistic: true, warn: true, alert: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "feature.thresholds.update",
      objectKind: "feature",
      objectId: feature.id,
      objectName: `${feature.featureView.name}:${feature.name}`,
      before,
      after,
    });
  });
}

/** Pins (or with null, unpins) the window whose online profiles are the feature's drift baseline. */
export async function setDriftBaseline(
  prisma: Db,
  input: { workspaceId: string; featureId: string; environmentId: string; window: { start: Date; end: Date } | null },
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const feature = await tx.feature.findFirst({
      where: { id: input.featureId, workspaceId: input.workspaceId },
      select: { id: true, name: true },
    });
    const environment = await tx.environment.findFirst({
      where: { id: input.environmentId, workspaceId: input.workspaceId },
      select: { id: true },
    });
    if (!feature || !environment) throw new AppError("not_found", "No such feature or environment in this workspace.");
    const key = { featureId_environmentId: { featureId: feature.id, environmentId: environment.id } };
    if (input.window) {
      if (input.window.end <= input.window.start)
        throw new AppError("unprocessable", "The window must end after it starts.", {
          fields: [{ path: "windowEnd", message: "Must be after the start" }],
        });
      const data = {
        windowStart: input.window.start,
        windowEnd: input.window.end,
        pinnedById: actor.userId ?? null,
        pinnedAt: new Date(),
      };
      await tx.driftBaseline.upsert({
        where: key,
        create: { featureId: feature.id, environmentId: environment.id, ...data },
        update: data,
      });
    } else {
      await tx.driftBaseline.deleteMany({ where: { featureId: feature.id, environmentId: environment.id } });
    }
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: input.window ? "feature.drift_baseline.pin" : "feature.drift_baseline.unpin",
      objectKind: "feature",
      objectId: feature.id,
      objectName: feature.name,
      after: input.window
        ? { windowStart: input.window.start.toISOString(), windowEnd: input.window.end.toISOString() }
        : null,
    });
  });
}
