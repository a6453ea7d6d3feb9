import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { HEALTH_STATE_LABELS, type ObjectHealthState } from "@/lib/monitoring/health";

/** What the badge reads of a health: a list row sends just this to the browser. */
export interface BadgeHealth {
  state: ObjectHealthState;
  reasons: { message: string }[];
}

const TONES: Record<ObjectHealthState, Tone> = { healthy: "good", at_risk: "warn", failing: "bad", no_data: "neutral" };
/** A shape beside the colour, so the state reads without colour too. */
const MARKS: Record<ObjectHealthState, string> = { healthy: "●", at_risk: "▲", failing: "✕", no_data: "○" };

/**
 * A service's or model's health: the state in words, its reasons as the tooltip and for screen
 * readers, and a link to the object's monitoring view when given.
 */
export function ObjectHealthBadge({ health, href }: { health: BadgeHealth; href?: string }) {
  const { state, reasons } = health;
  const summary = reasons.length
    ? reasons.map((reason) => reason.message).join("\n")
    : state === "no_data"
      ? "Nothing measured in this environment"
      : "Every measured signal is within its limit";
  // relative: the sr-only text is absolutely positioned; without a positioned ancestor inside a
  // scrolling table it escapes the table's scroller and widens the whole page on phones.
  const badge = (
    <span data-testid="object-health" data-state={state} title={summary} className="relative inline-flex">
      <Badge tone={TONES[state]}>
        <span aria-hidden="true" className="mr-1">
          {MARKS[state]}
        </span>
        {HEALTH_STATE_LABELS[state]}
        {reasons.length ? <span className="ml-1 font-normal">· {reasons.length}</span> : null}
        <span className="sr-only">
          {reasons.length ? `: ${reasons.length} reason${reasons.length === 1 ? "" : "s"}. ${summary}` : `. ${summary}`}
        </span>
      </Badge>
    </span>
  );
  return href ? (
    <Link href={href} className="rounded-full focus-visible:outline focus-visible:outline-2">
      {badge}
    </Link>
  ) : (
    badge
  );
}
