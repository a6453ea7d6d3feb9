"use client";

import type { JobView } from "@/lib/jobs/queue";

const PHASE_LABELS: Record<string, string> = {
  queued: "Waiting to start",
  starting: "Starting",
  planning: "Comparing with the registry",
  "checking the registry": "Checking the registry",
  "reading registry": "Reading the registry",
  writing: "Writing new versions",
  "recording versions": "Recording versions",
  "indexing for search": "Indexing for search",
  "materialization history": "Recording materialization history",
  done: "Done",
  failed: "Failed",
};

export function phaseLabel(phase: string | null): string {
  if (!phase) return "Working";
  return PHASE_LABELS[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1);
}

/**
 * A job's progress: a bar with done / total when the job knows its total (indeterminate
 * before), and the phase in words. Announced politely to screen readers.
 */
export function JobProgress({ job, label }: { job: Pick<JobView, "state" | "progress">; label: string }) {
  const { phase, done, total } = job.progress;
  const known = total !== null && total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="space-y-1 text-sm" data-testid="job-progress">
      <div className="flex items-baseline justify-between gap-3">
        <span aria-live="polite">
          {label}: {phaseLabel(job.state === "queued" ? "queued" : phase)}
        </span>
        {known ? (
          <span className="tabular-nums text-slate-600">
            {done.toLocaleString()} / {total.toLocaleString()}
          </span>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={`${phaseLabel(phase)}${known ? `, ${done} of ${total}` : ""}`}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-brand-600 transition-[width] duration-300 ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${Math.max(percent, 3)}%` }}
        />
      </div>
    </div>
  );
}
