"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/fetch-json";
import type { JobView } from "@/lib/jobs/queue";

/** How often a job that has not ended is asked for again. */
export const JOB_POLL_MS = 500;

export const jobKeys = {
  all: ["jobs"] as const,
  detail: (id: string) => ["jobs", id] as const,
};

export const isJobFinished = (job: Pick<JobView, "state"> | undefined) =>
  job?.state === "succeeded" || job?.state === "failed";

/**
 * Polls a background job until it has succeeded or failed. `accepted` (the 202 answer) is shown
 * until the first poll answers, which on the embedded database may wait for the job's writes.
 */
export function useJob(id: string | null, accepted?: AcceptedJob["job"]) {
  return useQuery({
    queryKey: jobKeys.detail(id ?? "none"),
    queryFn: ({ signal }) => fetchJson<{ job: JobView }>(`/api/v1/jobs/${encodeURIComponent(id!)}`, { signal }),
    enabled: id !== null,
    staleTime: 0,
    placeholderData: accepted && accepted.id === id ? { job: fromAccepted(accepted) } : undefined,
    select: (data) => data.job,
    refetchInterval: (query) => (isJobFinished(query.state.data?.job) ? false : JOB_POLL_MS),
    // A slow answer while the registry is busy is normal: keep polling rather than erroring out.
    retry: 5,
  });
}

/** A write that answered 202 Accepted: the job to poll. */
export interface AcceptedJob {
  job: Pick<JobView, "id" | "state" | "progress" | "url">;
}

function fromAccepted(accepted: AcceptedJob["job"]): JobView {
  return { ...accepted, kind: "", result: null, error: null, createdAt: "", startedAt: null, finishedAt: null };
}
