import { Badge, type Tone } from "@/components/ui/badge";
import type { PromotionState } from "@/lib/promotions/state-machine";

const TONES: Record<PromotionState, Tone> = {
  open: "info",
  approved: "warn",
  applied: "good",
  rejected: "bad",
  withdrawn: "neutral",
};

export function StateBadge({ state }: { state: PromotionState }) {
  return <Badge tone={TONES[state]}>{state}</Badge>;
}

const CHECK_TONES = { pass: "good", warn: "warn", fail: "bad" } as const;

export function CheckBadge({ status, blocking }: { status: "pass" | "warn" | "fail"; blocking: boolean }) {
  return (
    <Badge tone={CHECK_TONES[status]} title={blocking ? "A failure blocks applying" : "Advisory: never blocks"}>
      {status}
      {blocking && status === "fail" ? " · blocking" : ""}
    </Badge>
  );
}
