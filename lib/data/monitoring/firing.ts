import "server-only";
import type { Db } from "@/lib/db";
import type { ObjectKind } from "@/lib/generated/prisma/enums";
import type { FiringAlert } from "@/lib/monitoring/summary";

/**
 * The worst alert still firing on an object in an environment (acknowledged and snoozed ones
 * included: they still fire), so a dashboard's summary never looks healthy while one does.
 */
export async function findFiringAlert(
  prisma: Db,
  options: { workspaceId: string; environmentId: string; objectKind: ObjectKind; objectId: string },
): Promise<FiringAlert | null> {
  const alerts = await prisma.alert.findMany({
    where: { ...options, endedAt: null },
    orderBy: { startedAt: "asc" },
    select: { id: true, severity: true, startedAt: true, message: true },
  });
  const worst = alerts.find((alert) => alert.severity === "critical") ?? alerts[0];
  return worst ? { ...worst, startedAt: worst.startedAt.toISOString() } : null;
}
