import Link from "next/link";
import type { SummaryTone } from "@/lib/monitoring/summary";

const COLOR: Record<SummaryTone, string> = {
  good: "text-emerald-700",
  warn: "text-amber-700",
  bad: "text-red-700",
  neutral: "text-slate-900",
};

/** One headline number of a monitoring dashboard; `note` says in words what its colour means. */
export function Stat({
  label,
  value,
  tone,
  note,
  testId,
}: {
  label: string;
  value: string;
  tone?: SummaryTone;
  note?: React.ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      data-testid={testId}
      data-tone={tone ?? "neutral"}
    >
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`text-xl font-semibold tabular-nums ${COLOR[tone ?? "neutral"]}`}>{value}</div>
      {note ? <div className="mt-1 text-xs text-slate-600">{note}</div> : null}
    </div>
  );
}

/** The words under a summary figure: its state, its worst window, and the firing alert's link. */
export function SummaryNote({
  label,
  worst,
  firingAlertId,
}: {
  label: string;
  worst: string | null;
  firingAlertId: string | null;
}) {
  return (
    <>
      <span data-testid="summary-state">{label}</span>
      {worst ? ` · ${worst}` : null}
      {firingAlertId ? (
        <>
          {" · "}
          <Link className="text-brand-700 hover:underline" href={`/monitoring/alerts/${firingAlertId}`}>
            see the alert
          </Link>
        </>
      ) : null}
    </>
  );
}
