import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@/lib/db";
import { AppError, toAppError, type ErrorCode, type FieldError } from "@/lib/errors";

/*
 * The job table: long work (a large apply, a Feast import or sync) queued by a request and run
 * by whichever app instance claims it. Claiming is one conditional UPDATE, like the scheduler's
 * ticks (lib/scheduler/scheduler.ts): of several instances polling one PostgreSQL, exactly one
 * row update succeeds. A claim is a lease renewed while the job runs; a job left `running` by a
 * dead instance is claimed again once the lease lapses (its work is one transaction, so a rerun
 * starts from a registry the dead run did not half-write).
 */

export const JOB_KINDS = ["apply", "feast-import", "feast-sync"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export type JobState = "queued" | "running" | "succeeded" | "failed";

/** A claim lapses this long after its last renewal (the runner renews it every few seconds). */
export const JOB_LEASE_MS = 60_000;
/** A job whose instance died this many times is given up (it probably kills the instance). */
export const MAX_JOB_ATTEMPTS = 3;

export interface JobProgress {
  phase: string | null;
  done: number;
  total: number | null;
}

export interface JobError {
  code: ErrorCode;
  status: number;
  message: string;
  fields?: FieldError[];
  details?: unknown;
}

/** What the API and the UI see of a job. */
export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  progress: JobProgress;
  result: unknown;
  error: JobError | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  url: string;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  workspaceId: string;
  input: unknown;
  attempts: number;
}

export const jobUrl = (id: string) => `/api/v1/jobs/${id}`;

/**
 * The latest progress of the jobs this process runs. On the embedded database a job's progress
 * writes wait for its own transaction, and other readers see a snapshot taken as it began
 * (lib/db/pglite-snapshot-readers.ts), so a poll would show the phase of then until it ends.
 * Shown over a running job's row; the row stays the record, and other instances read it.
 */
const progressRunningHere = new Map<string, Partial<JobProgress>>();

export function noteProgressHere(id: string, progress: Partial<JobProgress> | null): void {
  if (progress) progressRunningHere.set(id, { ...progressRunningHere.get(id), ...progress });
  else progressRunningHere.delete(id);
}

function withProgressHere(view: JobView): JobView {
  const here = view.state === "running" ? progressRunningHere.get(view.id) : undefined;
  return here ? { ...view, progress: { ...view.progress, ...here } } : view;
}

export async function enqueueJob(
  prisma: Db,
  job: { kind: JobKind; workspaceId: string; input: unknown; createdById?: string | null; total?: number | null },
): Promise<JobView> {
  const id = randomUUID();
  // The input may be a whole registry or repository document (megabytes). As one JSON text
  // parameter it costs one JSON.stringify; through prisma.job.create the query compiler walked
  // it value by value, holding the event loop (every other request) 3 s for 5,000 views. It is
  // stored as text: parsing it into jsonb held the embedded database ~2 s more (migration 0016).
  await prisma.$executeRaw`
    INSERT INTO job (id, kind, workspace_id, input, created_by_id, phase, progress_total, created_at)
    VALUES (${id}, ${job.kind}, ${job.workspaceId}, ${JSON.stringify(job.input ?? null)},
            ${job.createdById ?? null}, 'queued', ${job.total ?? null}::int, clock_timestamp() AT TIME ZONE 'UTC')`;
  const row = await prisma.job.findUniqueOrThrow({ where: { id }, select: JOB_VIEW_COLUMNS });
  return toView(row);
}

/** The newest unfinished job of a kind in a workspace (so a second "Sync now" joins the first). */
export async function findUnfinishedJob(prisma: Db, workspaceId: string, kind: JobKind): Promise<JobView | null> {
  const row = await prisma.job.findFirst({
    where: { workspaceId, kind, state: { in: ["queued", "running"] } },
    orderBy: { createdAt: "desc" },
    select: JOB_VIEW_COLUMNS,
  });
  return row ? withProgressHere(toView(row)) : null;
}

/** A job of the caller's workspace; another workspace's id is 404 like an unknown one. */
export async function getJob(prisma: Db, workspaceId: string, id: string): Promise<JobView> {
  const row = await prisma.job.findFirst({ where: { id, workspaceId }, select: JOB_VIEW_COLUMNS });
  if (!row) throw new AppError("not_found", "No such job in this workspace.");
  return withProgressHere(toView(row));
}

/**
 * Claims the oldest runnable job for this instance, or returns null: a queued one, or a running
 * one whose lease lapsed. SKIP LOCKED lets two instances claim two different jobs at once; the
 * repeated condition in the UPDATE is what makes a claim exclusive.
 */
