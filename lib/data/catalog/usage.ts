import "server-only";
import type { Db } from "@/lib/db";

export interface UsageInfo {
  services: { id: string; name: string; latencyBudgetMs: number | null }[];
  models: { id: string; name: string; version: string; serviceId: string }[];
}

export async function featureUsage(prisma: Db, workspaceId: string, featureIds: string[]): Promise<UsageInfo> {
  const links = await prisma.featureServiceFeature.findMany({
    where: { featureId: { in: featureIds }, featureService: { workspaceId } },
    select: { featureService: { select: { id: true, name: true, latencyBudgetMs: true } } },
  });
  const services = [...new Map(links.map((l) => [l.featureService.id, l.featureService])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const modelLinks = services.length
    ? await prisma.modelFeatureService.findMany({
        where: { featureServiceId: { in: services.map((s) => s.id) }, model: { workspaceId } },
        select: { featureServiceId: true, model: { select: { id: true, name: true, version: true } } },
      })
    : [];
  const models = [
    ...new Map(modelLinks.map((l) => [l.model.id, { ...l.model, serviceId: l.featureServiceId }])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return { services, models };
}
