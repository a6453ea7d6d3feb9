import type { z } from "zod";

/**
 * One route of the public API, described with the same zod schemas that validate its input.
 * The OpenAPI document is generated from these; a test fails when a route file under app/api
 * is not described.
 */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  /** Public, or the minimum user role and the token scope that also grants it. */
  auth: { public?: true; role?: "viewer" | "author" | "approver" | "admin"; scope?: "read" | "ingest" | "apply" };
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyContentTypes?: string[];
  response?: z.ZodType;
  responseStatus?: number;
  /** Can answer 202 Accepted with a job to poll (`?async=1`, `Prefer: respond-async`, or a large input). */
  accepted?: true;
}
