import "server-only";
import type { Actor } from "@/lib/data/audit";
import { applyRepository, importFeastRegistry, type ApplyProgressReporter } from "@/lib/data/definitions";
import { syncFeastRegistryNow } from "@/lib/data/feast-sync";
import type { RepositoryDocument } from "@/lib/definitions/schema";
import { yieldToEventLoop } from "@/lib/db/long-write";
import { AppError } from "@/lib/errors";
import { type JobContext, type JobHandlers } from "./runner";

/*
 * What each kind of job runs. Inputs are what the request stored when it queued the job (already
 * parsed and authorised there); the work is the same function the synchronous request calls, so
 * a job and a direct call write exactly the same versions, audit and history.
 */

export interface ApplyJobInput {
  actor: Actor;
  document: RepositoryDocument;
  prune?: boolean;
  message?: string;
}

export interface FeastImportJobInput {
  actor: Actor;
  /** The workspace written to (may differ from the job's, which is the caller's). */
  targetWorkspaceId: string;
  targetWorkspaceSlug: string;
  newWorkspace: boolean;
  dump: unknown;
  dryRun: boolean;
  environment?: string;
}

/** Forwards the write path's phases to the job, counting from where the job is. */
function reporter(context: JobContext): ApplyProgressReporter {
  return ({ phase, done, total }) => context.progress({ phase, done, total });
}

async function runApply(context: JobContext) {
  const input = context.job.input as ApplyJobInput;
  context.progress({ phase: "planning" });
  await yieldToEventLoop();
  return applyRepository(
    context.prisma,
    {
      workspaceId: context.job.workspaceId,
      document: input.document,
      prune: input.prune,
      message: input.message,
      onProgress: reporter(context),
    },
    input.actor,
  );
}

async function runFeastImport(context: JobContext) {
  const input = context.job.input as FeastImportJobInput;
  context.progress({ phase: "checking the registry" });
  await yieldToEventLoop();
  const summary = await importFeastRegistry(
    context.prisma,
    {
      workspaceId: input.targetWorkspaceId,
      dump: input.dump,
      dryRun: input.dryRun,
      environment: input.environment,
      onProgress: reporter(context),
    },
    input.actor,
  );
  return { ...summary, workspace: input.targetWorkspaceSlug, newWorkspace: input.newWorkspace };
}

async function runFeastSync(context: JobContext) {
  const run = await syncFeastRegistryNow(context.prisma, context.job.workspaceId, new Date(), {
    onProgress: reporter(context),
  });
  // The run is in the sync history either way; a failed one fails the job with its reason.
  if (run.status === "failed") throw new AppError("unavailable", `The sync failed: ${run.error ?? "unknown error"}`);
  return { run };
}

export const appJobHandlers: JobHandlers = {
  apply: runApply,
  "feast-import": runFeastImport,
  "feast-sync": runFeastSync,
};
