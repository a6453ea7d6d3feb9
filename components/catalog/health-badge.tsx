import { Badge } from "@/components/ui/badge";
import type { HealthState } from "@/lib/search/types";

const TONES = { fresh: "good", stale: "bad", drifting: "warn" } as const;

export function HealthBadge({ health }: { health: HealthState | null }) {
  if (!health) return null;
  return <Badge tone={TONES[health]}>{health}</Badge>;
}