export async function claimNextJob(
  prisma: Db,
  instanceId: string,
  leaseMs: number = JOB_LEASE_MS,
): Promise<ClaimedJob | null> {
  const rows = await prisma.$queryRaw<
    Array<{ id: string; kind: string; workspace_id: string; input: string | null; attempts: number }>
  >`
    WITH clock AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now),
    next AS (
      SELECT job.id FROM job, clock
       WHERE job.state = 'queued' OR (job.state = 'running' AND job.lease_until < clock.now)
       ORDER BY job.created_at
       LIMIT 1
       FOR UPDATE OF job SKIP LOCKED
    )
    UPDATE job SET
      state = 'running',
      leased_by = ${instanceId},
      lease_until = clock.now + make_interval(secs => ${leaseMs} / 1000.0),
      started_at = COALESCE(job.started_at, clock.now),
      attempts = job.attempts + 1,
      phase = 'starting'
    FROM clock, next
    WHERE job.id = next.id
      AND (job.state = 'queued' OR (job.state = 'running' AND job.lease_until < clock.now))
    RETURNING job.id, job.kind, job.workspace_id, job.input, job.attempts`;
  const row = rows[0];
  return row
    ? {
        id: row.id,
        kind: row.kind,
        workspaceId: row.workspace_id,
        input: JSON.parse(row.input ?? "null") as unknown,
        attempts: row.attempts,
      }
    : null;
}

/** Records progress and renews the lease; false when this instance no longer holds the job. */
export async function recordJobProgress(
  prisma: Db,
  id: string,
  instanceId: string,
  progress: Partial<JobProgress>,
  leaseMs: number = JOB_LEASE_MS,
): Promise<boolean> {
  const count = await prisma.$executeRaw`
    UPDATE job SET
      phase = COALESCE(${progress.phase ?? null}::text, phase),
      progress_done = COALESCE(${progress.done ?? null}::int, progress_done),
      progress_total = COALESCE(${progress.total ?? null}::int, progress_total),
      lease_until = clock_timestamp() AT TIME ZONE 'UTC' + make_interval(secs => ${leaseMs} / 1000.0)
    WHERE id = ${id} AND leased_by = ${instanceId} AND state = 'running'`;
  return count > 0;
}

export async function completeJob(prisma: Db, id: string, instanceId: string, result: unknown): Promise<void> {
  await prisma.$executeRaw`
    UPDATE job SET
      state = 'succeeded', phase = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, input = NULL,
      progress_done = COALESCE(progress_total, progress_done),
      leased_by = NULL, lease_until = NULL, finished_at = clock_timestamp() AT TIME ZONE 'UTC'
    WHERE id = ${id} AND leased_by = ${instanceId} AND state = 'running'`;
}

/** Records the failure as the API would have answered it (code, status, message, fields). */
export async function failJob(prisma: Db, id: string, instanceId: string | null, error: unknown): Promise<void> {
  const body = jobErrorOf(error);
  await prisma.$executeRaw`
    UPDATE job SET
      state = 'failed', phase = 'failed', error = ${JSON.stringify(body)}::jsonb, input = NULL,
      leased_by = NULL, lease_until = NULL, finished_at = clock_timestamp() AT TIME ZONE 'UTC'
    WHERE id = ${id} AND state IN ('queued', 'running')
      AND (${instanceId}::text IS NULL OR leased_by = ${instanceId})`;
}

export function jobErrorOf(error: unknown): JobError {
  const appError = toAppError(error);
  return {
    code: appError.code,
    status: appError.status,
    // toAppError already hides an unexpected error's text (it may name tables or SQL).
    message:
      appError.code === "internal"
        ? "The job failed unexpectedly; nothing it would have changed was written."
        : appError.message,
    ...(appError.fields ? { fields: appError.fields } : {}),
    ...(appError.details !== undefined ? { details: appError.details } : {}),
  };
}

/** What a view reads: never the input, which a poll every second would otherwise fetch whole. */
const JOB_VIEW_COLUMNS = {
  id: true,
  kind: true,
  state: true,
  phase: true,
  progressDone: true,
  progressTotal: true,
  result: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.JobSelect;

type JobRow = Prisma.JobGetPayload<{ select: typeof JOB_VIEW_COLUMNS }>;

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as JobState,
    progress: { phase: row.phase, done: row.progressDone, total: row.progressTotal },
    result: row.result ?? null,
    error: (row.error as JobError | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    url: jobUrl(row.id),
  };
}
