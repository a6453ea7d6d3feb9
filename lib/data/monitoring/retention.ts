import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { DEFAULT_RAW_RETENTION_DAYS, RAW_RETENTION_SETTING, getRawRetentionDays } from "@/lib/data/ingest";

export async function getRetentionSettings(prisma: Db) {
  return { rawRetentionDays: await getRawRetentionDays(prisma), defaultRawRetentionDays: DEFAULT_RAW_RETENTION_DAYS };
}

export async function setRawRetentionDays(prisma: Db, input: { workspaceId: string; days: number }, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSetting.findUnique({ where: { key: RAW_RETENTION_SETTING }, select: { value: true } });
    await tx.appSetting.upsert({
      where: { key: RAW_RETENTION_SETTING },
      create: { key: RAW_RETENTION_SETTING, value: String(input.days) },
      update: { value: String(input.days) },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "setting.update",
      objectKind: "app_setting",
      objectName: RAW_RETENTION_SETTING,
      before: before ? { value: before.value } : null,
      after: { value: String(input.days) },
    });
  });
}
