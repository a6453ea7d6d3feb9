import { ObjectHealthBadge } from "@/components/health/object-health-badge";
import type { ModelHealthDetail, ServiceHealthDetail } from "@/lib/data/service-health";
import { monitoringHref } from "@/lib/routes";

/** A catalog row's service or model health badge, linking to its monitoring view; nothing for other kinds. */
export function RowHealth({
  kind,
  id,
  health,
}: {
  kind: string;
  id: string;
  health: { services: Map<string, ServiceHealthDetail>; models: Map<string, ModelHealthDetail> };
}) {
  const found =
    kind === "feature_service" ? health.services.get(id) : kind === "model" ? health.models.get(id) : undefined;
  if (!found) return null;
  return <ObjectHealthBadge health={found} href={monitoringHref(kind, id)} />;
}
