import "server-only";
import { z } from "zod";
import { parseQuery } from "@/lib/api/handler";
import { DEFINITION_KINDS, DOCUMENT_KEYS, type RepositoryDocument } from "@/lib/definitions/schema";
import type { JobView } from "@/lib/jobs/queue";

/*
 * When a write answers 202 + a job instead of its result. Asked explicitly with `?async=1` or
 * `Prefer: respond-async` (RFC 7240); refused with `?async=0`; otherwise decided by size, so
 * existing callers with ordinary inputs keep their synchronous answer.
 */

/** An apply of more objects than this runs as a job unless `async=0`. */
export const ASYNC_APPLY_OBJECTS = 500;
/** A Feast registry larger than this (bytes) is imported as a job unless `async=0`. */
export const ASYNC_FEAST_BYTES = 512 * 1024;

const asyncQuerySchema = z.object({
  async: z
    .enum(["true", "false", "1", "0"], { message: "Use async=1 (run as a job) or async=0 (answer when done)" })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true" || value === "1")),
});

export function wantsAsync(request: Request, isLarge: boolean): boolean {
  const { async } = parseQuery(request, asyncQuerySchema);
  if (async !== undefined) return async;
  if (/(^|[,;\s])respond-async([,;\s]|$)/i.test(request.headers.get("prefer") ?? "")) return true;
  return isLarge;
}

/** 202 Accepted: where to poll (Location) and the job as it stands. */
export function acceptedJob(job: JobView): Response {
  return new Response(JSON.stringify({ job: { id: job.id, state: job.state, progress: job.progress, url: job.url } }), {
    status: 202,
    headers: {
      "content-type": "application/json; charset=utf-8",
      location: job.url,
      "preference-applied": "respond-async",
    },
  });
}

/** How many objects a repository document holds (of every kind). */
export function documentObjectCount(document: RepositoryDocument): number {
  return DEFINITION_KINDS.reduce((sum, kind) => sum + (document[DOCUMENT_KEYS[kind]]?.length ?? 0), 0);
}
