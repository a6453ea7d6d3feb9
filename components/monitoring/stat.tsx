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
