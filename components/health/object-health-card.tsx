import Link from "next/link";
import { HealthReasons } from "@/components/health/health-reasons";
import { ObjectHealthBadge } from "@/components/health/object-health-badge";
import { Card } from "@/components/ui/card";
import type { ObjectHealth } from "@/lib/monitoring/health";
import { monitoringHref } from "@/lib/routes";

const SHOWN_REASONS = 5;

/** A service's or model's health on its catalog page: the badge, the first reasons, a link to its monitoring view. */
export function ObjectHealthCard({
  kind,
  id,
  health,
  environmentName,
}: {
  kind: "feature_service" | "model";
  id: string;
  health: ObjectHealth;
  environmentName: string;
}) {
  const more = health.reasons.length - SHOWN_REASONS;
  return (
    <Card
      title={`Health in ${environmentName}`}
      testId="object-health-card"
      action={<ObjectHealthBadge health={health} href={monitoringHref(kind, id)} />}
    >
      <HealthReasons reasons={health.reasons.slice(0, SHOWN_REASONS)} state={health.state} />
      <p className="mt-2 text-sm">
        <Link href={monitoringHref(kind, id)} className="text-brand-700 hover:underline">
          {more > 0 ? `${more} more reason${more === 1 ? "" : "s"} in its monitoring view` : "Open its monitoring view"}
        </Link>
      </p>
    </Card>
  );
}
