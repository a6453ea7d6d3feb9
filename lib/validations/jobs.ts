import { z } from "zod";

/** A background job as `GET /api/v1/jobs/{id}` answers it (lib/jobs/queue.ts `JobView`). */
export const jobProgressSchema = z.object({
  phase: z.string().nullable().describe("What the job is doing: queued, planning, writing, done, failed, …"),
  done: z.number().int(),
  total: z.number().int().nullable().describe("Unknown (null) until the job has planned its work"),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(["apply", "feast-import", "feast-sync"]),
  state: z.enum(["queued", "running", "succeeded", "failed"]),
  progress: jobProgressSchema,
  result: z.unknown().describe("When succeeded: what the synchronous call would have answered"),
  error: z
    .object({
      code: z.string(),
      status: z.number().int().describe("The HTTP status the synchronous call would have answered"),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.unknown().optional(),
    })
    .nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  url: z.string(),
});

export const acceptedJobSchema = z.object({
  job: jobSchema.pick({ id: true, state: true, progress: true, url: true }),
});
