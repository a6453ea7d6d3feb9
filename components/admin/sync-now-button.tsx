"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { JobProgress } from "@/components/jobs/job-progress";
import { isJobFinished, useJob, type AcceptedJob } from "@/components/jobs/use-job";
import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/lib/fetch-json";

interface SyncRun {
  status: string;
  created: number;
  updated: number;
  removed: number;
  skipped: number;
}

type Message = { tone: "good" | "bad"; text: string } | null;

function describeRun(run: SyncRun): string {
  return run.status === "unchanged"
    ? "The registry has not changed since the last sync."
    : `Synced: ${run.created} created, ${run.updated} updated, ${run.removed} removed, ${run.skipped} skipped.`;
}

/**
 * "Sync now" runs as a background job: the button shows its progress while it runs (also after
 * a reload, from `runningJobId`), then the outcome, and refreshes the history.
 */
export function SyncNowButton({ runningJobId }: { runningJobId: string | null }) {
  const router = useRouter();
  const [jobId, setJobId] = useState<string | null>(runningJobId);
  const [accepted, setAccepted] = useState<AcceptedJob["job"] | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const { data: job, error } = useJob(jobId, accepted);
  const finished = isJobFinished(job);

  // A finished sync changed the history table (and maybe the catalog): re-render the page.
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  const message: Message = startError
    ? { tone: "bad", text: startError }
    : job?.state === "succeeded"
      ? { tone: "good", text: describeRun((job.result as { run: SyncRun }).run) }
      : job?.state === "failed"
        ? { tone: "bad", text: job.error?.message ?? "The sync failed." }
        : error
          ? { tone: "bad", text: `The sync's progress could not be read: ${error.message}` }
          : null;

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const answer = await fetchJson<AcceptedJob>("/api/v1/feast/registry/sync?async=1", { method: "POST" });
      setAccepted(answer.job);
      setJobId(answer.job.id);
    } catch (caught) {
      setStartError(caught instanceof ApiError ? caught.message : "The server could not be reached. Try again.");
    } finally {
      setStarting(false);
    }
  };

  const running = jobId !== null && !finished && !error;
  return (
    <div className="flex min-w-64 flex-col gap-2">
      <div className="flex items-center gap-3">
        <Button type="button" variant="secondary" disabled={starting || running} onClick={() => void start()}>
          {starting || running ? "Syncing…" : "Sync now"}
        </Button>
        {message ? (
          <p
            role={message.tone === "bad" ? "alert" : "status"}
            className={message.tone === "bad" ? "text-sm text-red-700" : "text-sm text-emerald-700"}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      {running && job ? <JobProgress job={job} label="Sync" /> : null}
    </div>
  );
}
