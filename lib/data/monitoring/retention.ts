import "server-only";
import { recordAudit, type Actor } from "@/lib/data/audit";
import type { Db } from "@/lib/db";
import { DEFAULT_RAW_RETENTION_DAYS, RAW_RETENTION_SETTING, getRawRetentionDays } from "@/lib/data/ingest";

export async function getRetentionSettings(prisma: Db, workspaceId: string) {
  return {
    rawRetentionDays: await getRawRetentionDays(prisma, workspaceId),
    defaultRawRetentionDays: DEFAULT_RAW_RETENTION_DAYS,
  };
}

/** Sets one workspace's retention, audited in that workspace; no other workspace is affected. */
export async function setRawRetentionDays(prisma: Db, input: { workspaceId: string; days: number }, actor: Actor) {
  const key = { workspaceId_key: { workspaceId: input.workspaceId, key: RAW_RETENTION_SETTING } };
  await prisma.$transaction(async (tx) => {
    const before = await tx.workspaceSetting.findUnique({ where: key, select: { value: true } });
    await tx.workspaceSetting.upsert({
      where: key,
      create: { workspaceId: input.workspaceId, key: RAW_RETENTION_SETTING, value: String(input.days) },
      update: { value: String(input.days) },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "setting.update",
      objectKind: "workspace_setting",
      objectName: RAW_RETENTION_SETTING,
      before: before ? { value: before.value } : null,
      after: { value: String(input.days) },
    });
  });
}
