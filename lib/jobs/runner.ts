import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { runAsLongWrite } from "@/lib/db/long-write";
import { AppError } from "@/lib/errors";
import {
  claimNextJob,
  completeJob,
  failJob,
  JOB_LEASE_MS,
  MAX_JOB_ATTEMPTS,
  noteProgressHere,
  recordJobProgress,
  type ClaimedJob,
  type JobProgress,
} from "./queue";

/*
 * Runs queued jobs in this server process, one at a time (the machine's cores serve pages too).
 * Each instance polls; a request that queues a job wakes its own instance's runner at once.
 */

export interface JobContext {
  prisma: Db;
  job: ClaimedJob;
  /**
   * Records progress without waiting for it: on the embedded database a write queued behind the
   * job's own transaction would otherwise wait for that transaction, i.e. forever.
   */
  progress(update: Partial<JobProgress>): void;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobOutcome {
  id: string;
  kind: string;
  state: "succeeded" | "failed";
}

/**
 * Writes the latest progress, at most one write in flight, and renews the lease on a timer so
 * a long transaction does not let the claim lapse.
 */
function progressWriter(prisma: Db, jobId: string, instanceId: string, leaseMs: number) {
  let pending: Partial<JobProgress> | null = null;
  let inFlight: Promise<void> | null = null;
  const pump = () => {
    if (inFlight || !pending) return;
    const update = pending;
    pending = null;
    inFlight = recordJobProgress(prisma, jobId, instanceId, update, leaseMs)
      .then(() => undefined)
      .catch((error: unknown) => console.error(`featureline: job ${jobId} progress not recorded: ${String(error)}`))
      .finally(() => {
        inFlight = null;
        pump();
      });
  };
  const heartbeat = setInterval(
    () => {
      pending = { ...pending };
      pump();
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();
  return {
    push(update: Partial<JobProgress>) {
      pending = { ...pending, ...update };
      noteProgressHere(jobId, update);
      pump();
    },
    /** Stops the heartbeat and waits for writes in flight (so a late one never follows the result). */
    async close() {
      clearInterval(heartbeat);
      noteProgressHere(jobId, null);
      pending = null;
      while (inFlight) await inFlight;
    },
  };
}

/** Claims and runs one job, if any is runnable; returns what happened to it. */
export async function runNextJob(
  prisma: Db,
  handlers: JobHandlers,
  instanceId: string,
  leaseMs: number = JOB_LEASE_MS,
): Promise<JobOutcome | null> {
  const job = await claimNextJob(prisma, instanceId, leaseMs);
  if (!job) return null;
  const handler = handlers[job.kind];
  if (!handler || job.attempts > MAX_JOB_ATTEMPTS) {
    const message = handler
      ? `The server stopped ${MAX_JOB_ATTEMPTS} times while running this job; it was given up. Nothing it would have changed was written.`
      : `No runner for jobs of kind "${job.kind}" on this server.`;
    await failJob(prisma, job.id, instanceId, new AppError("unavailable", message));
    return { id: job.id, kind: job.kind, state: "failed" };
  }
  const writer = progressWriter(prisma, job.id, instanceId, leaseMs);
  try {
    // A job's write may be long: on the embedded database other requests read a snapshot meanwhile.
    const result = await runAsLongWrite(() => handler({ prisma, job, progress: writer.push }));
    await writer.close();
    await completeJob(prisma, job.id, instanceId, result);
    return { id: job.id, kind: job.kind, state: "succeeded" };
  } catch (error) {
    await writer.close();
    if (!(error instanceof AppError)) console.error(`featureline: job ${job.id} (${job.kind}) failed:`, error);
    await failJob(prisma, job.id, instanceId, error);
    return { id: job.id, kind: job.kind, state: "failed" };
  }
}

export interface RunningJobRunner {
  instanceId: string;
  /** Looks for work now rather than at the next poll (a request on this instance queued a job). */
  wake(): void;
  /** Stops polling and waits for the job in progress. */
  stop(): Promise<void>;
}

export function startJobRunner(
  prisma: Db,
  handlers: JobHandlers,
  options: { pollMs: number; instanceId?: string; leaseMs?: number; onJob?: (outcome: JobOutcome) => void },
): RunningJobRunner {
  const instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let draining: Promise<void> | null = null;
  let wokenWhileDraining = false;

  const drain = () => {
    if (stopped) return;
    if (draining) {
      wokenWhileDraining = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    draining = (async () => {
      try {
        do {
          wokenWhileDraining = false;
          let outcome: JobOutcome | null;
          while (!stopped && (outcome = await runNextJob(prisma, handlers, instanceId, options.leaseMs))) {
            options.onJob?.(outcome);
          }
        } while (wokenWhileDraining && !stopped);
      } catch (error) {
        if (!stopped) console.error(`featureline: job runner poll failed: ${(error as Error).message}`);
      }
    })().finally(() => {
      draining = null;
      if (stopped) return;
      timer = setTimeout(drain, options.pollMs);
      timer.unref();
    });
  };
  drain();

  return {
    instanceId,
    wake: drain,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await draining;
    },
  };
}
