import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appJobHandlers } from "./kinds";
import { AppError } from "@/lib/errors";
import { enqueueJob, findUnfinishedJob, type JobView } from "./queue";
import { startJobRunner, type RunningJobRunner } from "./runner";

const globalForJobs = globalThis as typeof globalThis & { __featurelineJobRunner?: RunningJobRunner };

/** Starts this server process's job runner, once. Off with FEATURELINE_JOBS=0. */
export function startAppJobRunner(): RunningJobRunner | null {
  const config = env();
  if (config.FEATURELINE_JOBS === "0") return null;
  if (globalForJobs.__featurelineJobRunner) return globalForJobs.__featurelineJobRunner;
  const runner = startJobRunner(db(), appJobHandlers, { pollMs: config.FEATURELINE_JOB_POLL_MS });
  globalForJobs.__featurelineJobRunner = runner;
  console.log(`featureline: job runner started (instance ${runner.instanceId})`);
  return runner;
}

/** A request queued a job: this instance starts it now rather than at its next poll. */
export function wakeJobRunner(): void {
  globalForJobs.__featurelineJobRunner?.wake();
}

/** Queues a job and wakes this instance's runner. */
export async function queueJob(job: Parameters<typeof enqueueJob>[1]): Promise<JobView> {
  const view = await enqueueJob(db(), job);
  wakeJobRunner();
  return view;
}

/** "Sync now" as a job: 404 without a connection; a sync already queued or running is joined. */
export async function queueFeastSync(workspaceId: string, userId: string | null): Promise<JobView> {
  const prisma = db();
  if ((await prisma.feastRegistryConnection.count({ where: { workspaceId } })) === 0) {
    throw new AppError("not_found", "This workspace is not connected to a Feast registry.");
  }
  const unfinished = await findUnfinishedJob(prisma, workspaceId, "feast-sync");
  if (unfinished) return unfinished;
  return queueJob({ kind: "feast-sync", workspaceId, input: {}, createdById: userId });
}
